package org.openparking.api.payments;

import java.util.UUID;

/** What a payment pays for: a booking or a walk-in session. */
public record PaymentSubject(Kind kind, UUID id) {

	public enum Kind {
		BOOKING, SESSION
	}

	public static PaymentSubject booking(UUID id) {
		return new PaymentSubject(Kind.BOOKING, id);
	}

	public static PaymentSubject session(UUID id) {
		return new PaymentSubject(Kind.SESSION, id);
	}
}
