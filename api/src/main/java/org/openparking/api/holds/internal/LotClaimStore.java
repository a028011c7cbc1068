package org.openparking.api.holds.internal;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.openparking.api.holds.ClaimKind;
import org.openparking.api.holds.CommercialState;
import org.openparking.api.holds.Hold;
import org.openparking.api.holds.HoldId;
import org.openparking.api.holds.LiveClaim;
import org.openparking.api.holds.SpotClaims.SessionClaim;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.UserId;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.stereotype.Component;

/**
 * The Lua layer: each method runs one script with keys from {@link ClaimKeys} and the time in ARGV, and turns its
 * reply into Java. Scripts that need the lot's claims loaded throw {@link LotNotReady}; {@link ReadyLots} rebuilds
 * and repeats. No PostgreSQL here.
 */
@Component
@SuppressWarnings({ "rawtypes", "unchecked" })
class LotClaimStore {

	private static final Map<String, CommercialState> STATES = Map.of("F", CommercialState.FREE, "H",
			CommercialState.HELD, "B", CommercialState.BOOKED, "S", CommercialState.IN_SESSION,
			// A spot blocked because a sensor sees a car nobody booked is not sold as anything.
			"O", CommercialState.FREE);

	private static final long OPEN_END_MS = LiveClaim.OPEN_END.toEpochMilli();

	private final StringRedisTemplate redis;

	private final RedisScript<List> holdScript;

	private final RedisScript<Long> releaseHoldScript;

	private final RedisScript<List> convertHoldScript;

	private final RedisScript<List> extendBookingScript;

	private final RedisScript<Long> releaseClaimScript;

	private final RedisScript<List> claimSessionScript;

	private final RedisScript<List> claimedDuringScript;

	private final RedisScript<List> blockOccupiedScript;

	private final RedisScript<List> statesAtScript;

	private final RedisScript<List> freeDuringScript;

	private final RedisScript<Long> rebuildLotScript;

	private final RedisScript<List> sweepExpiredScript;

	LotClaimStore(StringRedisTemplate redis, RedisScript<List> holdScript, RedisScript<Long> releaseHoldScript,
			RedisScript<List> convertHoldScript, RedisScript<List> extendBookingScript,
			RedisScript<Long> releaseClaimScript, RedisScript<List> claimSessionScript,
			RedisScript<List> claimedDuringScript, RedisScript<List> statesAtScript,
			RedisScript<Long> rebuildLotScript, RedisScript<List> sweepExpiredScript,
			RedisScript<List> blockOccupiedScript, RedisScript<List> freeDuringScript) {
		this.redis = redis;
		this.holdScript = holdScript;
		this.releaseHoldScript = releaseHoldScript;
		this.convertHoldScript = convertHoldScript;
		this.extendBookingScript = extendBookingScript;
		this.releaseClaimScript = releaseClaimScript;
		this.claimSessionScript = claimSessionScript;
		this.claimedDuringScript = claimedDuringScript;
		this.statesAtScript = statesAtScript;
		this.rebuildLotScript = rebuildLotScript;
		this.sweepExpiredScript = sweepExpiredScript;
		this.blockOccupiedScript = blockOccupiedScript;
		this.freeDuringScript = freeDuringScript;
	}

	/** Runs hold.lua; see {@link #holdCall} for the arguments. */
	HoldAttempt hold(HoldId id, UserId user, List<SpotId> candidates, boolean namedSpot, TimeWindow window,
			Instant now, Instant expiresAt, int limit) {
		ScriptCall call = holdCall(id, user, candidates, namedSpot, window, now, expiresAt, limit);
		List<String> reply = whenReady(id.lotId(), redis.execute(holdScript, call.keys(), call.args()));
		if ("OK".equals(reply.getFirst())) {
			return new HoldAttempt(HoldAttempt.Result.PLACED, Optional.of(spot(reply.get(1))));
		}
		return new HoldAttempt(HoldAttempt.Result.valueOf(reply.getFirst()), Optional.empty());
	}

