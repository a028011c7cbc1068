package org.openparking.gateway.devices;

import java.time.Duration;

import org.jspecify.annotations.Nullable;
import org.openparking.gateway.uplink.Battery;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a sensor model behaves, configured as {@code parking.gateway.models.<model>.*}.
 *
 * @param heartbeatTimeout silence after which the device counts as lost (COMMS_LOST, its spot's state unknown)
 * @param lowBatteryVolts a battery reported in volts below this raises LOW_BATTERY
 * @param lowBatteryPercent a battery reported in percent below this raises LOW_BATTERY
 */
public record SensorModel(@DefaultValue("30m") Duration heartbeatTimeout, @DefaultValue("3.0") double lowBatteryVolts,
		@DefaultValue("15") double lowBatteryPercent) {

	/** Whether this battery level is low for this model; null when no level was reported. */
	public @Nullable Boolean isLow(@Nullable Battery battery) {
		return battery == null ? null : battery.isBelow(lowBatteryVolts, lowBatteryPercent);
	}
}
