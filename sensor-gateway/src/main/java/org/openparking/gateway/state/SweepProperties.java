package org.openparking.gateway.state;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The sweepers that promote debounced changes and detect lost devices.
 *
 * @param interval pause between sweeps (wall time; what is due is decided by the gateway clock)
 * @param batch devices claimed per round
 * @param lease how long a claim is exclusive; a claimer that dies releases its devices after this
 */
@ConfigurationProperties("parking.gateway.sweep")
record SweepProperties(@DefaultValue("250ms") Duration interval, @DefaultValue("500") int batch,
		@DefaultValue("30s") Duration lease) {
}