	/**
	 * KEYS and ARGV of hold.lua; also used by the benchmark that runs the script over raw connections.
	 * @param candidates open spots to choose from, best code first; one with {@code namedSpot}
	 */
	static ScriptCall holdCall(HoldId id, UserId user, List<SpotId> candidates, boolean namedSpot,
			TimeWindow window, Instant now, Instant expiresAt, int limit) {
		LotId lot = id.lotId();
		List<String> keys = new ArrayList<>(4 + candidates.size());
		keys.add(ClaimKeys.ready(lot));
		keys.add(ClaimKeys.userHolds(lot, user));
		keys.add(ClaimKeys.holdExpiries(lot));
		keys.add(ClaimKeys.hold(id));
		Object[] args = new Object[8 + candidates.size()];
		args[0] = ms(now);
		args[1] = id.value().toString();
		args[2] = user.value();
		args[3] = ms(window.from());
		args[4] = ms(window.to());
		args[5] = ms(expiresAt);
		args[6] = Integer.toString(limit);
		args[7] = namedSpot ? "spot" : "class";
		for (int i = 0; i < candidates.size(); i++) {
			keys.add(ClaimKeys.claims(lot, candidates.get(i)));
			args[8 + i] = candidates.get(i).value().toString();
		}
		return new ScriptCall(keys, args);
	}

	record ScriptCall(List<String> keys, Object[] args) {
	}

	/** The hold if its hash still exists and has not expired by {@code now}. */
	Optional<Hold> findHold(HoldId id, Instant now) {
		List<Object> fields = redis.opsForHash().multiGet(ClaimKeys.hold(id), List.of("spot", "user", "from", "to", "exp"));
		if (fields.getFirst() == null || Long.parseLong((String) fields.get(4)) <= now.toEpochMilli()) {
			return Optional.empty();
		}
		return Optional.of(new Hold(id, spot((String) fields.get(0)), new UserId((String) fields.get(1)),
				window((String) fields.get(2), (String) fields.get(3)), instant((String) fields.get(4))));
	}

	boolean releaseHold(Hold hold, Instant now) {
		return redis.execute(releaseHoldScript, holdKeys(hold), ms(now), hold.id().value().toString(),
				hold.userId().value(), hold.spotId().value().toString()) == 1L;
	}

	/** Replaces the live hold by the booking's claim; false when the hold is gone, expired or not the user's. */
	boolean convertHold(Hold hold, UUID bookingId, Instant now) {
		List<String> reply = redis.execute(convertHoldScript, holdKeys(hold), ms(now), hold.id().value().toString(),
				hold.userId().value(), hold.spotId().value().toString(), bookingId.toString());
		return "OK".equals(reply.getFirst());
	}

	private static List<String> holdKeys(Hold hold) {
		LotId lot = hold.id().lotId();
		return List.of(ClaimKeys.hold(hold.id()), ClaimKeys.claims(lot, hold.spotId()),
				ClaimKeys.userHolds(lot, hold.userId()), ClaimKeys.holdExpiries(lot));
	}

	boolean extendBooking(LotId lot, SpotId spot, UUID bookingId, TimeWindow current, TimeWindow extended,
			Instant now) {
		List<String> reply = whenReady(lot, redis.execute(extendBookingScript,
				List.of(ClaimKeys.ready(lot), ClaimKeys.claims(lot, spot)), ms(now), bookingId.toString(),
				ms(current.from()), ms(current.to()), ms(extended.from()), ms(extended.to())));
		return "OK".equals(reply.getFirst());
	}

	/** Removes a booking's or session's claim; the number removed (0 when Redis did not know it). */
	long releaseClaim(LotId lot, SpotId spot, ClaimKind kind, UUID id) {
		return redis.execute(releaseClaimScript, List.of(ClaimKeys.claims(lot, spot)), letter(kind), id.toString());
	}

