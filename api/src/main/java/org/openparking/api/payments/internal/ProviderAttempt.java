package org.openparking.api.payments.internal;

import java.time.Instant;
import java.util.UUID;

/** A payment or refund recorded PENDING before its provider call; settled once the provider answered. */
interface ProviderAttempt {

	UUID id();

	boolean isPending();

	/** When the attempt that owns the row last touched it. */
	Instant updatedAt();

	long version();
}
