package org.openparking.api.payments;

public enum RefundStatus {
	PENDING, SUCCEEDED, FAILED
}