	/** Runs block-occupied.lua: the end of the block, or empty when a claim covers now. */
	/** The end of each block made; spots that a claim covers now are left out. */
	Map<SpotId, Instant> blockOccupied(LotId lot, List<SpotId> spots, Instant now, Instant until) {
		Object[] args = new Object[2 + spots.size()];
		args[0] = ms(now);
		args[1] = ms(until);
		spotArgs(spots, args, 2);
		List<String> reply = whenReady(lot, redis.execute(blockOccupiedScript, lotKeys(lot, spots), args));
		Map<SpotId, Instant> blocked = new LinkedHashMap<>();
		for (int i = 0; i < spots.size(); i++) {
			String end = reply.get(1 + i);
			if (!"CLAIMED".equals(end)) {
				blocked.put(spots.get(i), instant(end));
			}
		}
		return blocked;
	}

	long unblockOccupied(LotId lot, List<SpotId> spots) {
		Object[] args = new Object[1 + spots.size()];
		args[0] = "O";
		spotArgs(spots, args, 1);
		return redis.execute(releaseClaimScript, spots.stream().map(spot -> ClaimKeys.claims(lot, spot)).toList(),
				args);
	}

	/** @param candidates spots to choose from, best code first; the first of equal horizons wins */
	Optional<SessionClaim> claimForSession(LotId lot, List<SpotId> candidates, UUID sessionId, UserId user,
			Instant now) {
		List<String> keys = lotKeys(lot, candidates);
		Object[] args = new Object[4 + candidates.size()];
		args[0] = ms(now);
		args[1] = sessionId.toString();
		args[2] = user.value();
		args[3] = Long.toString(OPEN_END_MS);
		spotArgs(candidates, args, 4);
		List<String> reply = whenReady(lot, redis.execute(claimSessionScript, keys, args));
		if (!"OK".equals(reply.getFirst())) {
			return Optional.empty();
		}
		String end = reply.get(2);
		return Optional.of(new SessionClaim(spot(reply.get(1)),
				end.isEmpty() ? Optional.empty() : Optional.of(instant(end))));
	}

	Set<SpotId> claimedDuring(LotId lot, List<SpotId> spots, TimeWindow window, Instant now) {
		Object[] args = new Object[3 + spots.size()];
		args[0] = ms(now);
		args[1] = ms(window.from());
		args[2] = ms(window.to());
		spotArgs(spots, args, 3);
		List<String> reply = whenReady(lot, redis.execute(claimedDuringScript, lotKeys(lot, spots), args));
		Set<SpotId> claimed = new HashSet<>();
		for (String id : reply.subList(1, reply.size())) {
			claimed.add(spot(id));
		}
		return claimed;
	}

	Map<SpotId, CommercialState> statesAt(LotId lot, List<SpotId> spots, Instant now) {
		List<String> reply = whenReady(lot, redis.execute(statesAtScript, lotKeys(lot, spots), ms(now)));
		Map<SpotId, CommercialState> states = new LinkedHashMap<>();
		for (int i = 0; i < spots.size(); i++) {
			states.put(spots.get(i), STATES.get(reply.get(i + 1)));
		}
		return states;
	}

	/** Runs free-during.lua: the spots without a live claim overlapping the window, with their states now. */
	Map<SpotId, CommercialState> freeDuring(LotId lot, List<SpotId> spots, TimeWindow window, Instant now) {
		List<String> reply = whenReady(lot,
				redis.execute(freeDuringScript, lotKeys(lot, spots), ms(now), ms(window.from()), ms(window.to())));
		Map<SpotId, CommercialState> free = new LinkedHashMap<>();
		for (int i = 0; i < spots.size(); i++) {
			String code = reply.get(i + 1);
			if (!"C".equals(code)) {
				free.put(spots.get(i), STATES.get(code));
			}
		}
		return free;
	}

