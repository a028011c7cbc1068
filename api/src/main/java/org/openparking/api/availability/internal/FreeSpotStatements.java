package org.openparking.api.availability.internal;

import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.openparking.api.lots.SpotClass;
import org.openparking.api.shared.TimeWindow;

/**
 * The SQL of search and availability. Both first collect the spots that live bookings and active sessions claim
 * during the window in the lots at hand ({@code claimed}), then anti-join the lots' spots against that set (a hashed
 * subplan). The lots are joined from an array rather than matched with
 * {@code = any(array)}: GiST index scans cannot take an array condition, so {@code = any} would leave the lot out of
 * the index condition, while the join probes the index once per lot with lot and window. Probing each spot's
 * bookings one by one instead costs a GiST descent per spot. {@code bin/bench-search} measures these statements
 * against the candidate index layouts (V50 records the result).
 * <p>
 * Booking and session claims follow V2/V4: a booking claims {@code during} while its status is live; a session claims
 * {@code [started_at, coalesce(latest_allowed_end, infinity))} while {@code ended_at} is null. Arrays travel as
 * PostgreSQL array literals so one statement text serves any number of lots, classes and spots.
 * <p>
 * A search row carries its spot and lot whole, so an offer's {@code spot} and {@code lot} cost no further query.
 */
public final class FreeSpotStatements {

	private static final String CLAIMED = """
			claimed as materialized (
			    select b.spot_id from unnest(cast(:lotIds as uuid[])) as l(lot_id)
			    join booking b on b.lot_id = l.lot_id
			    where b.during && tstzrange(:from, :to)
			      and b.status in ('HELD', 'PENDING_PAYMENT', 'CONFIRMED', 'CHECKED_IN')
			    union all
			    select p.spot_id from unnest(cast(:lotIds as uuid[])) as l(lot_id)
			    join parking_session p on p.lot_id = l.lot_id
			    where p.ended_at is null
			      and tstzrange(p.started_at, coalesce(p.latest_allowed_end, 'infinity')) && tstzrange(:from, :to))
			""";

	private static final String FREE_SPOTS = """
			with scope as (
			    select * from unnest(cast(:lotIds as uuid[]), cast(:distances as float8[])) as c(lot_id, distance)),
			%s
			select s.id, s.lot_id, s.level_id, s.code, s.zone, s.spot_class, s.ev_connector, s.max_height_cm,
			       s.admin_state, s.admin_state_reason, t.hourly_rate_minor, t.currency, c.distance,
			       l.name as lot_name, l.operator_id, l.street, l.city, l.postal_code, l.country_code, l.latitude,
			       l.longitude, l.time_zone, l.max_height_cm as lot_max_height_cm
			from scope c
			join lot l on l.id = c.lot_id
			join spot s on s.lot_id = c.lot_id
			join tariff t on t.lot_id = s.lot_id and t.spot_class = s.spot_class
			where s.admin_state = 'OPEN'
			  and s.spot_class = any(cast(:classes as text[]))
			  and t.hourly_rate_minor <= :maxPrice
			  and s.id not in (select spot_id from claimed)
			  %s
			order by t.hourly_rate_minor, c.distance, s.lot_id, s.code
			limit :limit
			""";

	private static final String AFTER = "and (t.hourly_rate_minor, c.distance, s.lot_id, s.code) "
			+ "> (:afterPrice, :afterDistance, :afterLot, :afterCode)";

	private static final String COUNTS = """
			with %s
			select s.spot_class, count(*) as total,
			       array_agg(s.id) filter (where s.admin_state = 'OPEN' and s.id not in (select spot_id from claimed))
			           as free_spots
			from spot s
			where s.lot_id = any(cast(:lotIds as uuid[]))
			group by s.spot_class
			""";

	private FreeSpotStatements() {
	}

	/**
	 * Open, priced spots of the lots free for the whole window, in {@link OfferKey} order, after {@code after} (null:
	 * from the start). Live holds are left to the caller, who asks Redis about the spots of the page only.
	 */
	public static SqlStatement freeSpots(List<LotDistance> lots, TimeWindow window, Set<SpotClass> classes,
			long maxPricePerHourMinor, OfferKey after, int limit) {
		Map<String, Object> params = windowParams(lots, window);
		params.put("distances", arrayLiteral(lots.stream().map(LotDistance::meters).toList()));
		params.put("classes", arrayLiteral(classes));
		params.put("maxPrice", maxPricePerHourMinor);
		params.put("limit", limit);
		if (after != null) {
			params.put("afterPrice", after.pricePerHourMinor());
			params.put("afterDistance", after.distance());
			params.put("afterLot", after.lotId());
			params.put("afterCode", after.code());
		}
		return new SqlStatement(FREE_SPOTS.formatted(CLAIMED, after == null ? "" : AFTER), params);
	}

	/**
	 * Per class of the lots' spots: how many there are, and which ones bookings, sessions and administrative state
	 * leave free (live holds are left to the caller, as above).
	 */
	public static SqlStatement countsByClass(List<LotDistance> lots, TimeWindow window) {
		Map<String, Object> params = windowParams(lots, window);
		return new SqlStatement(COUNTS.formatted(CLAIMED), params);
	}

	private static Map<String, Object> windowParams(List<LotDistance> lots, TimeWindow window) {
		Map<String, Object> params = new HashMap<>();
		params.put("lotIds", arrayLiteral(lots.stream().map(lot -> lot.lot().value()).toList()));
		params.put("from", window.from().atOffset(ZoneOffset.UTC));
		params.put("to", window.to().atOffset(ZoneOffset.UTC));
		return params;
	}

	/** Elements are UUIDs, enum names and numbers: none needs quoting in an array literal. */
	private static String arrayLiteral(Collection<?> elements) {
		return elements.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"));
	}
}
