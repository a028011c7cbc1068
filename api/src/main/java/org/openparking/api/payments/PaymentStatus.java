package org.openparking.api.payments;

public enum PaymentStatus {
	PENDING, SUCCEEDED, FAILED, REFUNDED, PARTIALLY_REFUNDED
}
