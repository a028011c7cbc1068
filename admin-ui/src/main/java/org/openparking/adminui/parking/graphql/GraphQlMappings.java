package org.openparking.adminui.parking.graphql;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.openparking.adminui.parking.AdministrativeState;
import org.openparking.adminui.parking.Alert;
import org.openparking.adminui.parking.CommercialState;
import org.openparking.adminui.parking.LotBoard;
import org.openparking.adminui.parking.LotSummary;
import org.openparking.adminui.parking.ObservedState;
import org.openparking.adminui.parking.SensorInfo;
import org.openparking.adminui.parking.SpotClass;
import org.openparking.adminui.parking.SpotTile;
import org.openparking.adminui.parking.Stay;
import org.openparking.adminui.parking.graphql.GraphQlDtos.AlertDto;
import org.openparking.adminui.parking.graphql.GraphQlDtos.LevelDto;
import org.openparking.adminui.parking.graphql.GraphQlDtos.LotDto;
import org.openparking.adminui.parking.graphql.GraphQlDtos.PaymentDto;
import org.openparking.adminui.parking.graphql.GraphQlDtos.SensorDto;
import org.openparking.adminui.parking.graphql.GraphQlDtos.SpotDto;

/** From the api's shapes to the port's records. */
final class GraphQlMappings {

	private GraphQlMappings() {
	}

	static LotSummary summary(LotDto lot) {
		Map<SpotClass, Integer> free = new EnumMap<>(SpotClass.class);
		int total = 0;
		for (LevelDto level : lot.levels()) {
			for (SpotDto spot : level.spots()) {
				total++;
				free.merge(spot.spotClass(), isFree(spot) ? 1 : 0, Integer::sum);
			}
		}
		var occupancy = lot.occupancy();
		return new LotSummary(lot.id(), lot.name(), lot.operatorId(), lot.address() == null ? "" : lot.address().city(),
				total, free, occupancy.occupied(), occupancy.free(), occupancy.unknown(), occupancy.occupancyPercent(),
				lot.activeAlertCount() == null ? 0 : lot.activeAlertCount());
	}

	private static boolean isFree(SpotDto spot) {
		return spot.administrativeState() == AdministrativeState.OPEN
				&& spot.commercialState() == CommercialState.FREE;
	}

	static LotBoard board(LotDto lot) {
		return new LotBoard(lot.id(), lot.name(), lot.operatorId(), lot.timeZone(),
				lot.levels().stream().map(level -> new LotBoard.Level(level.id(), level.code(), level.name(),
						level.ordinal() == null ? 0 : level.ordinal(), level.spots().stream().map(spot -> tile(level.code(), spot)).toList()))
					.toList());
	}

	static SpotTile tile(String levelCode, SpotDto spot) {
		var observation = spot.observation();
		return new SpotTile(spot.id(), spot.code(), levelCode, spot.spotClass(), spot.administrativeState(),
				spot.administrativeReason(), spot.commercialState(),
				observation == null ? ObservedState.UNKNOWN : observation.state(),
				observation == null ? null : observation.observedAt());
	}

	static SensorInfo sensor(SensorDto sensor) {
		var health = sensor.health();
		List<SensorInfo.Reading> readings = sensor.recentReadings() == null ? List.of()
				: sensor.recentReadings()
					.stream()
					.map(r -> new SensorInfo.Reading(r.kind(), r.occupied(), r.observedAt()))
					.toList();
		return new SensorInfo(sensor.deviceId(), sensor.model(), sensor.spot() == null ? null : sensor.spot().id(),
				sensor.spot() == null ? null : sensor.spot().code(), sensor.registeredAt(),
				health == null ? null : health.lastSeenAt(), health == null ? null : health.batteryPercent(),
				health == null ? null : health.lowBattery(), health == null ? null : health.rssi(),
				health == null ? "NEVER_SEEN" : health.comms(), readings);
	}

	static Alert alert(AlertDto alert) {
		return new Alert(alert.id(), alert.lotId(), alert.spot() == null ? null : alert.spot().id(),
				alert.spot() == null ? null : alert.spot().code(), alert.kind(), alert.status(), alert.message(),
				alert.deviceId(), alert.raisedAt(), alert.acknowledgedBy(), alert.resolvedBy());
	}

	private static long refunded(PaymentDto payment) {
		return payment.refunds() == null ? 0
				: payment.refunds()
					.stream()
					.filter(refund -> !"FAILED".equals(refund.status()))
					.mapToLong(refund -> refund.amount().amountMinor())
					.sum();
	}

	static List<Stay.PaymentInfo> payments(List<PaymentDto> payments) {
		return payments.stream()
			.map(p -> new Stay.PaymentInfo(p.id(), p.status(), p.amount().amountMinor(), refunded(p),
					p.amount().currency()))
			.toList();
	}
}
