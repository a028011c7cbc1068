package org.openparking.adminui.sensors.ui;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.openparking.adminui.base.ui.Confirmations;
import org.openparking.adminui.base.ui.Notifications;
import org.openparking.adminui.lots.ui.LotPicker;
import org.openparking.adminui.parking.ApiException;
import org.openparking.adminui.parking.DeadLetter;
import org.openparking.adminui.parking.LotSummary;
import org.openparking.adminui.parking.ParkingApi;
import org.openparking.adminui.parking.SensorInfo;
import org.openparking.adminui.parking.SpotTile;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/** Register a sensor on a spot or remove it, see every sensor's health and the uplinks the gateway rejected. */
@Route("sensors")
@PageTitle("Sensors · Parking admin")
@Menu(order = 3, title = "Sensors", icon = "vaadin:signal")
@PermitAll
public class SensorsView extends VerticalLayout {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneOffset.UTC);

	private final ParkingApi api;

	private final LotPicker lot;

	private final ComboBox<SpotTile> spot = new ComboBox<>("Spot");

	private final Grid<SensorInfo> sensors = new Grid<>();

	private final Grid<DeadLetter> deadLetters = new Grid<>();

	public SensorsView(ParkingApi api) {
		this.api = api;
		this.lot = new LotPicker(api);
		setId("sensors");
		TextField deviceId = new TextField("Device id");
		deviceId.setId("device-id");
		TextField model = new TextField("Model", "default", "");
		spot.setItemLabelGenerator(SpotTile::code);
		Button register = new Button("Register", click -> {
			if (spot.getValue() == null) {
				Notifications.failure("Choose a spot");
				return;
			}
			try {
				api.registerSensor(deviceId.getValue(), spot.getValue().id(), model.getValue());
				Notifications.success("Sensor " + deviceId.getValue() + " is on spot " + spot.getValue().code());
				refresh();
			}
			catch (ApiException refused) {
				Notifications.failure(refused.getMessage());
			}
		});
		register.addThemeVariants(ButtonVariant.PRIMARY);
		register.setId("register-sensor");
		sensors.addColumn(SensorInfo::deviceId).setHeader("Device").setAutoWidth(true);
		sensors.addColumn(SensorInfo::spotCode).setHeader("Spot").setAutoWidth(true);
		sensors.addColumn(SensorInfo::comms).setHeader("Comms").setAutoWidth(true);
		sensors.addColumn(s -> s.lastSeenAt() == null ? "never" : TIME.format(s.lastSeenAt())).setHeader("Last seen");
		sensors.addColumn(s -> s.batteryPercent() == null ? "–"
				: String.format(Locale.ROOT, "%.0f %%", s.batteryPercent())).setHeader("Battery");
		sensors.addColumn(s -> s.rssi() == null ? "–" : String.valueOf(s.rssi())).setHeader("RSSI");
		sensors.addComponentColumn(this::removeButton).setKey("remove").setAutoWidth(true);
		sensors.setId("sensors-grid");
		sensors.setAllRowsVisible(true);
		deadLetters.addColumn(d -> TIME.format(d.receivedAt())).setHeader("Received").setAutoWidth(true);
		deadLetters.addColumn(DeadLetter::deviceId).setHeader("Device").setAutoWidth(true);
		deadLetters.addColumn(DeadLetter::reason).setHeader("Reason").setAutoWidth(true);
		deadLetters.addColumn(DeadLetter::detail).setHeader("Detail").setFlexGrow(1);
		deadLetters.addColumn(DeadLetter::payloadExcerpt).setHeader("Payload").setFlexGrow(1);
		deadLetters.setAllRowsVisible(true);
		lot.addValueChangeListener(change -> refresh());
		add(new H2("Sensors"), lot, new H3("Register a sensor"), new FormLayout(deviceId, spot, model, register),
				new H3("Health"), sensors, new H3("Rejected uplinks"), deadLetters);
		lot.select(null);
	}

	private Button removeButton(SensorInfo sensor) {
		Button remove = new Button("Remove", click -> Confirmations.confirm(
				"Remove sensor " + sensor.deviceId() + " from spot " + sensor.spotCode() + "?",
				() -> api.removeSensor(sensor.deviceId()), "Sensor " + sensor.deviceId() + " removed", this::refresh));
		remove.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR);
		remove.setId("remove-" + sensor.deviceId());
		return remove;
	}

	private void refresh() {
		LotSummary chosen = lot.getValue();
		if (chosen == null) {
			spot.setItems(List.of());
			sensors.setItems(List.of());
			deadLetters.setItems(List.of());
			return;
		}
		spot.setItems(api.lotBoard(chosen.id()).map(board -> board.spots()).orElse(List.of()));
		sensors.setItems(api.sensors(chosen.id()));
		deadLetters.setItems(api.deadLetters(chosen.id()));
	}
}
