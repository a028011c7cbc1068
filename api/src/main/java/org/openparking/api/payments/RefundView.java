package org.openparking.api.payments;

import java.time.Instant;
import java.util.UUID;

import org.openparking.api.shared.Money;

public record RefundView(UUID id, UUID paymentId, Money amount, RefundStatus status, Instant createdAt) {
}
