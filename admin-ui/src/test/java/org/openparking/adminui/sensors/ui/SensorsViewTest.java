package org.openparking.adminui.sensors.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openparking.adminui.parking.SensorInfo;
import org.openparking.adminui.parking.SpotTile;
import org.openparking.adminui.support.KaribuTest;

import com.github.mvysny.kaributesting.v10.GridKt;
import com.github.mvysny.kaributesting.v10.pro.ConfirmDialogKt;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.textfield.TextField;

class SensorsViewTest extends KaribuTest {

	@Test
	void registeringNeedsASpot() {
		api.addLot("lot-1", "Central", "olga", 2);
		UI.getCurrent().add(new SensorsView(api));
		_click(_get(Button.class, spec -> spec.withId("register-sensor")));
		expectNotifications("Choose a spot");
	}

	@Test
	@SuppressWarnings("unchecked")
	void registersADeviceOnTheChosenSpot() {
		api.addLot("lot-1", "Central", "olga", 2);
		UI.getCurrent().add(new SensorsView(api));
		_setValue(_get(TextField.class, spec -> spec.withId("device-id")), "dev-42");
		ComboBox<SpotTile> spot = _get(ComboBox.class, spec -> spec.withLabel("Spot"));
		spot.setValue(spot.getListDataView().getItems().filter(s -> s.code().equals("A-2")).findFirst().orElseThrow());
		_click(_get(Button.class, spec -> spec.withId("register-sensor")));
		expectNotifications("Sensor dev-42 is on spot A-2");
	}

	@Test
	@SuppressWarnings("unchecked")
	void aRefusalIsShown() {
		api.addLot("lot-1", "Central", "olga", 2);
		UI.getCurrent().add(new SensorsView(api));
		ComboBox<SpotTile> spot = _get(ComboBox.class, spec -> spec.withLabel("Spot"));
		spot.setValue(spot.getListDataView().getItems().findFirst().orElseThrow());
		api.refuseActionsWith = "The device id is registered in a lot of another operator";
		_click(_get(Button.class, spec -> spec.withId("register-sensor")));
		expectNotifications("The device id is registered in a lot of another operator");
	}

	@Test
	@SuppressWarnings("unchecked")
	void removesASensorAfterConfirmation() {
		api.addLot("lot-1", "Central", "olga", 2);
		api.registerSensor("dev-7", "lot-1-s1", "default");
		UI.getCurrent().add(new SensorsView(api));
		Grid<SensorInfo> grid = _get(Grid.class, spec -> spec.withId("sensors-grid"));
		_click((Button) GridKt._getCellComponent(grid, 0, "remove"));
		assertThat(api.sensors).hasSize(1);
		ConfirmDialogKt._fireConfirm(_get(ConfirmDialog.class));
		expectNotifications("Sensor dev-7 removed");
		assertThat(api.sensors).isEmpty();
		assertThat(GridKt._size(grid)).isZero();
	}
}
