package org.openparking.adminui.lots.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.openparking.adminui.base.ui.Notifications;
import org.openparking.adminui.parking.AdministrativeState;
import org.openparking.adminui.parking.ApiException;
import org.openparking.adminui.parking.LotSummary;
import org.openparking.adminui.parking.NewLot;
import org.openparking.adminui.parking.NewSpot;
import org.openparking.adminui.parking.ParkingApi;
import org.openparking.adminui.parking.SpotClass;
import org.openparking.adminui.parking.SpotTile;
import org.openparking.adminui.parking.Tariff;
import org.openparking.adminui.security.CurrentUser;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.NumberField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/** Create a lot, add spots in bulk, close and reopen spots with a reason, set tariffs. */
@Route("manage")
@PageTitle("Manage lots · Parking admin")
@Menu(order = 4, title = "Manage lots", icon = "vaadin:cogs")
@PermitAll
public class LotManagementView extends VerticalLayout {

	private final ParkingApi api;

	private final CurrentUser currentUser;

	private final LotPicker lot;

	private final ComboBox<SpotTile> spot = new ComboBox<>("Spot");

	private final Grid<Tariff> tariffs = new Grid<>();

	public LotManagementView(ParkingApi api, CurrentUser currentUser) {
		this.api = api;
		this.currentUser = currentUser;
		this.lot = new LotPicker(api);
		setId("lot-management");
		add(new H2("Manage lots"), new H3("Create a lot"), createLotForm(), new H3("Work on a lot"), lot,
				new H3("Add spots"), addSpotsForm(), new H3("Close or reopen a spot"), spotStateForm(),
				new H3("Tariffs"), tariffs, tariffForm());
		spot.setItemLabelGenerator(s -> s.code() + " · " + s.administrativeState().name());
		tariffs.addColumn(t -> t.spotClass().name()).setHeader("Class");
		tariffs.addColumn(t -> money(t.hourlyRateMinor(), t.currency())).setHeader("Per hour");
		tariffs.addColumn(t -> t.dailyMaximumMinor() == null ? "–" : money(t.dailyMaximumMinor(), t.currency()))
			.setHeader("Daily maximum");
		tariffs.addColumn(t -> money(t.minimumChargeMinor(), t.currency())).setHeader("Minimum");
		tariffs.setAllRowsVisible(true);
		lot.addValueChangeListener(change -> refreshLot());
	}

	private FormLayout createLotForm() {
		TextField name = new TextField("Name");
		TextField street = new TextField("Street");
		TextField city = new TextField("City");
		TextField postalCode = new TextField("Postal code");
		TextField country = new TextField("Country code", "DE", "");
		NumberField latitude = new NumberField("Latitude");
		NumberField longitude = new NumberField("Longitude");
		TextField timeZone = new TextField("Time zone", "Europe/Berlin", "");
		TextField hours = new TextField("Opening hours", "", "empty: around the clock");
		hours.setHelperText("e.g. Mon-Fri 07:00-22:00, Sat 08:00-14:00; days not named are closed");
		hours.setId("opening-hours");
		TextField levels = new TextField("Level codes", "L0", "comma separated, e.g. L0,L1");
		TextField operator = new TextField("Operator (administrators only)");
		operator.setVisible(currentUser.get().isAdmin());
		Button create = new Button("Create lot", click -> {
			List<NewLot.NewLevel> newLevels = new ArrayList<>();
			String[] codes = levels.getValue().split(",");
			for (int i = 0; i < codes.length; i++) {
				String code = codes[i].trim();
				if (!code.isEmpty()) {
					newLevels.add(new NewLot.NewLevel(code, "Level " + code, i));
				}
			}
			run(() -> {
				api.createLot(new NewLot(name.getValue(), street.getValue(), city.getValue(), postalCode.getValue(),
						country.getValue(), value(latitude), value(longitude), timeZone.getValue(),
						OpeningHoursText.parse(hours.getValue()), newLevels, operator.getValue()));
				lot.setItems(api.lots());
			}, "Created lot " + name.getValue());
		});
		create.addThemeVariants(ButtonVariant.PRIMARY);
		create.setId("create-lot");
		return new FormLayout(name, street, city, postalCode, country, latitude, longitude, timeZone, hours, levels,
				operator, create);
	}

