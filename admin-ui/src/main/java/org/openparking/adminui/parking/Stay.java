package org.openparking.adminui.parking;

import java.time.Instant;
import java.util.List;

/** A booking or a walk-in session, as the lookup lists them; {@code to} is null for an open session. */
public record Stay(Kind kind, String id, String status, String spotId, String spotCode, String userId,
		String vehiclePlate, Instant from, Instant to, List<PaymentInfo> payments) {

	public enum Kind {
		BOOKING, SESSION
	}

	/** @param refundedMinor refunded or being refunded (pending refunds count: they are on their way) */
	public record PaymentInfo(String id, String status, long amountMinor, long refundedMinor, String currency) {

		public long refundableMinor() {
			return Math.max(0, amountMinor - refundedMinor);
		}
	}
}
