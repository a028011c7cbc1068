package org.openparking.gateway.uplink;

import org.jspecify.annotations.Nullable;

/** Plausible ranges of radio quality figures. */
final class Radio {

	private Radio() {
	}

	@Nullable
	static Double rssi(PayloadObject object) {
		return object.number("rssi", -200, 50);
	}

	@Nullable
	static Double snr(PayloadObject object) {
		return object.number("snr", -50, 50);
	}
}
