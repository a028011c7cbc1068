package org.openparking.adminui.lots.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;

import org.junit.jupiter.api.Test;
import org.openparking.adminui.parking.LotSummary;
import org.openparking.adminui.parking.NewLot.DailyHours;
import org.openparking.adminui.security.Role;
import org.openparking.adminui.security.TestUsers;
import org.openparking.adminui.support.KaribuTest;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.TextField;

class LotManagementViewTest extends KaribuTest {

	private LotManagementView open(Role role) {
		LotManagementView view = new LotManagementView(api, TestUsers.loggedIn("olga", role));
		UI.getCurrent().add(view);
		return view;
	}

	@Test
	void createsALotAndOffersIt() {
		open(Role.OPERATOR);
		_setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Harbour");
		_setValue(_get(TextField.class, spec -> spec.withLabel("City")), "Hamburg");
		_click(_get(Button.class, spec -> spec.withId("create-lot")));
		expectNotifications("Created lot Harbour");
		assertThat(_get(LotPicker.class, spec -> spec.withId("lot-picker")).getListDataView().getItems())
			.extracting(LotSummary::name)
			.containsExactly("Harbour");
	}

	@Test
	void createsALotWithItsOpeningHours() {
		open(Role.OPERATOR);
		_setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Harbour");
		_setValue(_get(TextField.class, spec -> spec.withId("opening-hours")), "Mon-Fri 7:00-22:00, sat 08:00-14:00");
		_click(_get(Button.class, spec -> spec.withId("create-lot")));
		expectNotifications("Created lot Harbour");
		assertThat(api.createdLots.getFirst().openingHours()).hasSize(6)
			.first()
			.isEqualTo(new DailyHours(DayOfWeek.MONDAY, "07:00", "22:00"));
		assertThat(api.createdLots.getFirst().openingHours().getLast())
			.isEqualTo(new DailyHours(DayOfWeek.SATURDAY, "08:00", "14:00"));
	}

	@Test
	void unreadableOpeningHoursCreateNothing() {
		open(Role.OPERATOR);
		_setValue(_get(TextField.class, spec -> spec.withLabel("Name")), "Harbour");
		_setValue(_get(TextField.class, spec -> spec.withId("opening-hours")), "weekdays 7-22");
		_click(_get(Button.class, spec -> spec.withId("create-lot")));
		expectNotifications("Opening hours \"weekdays 7-22\" cannot be read: write days and times like "
				+ "Mon-Fri 07:00-22:00, Sat 08:00-14:00");
		assertThat(api.createdLots).isEmpty();
	}

	@Test
	void onlyAdministratorsNameTheOwner() {
		open(Role.OPERATOR);
		assertThat(_find(TextField.class, spec -> spec.withLabel("Operator (administrators only)"))).isEmpty();
	}

	@Test
	void addingSpotsNeedsALot() {
		open(Role.OPERATOR);
		_click(_get(Button.class, spec -> spec.withId("add-spots")));
		expectNotifications("Choose a lot first");
	}

	@Test
	void addsSpotsInBulkToTheChosenLot() {
		api.addLot("lot-1", "Central", "olga", 0);
		open(Role.OPERATOR);
		_get(LotPicker.class, spec -> spec.withId("lot-picker")).select("lot-1");
		_click(_get(Button.class, spec -> spec.withId("add-spots")));
		expectNotifications("Added 10 spots");
	}

	@Test
	void closingASpotNeedsAReason() {
		api.addLot("lot-1", "Central", "olga", 2);
		open(Role.OPERATOR);
		_get(LotPicker.class, spec -> spec.withId("lot-picker")).select("lot-1");
		_click(_get(Button.class, spec -> spec.withId("apply-spot-state")));
		expectNotifications("Choose a spot first");
	}

	@Test
	void aRefusedTariffIsReported() {
		api.addLot("lot-1", "Central", "olga", 2);
		open(Role.OPERATOR);
		_get(LotPicker.class, spec -> spec.withId("lot-picker")).select("lot-1");
		_setValue(_get(com.vaadin.flow.component.textfield.IntegerField.class,
				spec -> spec.withLabel("Per hour (cents)")), 250);
		api.refuseActionsWith = "Currency must be ISO-4217";
		_click(_get(Button.class, spec -> spec.withId("set-tariff")));
		expectNotifications("Currency must be ISO-4217");
	}
}
