package org.openparking.api.sensors.internal;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;

import org.dataloader.DataLoader;
import reactor.core.publisher.Mono;

import org.openparking.api.lots.LotAccess;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.LotView;
import org.openparking.api.lots.LotViews;
import org.openparking.api.lots.SpotId;
import org.openparking.api.lots.SpotView;
import org.openparking.api.security.Caller;
import org.openparking.api.security.Role;
import org.openparking.api.sensors.SensorView;
import org.openparking.api.shared.graphql.Connection;
import org.openparking.api.shared.graphql.InvalidArgumentException;
import org.openparking.api.shared.graphql.PageRequest;
import org.openparking.api.shared.graphql.PagingProperties;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.graphql.data.method.annotation.SchemaMapping;
import org.springframework.graphql.execution.BatchLoaderRegistry;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Controller;

/** Sensors and dead letters of a lot, for its operator or an administrator; every association batch-loaded. */
@Controller
class SensorQueryController {

	private static final String READINGS_LOADER = "sensorReadings";

	static final int DEFAULT_READINGS = 10;

	static final int MAX_READINGS = 100;

	private final SensorRecords records;

	private final SensorTelemetry telemetry;

	private final DeadLetters deadLetters;

	private final LotAccess lotAccess;

	private final LotViews lotViews;

	private final PagingProperties paging;

	SensorQueryController(SensorRecords records, SensorTelemetry telemetry, DeadLetters deadLetters,
			LotAccess lotAccess, LotViews lotViews, PagingProperties paging, BatchLoaderRegistry loaders) {
		this.records = records;
		this.telemetry = telemetry;
		this.deadLetters = deadLetters;
		this.lotAccess = lotAccess;
		this.lotViews = lotViews;
		this.paging = paging;
		loaders.<ReadingsKey, List<SensorReadingView>>forName(READINGS_LOADER)
			.registerMappedBatchLoader((keys, env) -> Mono.just(readings(keys)));
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('OPERATOR','ADMIN')")
	Connection<SensorView> sensors(@Argument String lotId, @Argument Integer first, @Argument String after) {
		LotId lot = LotId.parse(lotId);
		lotAccess.requireOperator(Caller.current(), lot);
		PageRequest page = PageRequest.of(first, after, paging);
		return Connection.of(records.ofLot(lot.value(), page.after(), page.limit()), page, SensorView::deviceId);
	}

	/** Without a lot: every dead letter, for administrators only. */
	@QueryMapping
	@PreAuthorize("hasAnyRole('OPERATOR','ADMIN')")
	Connection<DeadLetterView> deadLetters(@Argument String lotId, @Argument Integer first, @Argument String after) {
		Caller caller = Caller.current();
		LotId lot = lotId == null ? null : LotId.parse(lotId);
		if (lot != null) {
			lotAccess.requireOperator(caller, lot);
		}
		else if (!caller.isAdmin()) {
			throw new AccessDeniedException("Only administrators may list the dead letters of every lot");
		}
		PageRequest page = PageRequest.of(first, after, paging);
		return Connection.of(deadLetters.page(lot == null ? null : lot.value(), page.after(), page.limit()), page,
				DeadLetterView::sortKey);
	}

	/**
	 * Only the lot's operator and administrators learn which device watches a spot: with a device id anyone who may
	 * publish to the broker could speak for that sensor.
	 */
	@BatchMapping(typeName = "Spot")
	Map<SpotView, SensorView> sensor(List<SpotView> spots, Principal principal) {
		Set<UUID> visibleLots = lotsOperatedBy(principal, spots.stream().map(SpotView::lotId).collect(Collectors.toSet()));
		List<UUID> visibleSpots = spots.stream()
			.filter(spot -> visibleLots.contains(spot.lotId()))
			.map(SpotView::id)
			.toList();
		Map<UUID, SensorView> bySpot = visibleSpots.isEmpty() ? Map.of() : records.onSpots(visibleSpots);
		Map<SpotView, SensorView> result = new LinkedHashMap<>();
		for (SpotView spot : spots) {
			SensorView sensor = bySpot.get(spot.id());
			if (sensor != null) {
				result.put(spot, sensor);
			}
		}
		return result;
	}

	@BatchMapping(typeName = "Sensor")
	Map<SensorView, SpotView> spot(List<SensorView> sensors) {
		Map<SpotId, SpotView> spots = lotViews
			.spots(sensors.stream().map(sensor -> new SpotId(sensor.spotId())).collect(Collectors.toSet()));
		Map<SensorView, SpotView> result = new LinkedHashMap<>();
		sensors.forEach(sensor -> result.put(sensor, spots.get(new SpotId(sensor.spotId()))));
		return result;
	}

	@BatchMapping(typeName = "Sensor")
	Map<SensorView, SensorHealthView> health(List<SensorView> sensors) {
		Map<String, SensorHealthView> health = telemetry.health(deviceIds(sensors));
		Map<SensorView, SensorHealthView> result = new LinkedHashMap<>();
		for (SensorView sensor : sensors) {
			SensorHealthView row = health.get(sensor.deviceId());
			if (row != null) {
				result.put(sensor, row);
			}
		}
		return result;
	}

	@SchemaMapping(typeName = "Sensor")
	CompletableFuture<List<SensorReadingView>> recentReadings(SensorView sensor, @Argument Integer first,
			DataLoader<ReadingsKey, List<SensorReadingView>> sensorReadings) {
		int count = first == null ? DEFAULT_READINGS : first;
		if (count < 1 || count > MAX_READINGS) {
			throw new InvalidArgumentException("first must be between 1 and " + MAX_READINGS);
		}
		return sensorReadings.load(new ReadingsKey(sensor.deviceId(), count));
	}

	/** One statement per batch: the newest rows up to the largest {@code first} asked, cut per key. */
	private Map<ReadingsKey, List<SensorReadingView>> readings(Collection<ReadingsKey> keys) {
		int most = keys.stream().mapToInt(ReadingsKey::first).max().orElse(0);
		Map<String, List<SensorReadingView>> newest = telemetry
			.newestReadings(keys.stream().map(ReadingsKey::deviceId).collect(Collectors.toSet()), most);
		Map<ReadingsKey, List<SensorReadingView>> result = new HashMap<>();
		for (ReadingsKey key : keys) {
			List<SensorReadingView> rows = newest.getOrDefault(key.deviceId(), List.of());
			result.put(key, new ArrayList<>(rows.subList(0, Math.min(key.first(), rows.size()))));
		}
		return result;
	}

	private Set<UUID> lotsOperatedBy(Principal principal, Set<UUID> lotIds) {
		if (!(principal instanceof JwtAuthenticationToken token)) {
			return Set.of();
		}
		Caller caller = Caller.from(token);
		if (caller.isAdmin()) {
			return lotIds;
		}
		if (!caller.has(Role.OPERATOR)) {
			return Set.of();
		}
		return lotViews.lots(lotIds.stream().map(LotId::new).toList())
			.values()
			.stream()
			.filter(lot -> caller.id().value().equals(lot.operatorId()))
			.map(LotView::id)
			.collect(Collectors.toSet());
	}

	private static Set<String> deviceIds(List<SensorView> sensors) {
		return sensors.stream().map(SensorView::deviceId).collect(Collectors.toSet());
	}
}