	/**
	 * Loads the lot's booking and session claims and marks it ready, unless it became ready meanwhile.
	 * @param spots every spot of the lot, so stale claims of spots without live claims are dropped too
	 * @return whether this call rebuilt the lot
	 */
	boolean rebuild(LotId lot, Collection<SpotId> spots, Collection<LiveClaim> claims, Instant now) {
		Set<SpotId> allSpots = new LinkedHashSet<>(spots);
		claims.forEach(claim -> allSpots.add(claim.spotId()));
		List<SpotId> ordered = List.copyOf(allSpots);
		Map<SpotId, Integer> keyIndex = new HashMap<>();
		for (int i = 0; i < ordered.size(); i++) {
			keyIndex.put(ordered.get(i), i + 2);
		}
		List<String> keys = lotKeys(lot, ordered);
		List<String> args = new ArrayList<>(1 + 5 * claims.size());
		args.add(ms(now));
		for (LiveClaim claim : claims) {
			args.add(keyIndex.get(claim.spotId()).toString());
			args.add(letter(claim.kind()));
			args.add(claim.id().toString());
			args.add(ms(claim.window().from()));
			args.add(Long.toString(Math.min(claim.window().to().toEpochMilli(), OPEN_END_MS)));
		}
		return redis.execute(rebuildLotScript, keys, args.toArray()) == 1L;
	}

	/** Due hold-expiry entries of each lot, read in one pipelined round trip. */
	Map<LotId, List<String>> dueHoldExpiries(List<LotId> lots, Instant now, int batch) {
		double max = now.toEpochMilli();
		List<Object> replies = redis.executePipelined((RedisCallback<Object>) connection -> {
			for (LotId lot : lots) {
				connection.zSetCommands()
					.zRangeByScore(ClaimKeys.holdExpiries(lot).getBytes(StandardCharsets.UTF_8),
							Double.NEGATIVE_INFINITY, max, 0, batch);
			}
			return null;
		});
		Map<LotId, List<String>> due = new LinkedHashMap<>();
		for (int i = 0; i < lots.size(); i++) {
			Collection<String> entries = (Collection<String>) replies.get(i);
			if (entries != null && !entries.isEmpty()) {
				due.put(lots.get(i), List.copyOf(entries));
			}
		}
		return due;
	}

	/** Removes the given due holds; returns those this call removed, so each is reported by one node only. */
	List<Hold> sweepExpired(LotId lot, List<String> entries, Instant now) {
		List<String> keys = new ArrayList<>(1 + 2 * entries.size());
		keys.add(ClaimKeys.holdExpiries(lot));
		Object[] args = new Object[1 + entries.size()];
		args[0] = ms(now);
		for (int i = 0; i < entries.size(); i++) {
			String[] parts = entries.get(i).split("\\|", 5);
			keys.add(ClaimKeys.claims(lot, spot(parts[1])));
			keys.add(ClaimKeys.userHolds(lot, new UserId(parts[4])));
			args[1 + i] = entries.get(i);
		}
		List<String> reply = redis.execute(sweepExpiredScript, keys, args);
		List<Hold> swept = new ArrayList<>(reply.size() / 2);
		for (int i = 0; i < reply.size(); i += 2) {
			String[] parts = reply.get(i).split("\\|", 5);
			swept.add(new Hold(new HoldId(lot, UUID.fromString(parts[0])), spot(parts[1]), new UserId(parts[4]),
					window(parts[2], parts[3]), instant(reply.get(i + 1))));
		}
		return swept;
	}

	private static List<String> lotKeys(LotId lot, List<SpotId> spots) {
		List<String> keys = new ArrayList<>(1 + spots.size());
		keys.add(ClaimKeys.ready(lot));
		for (SpotId spot : spots) {
			keys.add(ClaimKeys.claims(lot, spot));
		}
		return keys;
	}

	private static void spotArgs(List<SpotId> spots, Object[] args, int offset) {
		for (int i = 0; i < spots.size(); i++) {
			args[offset + i] = spots.get(i).value().toString();
		}
	}

	private static List<String> whenReady(LotId lot, List<String> reply) {
		if ("NOT_READY".equals(reply.getFirst())) {
			throw new LotNotReady(lot);
		}
		return reply;
	}

	private static String letter(ClaimKind kind) {
		return kind.name().substring(0, 1);
	}

	private static String ms(Instant instant) {
		return Long.toString(instant.toEpochMilli());
	}

	private static Instant instant(String ms) {
		return Instant.ofEpochMilli(Long.parseLong(ms));
	}

	private static TimeWindow window(String fromMs, String toMs) {
		return new TimeWindow(instant(fromMs), instant(toMs));
	}

	private static SpotId spot(String id) {
		return new SpotId(UUID.fromString(id));
	}
}
