package org.openparking.api.holds;

import java.time.Instant;
import java.util.UUID;

import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.TimeWindow;

/**
 * A booking or session claim as PostgreSQL knows it; {@code window.to} is {@link #OPEN_END} (or anything later, which
 * counts the same) for sessions without a latest allowed end.
 */
public record LiveClaim(SpotId spotId, ClaimKind kind, UUID id, TimeWindow window) {

	/** The end of an open-ended claim: far enough to outlast every real one, small enough for epoch milliseconds. */
	public static final Instant OPEN_END = Instant.parse("9999-12-31T23:59:59.999Z");
}
