package org.openparking.api.sessions.internal;

import org.openparking.api.shared.VehiclePlate;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.micrometer.core.instrument.MeterRegistry;

import org.openparking.api.holds.SpotClaims;
import org.openparking.api.holds.SpotClaims.SessionClaim;
import org.openparking.api.lots.LotCatalog;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.Pricing;
import org.openparking.api.lots.SpotClass;
import org.openparking.api.lots.SpotId;
import org.openparking.api.lots.SpotSummary;
import org.openparking.api.sessions.SessionView;
import org.openparking.api.shared.Money;
import org.openparking.api.shared.UserId;
import org.openparking.api.shared.graphql.BusinessException;
import org.openparking.api.shared.graphql.InvalidArgumentException;
import org.openparking.api.shared.graphql.UserErrorCode;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;

/**
 * Starts a walk-in session: claims a spot that is free now in Redis (atomically, so racing drivers cannot share it),
 * then records the session in PostgreSQL, whose unique indexes are the final guard of one active session per user
 * and per spot. Whatever PostgreSQL refuses, the Redis claim is given back.
 */
@Service
public class SessionStarter {

	/** Starts the database refused after Redis had granted the claim, tagged by {@link SessionConflict}. */
	public static final String REFUSED_BY_DATABASE = "parking.sessions.start.refused.by.database";

	private static final String[] LOT_FIELD = { "input", "lotId" };

	private static final String[] SPOT_FIELD = { "input", "spotId" };

	private static final String[] CLASS_FIELD = { "input", "spotClass" };

	private static final String[] PLATE_FIELD = { "input", "vehiclePlate" };

	private final LotCatalog catalog;

	private final Pricing pricing;

	private final SpotClaims claims;

	private final SessionSpotClaims sessionClaims;

	private final ParkingSessions sessions;

	private final SessionRecords records;

	private final Clock clock;

	private final MeterRegistry meters;

	SessionStarter(LotCatalog catalog, Pricing pricing, SpotClaims claims, SessionSpotClaims sessionClaims,
			ParkingSessions sessions, SessionRecords records, Clock clock, MeterRegistry meters) {
		this.catalog = catalog;
		this.pricing = pricing;
		this.claims = claims;
		this.sessionClaims = sessionClaims;
		this.sessions = sessions;
		this.records = records;
		this.clock = clock;
		this.meters = meters;
	}

	/**
	 * @param spotId a named spot, or null to take the spot of {@code spotClass} (STANDARD when null) that stays free
	 * the longest
	 * @throws BusinessException for every refusal, with the input field at fault
	 */
	public SessionView start(UserId user, String lotId, String spotId, SpotClass spotClass, String vehiclePlate) {
		VehiclePlate plate = VehiclePlate.parse(vehiclePlate, PLATE_FIELD);
		LotId lot = parse(LotId::parse, lotId, LOT_FIELD);
		Optional<SpotId> spot = Optional.ofNullable(spotId).map(id -> parse(SpotId::parse, id, SPOT_FIELD));
		// Microseconds: what PostgreSQL stores, so the session reads back exactly as it was started.
		Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
		if (catalog.lot(lot).isEmpty()) {
			throw new BusinessException(UserErrorCode.NOT_FOUND, "No lot " + lot, LOT_FIELD);
		}
		if (!catalog.isOpenAt(lot, now)) {
			throw new BusinessException(UserErrorCode.LOT_CLOSED, "The lot is closed now", LOT_FIELD);
		}
		SpotClass wanted = spot.map(id -> openSpot(lot, id, spotClass).spotClass())
			.orElse(spotClass == null ? SpotClass.STANDARD : spotClass);
		Money rate = pricing.hourlyRate(lot, wanted)
			.orElseThrow(() -> new BusinessException(UserErrorCode.TARIFF_MISSING,
					"The lot has no tariff for " + wanted + " spots", spot.isPresent() ? SPOT_FIELD : CLASS_FIELD));
		if (sessions.hasActive(user.value())) {
			throw activeSessionExists();
		}
		UUID sessionId = UUID.randomUUID();
		SessionClaim claim = claims.claimForSession(lot, spot, wanted, sessionId, user, now)
			.orElseThrow(() -> claimRefused(user, spot, wanted));
		ParkingSession session = new ParkingSession(sessionId, lot.value(), claim.spotId().value(), user.value(),
				plate.value(), now, claim.latestAllowedEnd().orElse(null), rate.currency());
		try {
			return records.start(session);
		}
		catch (RuntimeException ex) {
			sessionClaims.release(lot.value(), claim.spotId().value(), sessionId);
			throw ex instanceof DataIntegrityViolationException violation ? refusedByDatabase(violation, spot) : ex;
		}
	}

	private SpotSummary openSpot(LotId lot, SpotId id, SpotClass spotClass) {
		SpotSummary spot = catalog.spot(id)
			.filter(found -> found.lotId().equals(lot))
			.orElseThrow(() -> new BusinessException(UserErrorCode.NOT_FOUND, "No spot " + id + " in this lot",
					SPOT_FIELD));
		if (!spot.isOpen()) {
			throw new BusinessException(UserErrorCode.SPOT_CLOSED,
					"Spot " + spot.code() + " is " + spot.state().name().toLowerCase().replace('_', ' '), SPOT_FIELD);
		}
		if (spotClass != null && spotClass != spot.spotClass()) {
			throw new BusinessException(UserErrorCode.INVALID_INPUT,
					"Spot " + spot.code() + " is a " + spot.spotClass() + " spot, not " + spotClass, CLASS_FIELD);
		}
		return spot;
	}

	// The spot may have gone to this user's own concurrent start: say so rather than "no spot".
	private BusinessException claimRefused(UserId user, Optional<SpotId> spot, SpotClass spotClass) {
		if (sessions.hasActive(user.value())) {
			return activeSessionExists();
		}
		return spot.isPresent() ? spotTaken(spot)
				: new BusinessException(UserErrorCode.NO_SPOT_AVAILABLE, "No " + spotClass + " spot is free now",
						CLASS_FIELD);
	}

	// Counted: spot conflicts here mean Redis lagged behind PostgreSQL, user conflicts mean racing starts.
	private RuntimeException refusedByDatabase(DataIntegrityViolationException violation, Optional<SpotId> spot) {
		return SessionConflict.of(violation).<RuntimeException>map(conflict -> {
			meters.counter(REFUSED_BY_DATABASE, "conflict", conflict.name()).increment();
			return switch (conflict) {
				case USER_HAS_ACTIVE_SESSION -> activeSessionExists();
				case SPOT_IN_SESSION, SPOT_BOOKED -> spotTaken(spot);
			};
		}).orElse(violation);
	}

	private static BusinessException spotTaken(Optional<SpotId> spot) {
		return spot.isPresent() ? new BusinessException(UserErrorCode.SPOT_TAKEN, "The spot is taken now", SPOT_FIELD)
				: new BusinessException(UserErrorCode.SPOT_TAKEN, "The spot picked was taken meanwhile; try again");
	}

	private static BusinessException activeSessionExists() {
		return new BusinessException(UserErrorCode.ACTIVE_SESSION_EXISTS,
				"You already have an active parking session; end it first");
	}

	private static <T> T parse(Function<String, T> parser, String text, String... field) {
		try {
			return parser.apply(text);
		}
		catch (InvalidArgumentException ex) {
			throw new BusinessException(UserErrorCode.INVALID_INPUT, ex.getMessage(), field);
		}
	}
}
