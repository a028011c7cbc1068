package org.openparking.gateway.uplink;

/** Stops parsing at the first problem. No stack trace: garbage must stay cheap to reject. */
final class InvalidUplink extends RuntimeException {

	private final RejectionReason reason;

	InvalidUplink(RejectionReason reason, String detail) {
		super(detail, null, false, false);
		this.reason = reason;
	}

	RejectionReason reason() {
		return reason;
	}
}
