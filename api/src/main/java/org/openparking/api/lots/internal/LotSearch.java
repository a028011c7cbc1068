package org.openparking.api.lots.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openparking.api.lots.LotView;
import org.openparking.api.lots.LotView.Location;
import org.openparking.api.security.Caller;
import org.openparking.api.shared.graphql.Connection;
import org.openparking.api.shared.graphql.InvalidArgumentException;
import org.openparking.api.shared.graphql.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Pages of lots by keyset (never by offset), so deep pages cost as little as the first. */
@Service
class LotSearch {

	private final Lots lots;

	private final LotsProperties properties;

	LotSearch(Lots lots, LotsProperties properties) {
		this.lots = lots;
		this.properties = properties;
	}

	@Transactional(readOnly = true)
	Connection<LotView> byName(PageRequest page) {
		LotCursor after = nameCursor(page);
		return byName(lots.pageByName(after.sortValue(), after.id(), page.limit()), page);
	}

	/** An administrator manages every lot; an operator only their own. */
	@Transactional(readOnly = true)
	Connection<LotView> managedBy(Caller caller, PageRequest page) {
		if (caller.isAdmin()) {
			return byName(page);
		}
		LotCursor after = nameCursor(page);
		return byName(lots.pageByOperatorAndName(caller.id().value(), after.sortValue(), after.id(), page.limit()),
				page);
	}

	private static LotCursor nameCursor(PageRequest page) {
		return page.after() == null ? new LotCursor(LotCursor.FIRST_ID, "") : LotCursor.decode(page.after());
	}

	private static Connection<LotView> byName(List<Lot> found, PageRequest page) {
		List<LotView> rows = found.stream().map(lot -> lot.toView(null)).toList();
		return Connection.of(rows, page, lot -> new LotCursor(lot.id(), lot.name()).encode());
	}

	@Transactional(readOnly = true)
	Connection<LotView> near(Location center, Integer radiusMeters, PageRequest page) {
		requireValid(center, radiusMeters);
		LotCursor after = page.after() == null ? null : LotCursor.decode(page.after());
		List<Lots.LotDistance> nearest = lots.near(center.latitude(), center.longitude(), radiusMeters,
				GeoBox.EARTH_RADIUS_METERS, GeoBox.around(center, radiusMeters),
				after == null ? -1 : after.distance(), after == null ? LotCursor.FIRST_ID : after.id(), page.limit());
		Map<UUID, Lot> found = lots.findByIdIn(nearest.stream().map(Lots.LotDistance::getId).toList())
			.stream()
			.collect(Collectors.toMap(Lot::getId, Function.identity()));
		List<LotView> rows = nearest.stream()
			.filter(hit -> found.containsKey(hit.getId()))
			.map(hit -> found.get(hit.getId()).toView(hit.getDistanceMeters()))
			.toList();
		return Connection.of(rows, page, lot -> new LotCursor(lot.id(), Double.toString(lot.distanceMeters())).encode());
	}

	private void requireValid(Location center, Integer radiusMeters) {
		if (radiusMeters == null || radiusMeters < 1 || radiusMeters > properties.maxRadiusMeters()) {
			throw new InvalidArgumentException(
					"radiusMeters is required with near and must be between 1 and " + properties.maxRadiusMeters());
		}
		if (!(Math.abs(center.latitude()) <= 90 && Math.abs(center.longitude()) <= 180)) {
			throw new InvalidArgumentException("near must have a latitude in [-90, 90] and a longitude in [-180, 180]");
		}
	}
}
