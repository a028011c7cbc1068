package org.openparking.adminui.parking.graphql;

import java.time.Instant;
import java.util.List;

import org.openparking.adminui.parking.AdministrativeState;
import org.openparking.adminui.parking.AlertKind;
import org.openparking.adminui.parking.AlertStatus;
import org.openparking.adminui.parking.CommercialState;
import org.openparking.adminui.parking.ObservedState;
import org.openparking.adminui.parking.SpotClass;

/** The shapes of the documents in graphql-documents/, as the api sends them. */
final class GraphQlDtos {

	private GraphQlDtos() {
	}

	record LotDto(String id, String name, String operatorId, String timeZone, AddressDto address,
			OccupancyDto occupancy, Integer activeAlertCount, List<LevelDto> levels) {
	}

	record AddressDto(String city) {
	}

	record OccupancyDto(int occupied, int free, int unknown, double occupancyPercent) {
	}

	record LevelDto(String id, String code, String name, Integer ordinal, List<SpotDto> spots) {
	}

	record SpotDto(String id, String code, SpotClass spotClass, AdministrativeState administrativeState,
			String administrativeReason, CommercialState commercialState, ObservationDto observation,
			SensorDto sensor) {
	}

	record ObservationDto(ObservedState state, Instant observedAt) {
	}

	record SpotRefDto(String id, String code) {
	}

	record SensorDto(String deviceId, String model, Instant registeredAt, SpotRefDto spot, HealthDto health,
			List<ReadingDto> recentReadings) {
	}

	record HealthDto(Instant lastSeenAt, Double batteryPercent, Boolean lowBattery, Double rssi, String comms) {
	}

	record ReadingDto(String kind, Boolean occupied, Instant observedAt) {
	}

	record AlertDto(String id, String lotId, SpotRefDto spot, AlertKind kind, AlertStatus status, String message,
			String deviceId, Instant raisedAt, String acknowledgedBy, String resolvedBy) {
	}

	record MoneyDto(long amountMinor, String currency) {
	}

	record PaymentDto(String id, String status, MoneyDto amount, List<RefundDto> refunds) {
	}

	record RefundDto(String status, MoneyDto amount) {
	}

	record BookingDto(String id, String status, String userId, String vehiclePlate, Instant from, Instant to,
			SpotRefDto spot, List<PaymentDto> payments) {
	}

	record SessionDto(String id, String status, String userId, String vehiclePlate, Instant startedAt,
			Instant endedAt, SpotRefDto spot, List<PaymentDto> payments) {
	}

	record TariffDto(SpotClass spotClass, MoneyDto hourlyRate, MoneyDto dailyMaximum, MoneyDto minimumCharge) {
	}

	record DeadLetterDto(String id, Instant receivedAt, String deviceId, String reason, String detail,
			String payloadExcerpt) {
	}

	record HourDto(Instant hour, double occupancyPercent, int arrivals, int departures, Double averageDwellMinutes) {
	}

	record KpisDto(double averageOccupancyPercent, int turnover, Double averageDwellMinutes, List<HourDto> hours) {
	}

	record SpotStatusDto(String lotId, String spotId, CommercialState commercialState, String cause) {
	}

	record SpotObservationDto(String lotId, String spotId, ObservedState state, Instant observedAt) {
	}

	record AvailabilityDto(String lotId) {
	}
}
