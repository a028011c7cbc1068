package org.openparking.gateway.uplink;

import java.util.regex.Pattern;

/**
 * Device ids the gateway accepts (the sensor_device table checks the same pattern). Strict on purpose: ids end up
 * in Redis keys (so no braces) and in PostgreSQL text (so no NUL).
 */
final class DeviceIds {

	private static final Pattern VALID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

	private DeviceIds() {
	}

	static boolean isValid(String deviceId) {
		return VALID.matcher(deviceId).matches();
	}
}
