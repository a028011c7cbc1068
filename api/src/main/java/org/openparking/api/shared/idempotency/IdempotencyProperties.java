package org.openparking.api.shared.idempotency;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param abandonedAfter a first attempt that has stored no result after this long is taken to have died
 * @param retention how long keys are kept before they may be purged
 */
@ConfigurationProperties("parking.idempotency")
public record IdempotencyProperties(@DefaultValue("60s") Duration abandonedAfter,
		@DefaultValue("24h") Duration retention) {
}
