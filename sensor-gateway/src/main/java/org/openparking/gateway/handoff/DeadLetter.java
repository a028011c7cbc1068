package org.openparking.gateway.handoff;

import org.openparking.gateway.uplink.RejectionReason;

/** A rejected uplink (table sensor_dead_letter). */
public record DeadLetter(UplinkOrigin origin, RejectionReason reason, String detail) {

	private static final int MAX_TEXT = 300;

	public DeadLetter {
		detail = printable(detail);
	}

	String topic() {
		return printable(origin.topic());
	}

	/** PostgreSQL text refuses NUL, and nothing a sender controls may fail the batch it arrived in. */
	private static String printable(String text) {
		String clean = text.replace('\u0000', '?');
		return clean.length() > MAX_TEXT ? clean.substring(0, MAX_TEXT) + "..." : clean;
	}
}
