package org.openparking.adminui.lots.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

import org.openparking.adminui.parking.ParkingApi;
import org.openparking.adminui.parking.SensorInfo;
import org.openparking.adminui.parking.SpotDetail;
import org.openparking.adminui.parking.SpotTile;
import org.openparking.adminui.parking.Stay;
import org.openparking.adminui.security.CurrentUser;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import com.vaadin.flow.router.RouterLink;

import jakarta.annotation.security.PermitAll;

/** One spot: its three states, its sensor's health and recent readings, and the bookings and sessions on it. */
@Route("lots/:lotId/spots/:spotId")
@PageTitle("Spot · Parking admin")
@PermitAll
public class SpotDetailView extends VerticalLayout implements BeforeEnterObserver {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("UTC"));

	private final ParkingApi api;

	private final CurrentUser currentUser;

	public SpotDetailView(ParkingApi api, CurrentUser currentUser) {
		this.api = api;
		this.currentUser = currentUser;
		setId("spot-detail");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		RouteParameters parameters = event.getRouteParameters();
		show(parameters.get("lotId").orElse(""), parameters.get("spotId").orElse(""));
	}

	void show(String lotId, String spotId) {
		removeAll();
		SpotDetail detail = api.spot(lotId, spotId).orElse(null);
		if (detail == null || !currentUser.get().mayManage(detail.operatorId())) {
			Div missing = new Div(new Paragraph(detail == null ? "No such spot." : "This spot belongs to another operator."));
			missing.setId(detail == null ? "spot-missing" : "spot-forbidden");
			add(missing);
			return;
		}
		SpotTile spot = detail.spot();
		add(new RouterLink("← " + detail.lotName(), LotBoardView.class, new RouteParameters("lotId", lotId)),
				new H2("Spot " + spot.code() + " · " + spot.boardState().label()));
		FormLayout states = new FormLayout();
		states.addFormItem(new Span(spot.administrativeState().name()
				+ (spot.administrativeReason() == null ? "" : " (" + spot.administrativeReason() + ")")), "Administrative");
		states.addFormItem(new Span(spot.commercialState().name()), "Commercial");
		states.addFormItem(new Span(spot.observedState().name()
				+ (spot.observedAt() == null ? "" : " since " + format(spot.observedAt()))), "Observed");
		states.addFormItem(new Span(spot.spotClass().name() + " · level " + spot.levelCode()), "Class");
		add(states, new H3("Sensor"));
		add(sensor(detail.sensor()));
		add(new H3("Bookings and sessions"));
		if (detail.stays().isEmpty()) {
			add(new Paragraph("Nothing booked or parked on this spot."));
		}
		else {
			Grid<Stay> stays = new Grid<>();
			stays.addColumn(stay -> stay.kind().name().toLowerCase(Locale.ROOT)).setHeader("What");
			stays.addColumn(Stay::status).setHeader("Status");
			stays.addColumn(stay -> format(stay.from()) + " – " + (stay.to() == null ? "open" : format(stay.to())))
				.setHeader("When (UTC)");
			stays.addColumn(Stay::vehiclePlate).setHeader("Plate");
			stays.addColumn(Stay::userId).setHeader("User");
			stays.setItems(detail.stays());
			stays.setAllRowsVisible(true);
			add(stays);
		}
	}

	private static com.vaadin.flow.component.Component sensor(SensorInfo sensor) {
		if (sensor == null) {
			return new Paragraph("No sensor on this spot: its occupancy is unknown.");
		}
		FormLayout health = new FormLayout();
		health.setId("sensor-health");
		health.addFormItem(new Span(sensor.deviceId() + " (" + sensor.model() + ")"), "Device");
		health.addFormItem(new Span(sensor.comms()), "Comms");
		health.addFormItem(new Span(sensor.lastSeenAt() == null ? "never" : format(sensor.lastSeenAt())), "Last seen");
		health.addFormItem(new Span(sensor.batteryPercent() == null ? "–"
				: String.format(Locale.ROOT, "%.0f %%%s", sensor.batteryPercent(),
						Boolean.TRUE.equals(sensor.lowBattery()) ? " (low)" : "")), "Battery");
		health.addFormItem(new Span(sensor.rssi() == null ? "–" : sensor.rssi() + " dBm"), "Signal");
		VerticalLayout readings = new VerticalLayout();
		readings.setPadding(false);
		sensor.recentReadings()
			.forEach(r -> readings.add(new Span(format(r.observedAt()) + " " + r.kind()
					+ (r.occupied() == null ? "" : r.occupied() ? " occupied" : " free"))));
		health.addFormItem(readings, "Recent readings");
		return health;
	}

	static String format(TemporalAccessor time) {
		return TIME.format(time);
	}
}
