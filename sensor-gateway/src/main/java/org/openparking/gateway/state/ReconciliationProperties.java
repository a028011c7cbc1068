package org.openparking.gateway.state;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How readings become state.
 *
 * @param debounce how long an occupancy change must hold before it counts (zero: at once)
 * @param stateTtl a device silent this long is forgotten
 * @param lostStateTtl how long a lost device is remembered, to report its return (COMMS_RESTORED)
 * @param recentReadings how many applied readings per device are remembered to recognise duplicates that arrive
 * after newer readings
 */
@ConfigurationProperties("parking.gateway")
record ReconciliationProperties(@DefaultValue("8s") Duration debounce, @DefaultValue("30d") Duration stateTtl,
		@DefaultValue("90d") Duration lostStateTtl, @DefaultValue("16") int recentReadings) {
}
