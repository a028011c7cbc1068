package org.openparking.gateway.retention;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long history is kept.
 *
 * @param observations age (by received_at) after which observations are deleted; must exceed
 * parking.gateway.uplink.max-age, so a late duplicate can never re-insert a deleted observation
 * @param deadLetters age after which dead letters are deleted
 * @param interval pause between runs
 * @param chunk rows deleted per statement, so no run holds long locks or a huge transaction
 */
@ConfigurationProperties("parking.gateway.retention")
record RetentionProperties(@DefaultValue("30d") Duration observations, @DefaultValue("7d") Duration deadLetters,
		@DefaultValue("1h") Duration interval, @DefaultValue("10000") int chunk) {
}
