package org.openparking.api.sessions;

import java.time.Instant;
import java.util.UUID;

import org.openparking.api.shared.Money;

/**
 * The source object of the GraphQL {@code ParkingSession} type; the sessions module resolves its {@code lot},
 * {@code spot} and {@code payments} in batches, whichever module returned it.
 *
 * @param userId the driver (JWT subject)
 * @param latestAllowedEnd the start of the spot's next booking, by which the car must have left (null: none)
 * @param charge what the session costs by tariff, set when it ends
 */
public record SessionView(UUID id, SessionStatus status, UUID lotId, UUID spotId, String userId, String vehiclePlate,
		Instant startedAt, Instant latestAllowedEnd, Instant endedAt, Money charge) {
}