	private FormLayout addSpotsForm() {
		TextField level = new TextField("Level code", "L0", "");
		TextField prefix = new TextField("Code prefix", "A-", "");
		IntegerField from = new IntegerField("From number");
		from.setValue(1);
		IntegerField count = new IntegerField("How many");
		count.setValue(10);
		count.setMin(1);
		count.setMax(1000);
		Select<SpotClass> spotClass = new Select<>();
		spotClass.setLabel("Class");
		spotClass.setItems(SpotClass.values());
		spotClass.setValue(SpotClass.STANDARD);
		Button add = new Button("Add spots", click -> withLot(chosen -> {
			List<NewSpot> spots = new ArrayList<>();
			int first = from.getValue() == null ? 1 : from.getValue();
			int n = count.getValue() == null ? 0 : count.getValue();
			for (int i = 0; i < n; i++) {
				spots.add(new NewSpot(prefix.getValue() + (first + i), spotClass.getValue()));
			}
			run(() -> api.addSpots(chosen.id(), level.getValue(), spots), "Added " + n + " spots");
			refreshLot();
		}));
		add.setId("add-spots");
		return new FormLayout(level, prefix, from, count, spotClass, add);
	}

	private FormLayout spotStateForm() {
		Select<AdministrativeState> state = new Select<>();
		state.setLabel("New state");
		state.setItems(AdministrativeState.values());
		state.setValue(AdministrativeState.CLOSED);
		TextField reason = new TextField("Reason");
		Button apply = new Button("Apply", click -> {
			SpotTile chosen = spot.getValue();
			if (chosen == null) {
				Notifications.failure("Choose a spot first");
				return;
			}
			if (state.getValue() != AdministrativeState.OPEN && reason.getValue().isBlank()) {
				Notifications.failure("Give a reason for closing the spot");
				return;
			}
			run(() -> api.setSpotState(chosen.id(), state.getValue(), reason.getValue()),
					"Spot " + chosen.code() + " is " + state.getValue().name().toLowerCase(Locale.ROOT));
			refreshLot();
		});
		apply.setId("apply-spot-state");
		return new FormLayout(spot, state, reason, apply);
	}

	private FormLayout tariffForm() {
		Select<SpotClass> spotClass = new Select<>();
		spotClass.setLabel("Class");
		spotClass.setItems(SpotClass.values());
		spotClass.setValue(SpotClass.STANDARD);
		TextField currency = new TextField("Currency", "EUR", "");
		IntegerField hourly = new IntegerField("Per hour (cents)");
		IntegerField daily = new IntegerField("Daily maximum (cents)");
		IntegerField minimum = new IntegerField("Minimum (cents)");
		minimum.setValue(0);
		Button save = new Button("Set tariff", click -> withLot(chosen -> {
			if (hourly.getValue() == null) {
				Notifications.failure("Give the hourly rate");
				return;
			}
			run(() -> api.setTariff(chosen.id(), new Tariff(spotClass.getValue(), currency.getValue(),
					hourly.getValue(), daily.getValue() == null ? null : daily.getValue().longValue(),
					minimum.getValue() == null ? 0 : minimum.getValue())), "Tariff set");
			refreshLot();
		}));
		save.setId("set-tariff");
		return new FormLayout(spotClass, currency, hourly, daily, minimum, save);
	}

	private void refreshLot() {
		LotSummary chosen = lot.getValue();
		if (chosen == null) {
			spot.setItems(List.of());
			tariffs.setItems(List.of());
			return;
		}
		spot.setItems(api.lotBoard(chosen.id()).map(board -> board.spots()).orElse(List.of()));
		tariffs.setItems(api.tariffs(chosen.id()));
	}

	private void withLot(java.util.function.Consumer<LotSummary> action) {
		if (lot.getValue() == null) {
			Notifications.failure("Choose a lot first");
			return;
		}
		action.accept(lot.getValue());
	}

	private static void run(Runnable action, String success) {
		try {
			action.run();
			Notifications.success(success);
		}
		catch (ApiException refused) {
			Notifications.failure(refused.getMessage());
		}
	}

	private static double value(NumberField field) {
		return field.getValue() == null ? 0 : field.getValue();
	}

	static String money(long minor, String currency) {
		return String.format(Locale.ROOT, "%d.%02d %s", minor / 100, minor % 100, currency);
	}
}
