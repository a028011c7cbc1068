package org.openparking.adminui.alerts.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openparking.adminui.parking.Alert;
import org.openparking.adminui.parking.AlertKind;
import org.openparking.adminui.parking.AlertStatus;
import org.openparking.adminui.parking.LotEvent;
import org.openparking.adminui.security.Role;
import org.openparking.adminui.security.TestUsers;
import org.openparking.adminui.support.KaribuTest;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Span;

class AlertsViewTest extends KaribuTest {

	private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

	@BeforeEach
	void lot() {
		TestUsers.loggedIn("olga", Role.OPERATOR);
		api.addLot("lot-1", "Central", "olga", 3);
	}

	private AlertsView open() {
		AlertsView view = new AlertsView(api);
		UI.getCurrent().add(view);
		view.lotPicker().select("lot-1");
		return view;
	}

	@Test
	void listsActiveAlertsNewestFirst() {
		api.addAlert("lot-1", "A-1", AlertKind.SENSOR_OFFLINE, AlertStatus.OPEN, T0);
		api.addAlert("lot-1", "A-2", AlertKind.UNEXPECTED_OCCUPANCY, AlertStatus.OPEN, T0.plusSeconds(60));
		api.addAlert("lot-1", "A-3", AlertKind.NO_SHOW, AlertStatus.RESOLVED, T0.plusSeconds(120));
		AlertsView view = open();
		assertThat(view.shown()).extracting(Alert::spotCode).containsExactly("A-2", "A-1");
	}

	@Test
	void filtersByKindAndStatus() {
		api.addAlert("lot-1", "A-1", AlertKind.SENSOR_OFFLINE, AlertStatus.OPEN, T0);
		api.addAlert("lot-1", "A-3", AlertKind.NO_SHOW, AlertStatus.RESOLVED, T0.plusSeconds(120));
		AlertsView view = open();
		_get(com.vaadin.flow.component.combobox.MultiSelectComboBox.class, spec -> spec.withId("status-filter"))
			.setValue(EnumSet.of(AlertStatus.RESOLVED));
		assertThat(view.shown()).extracting(Alert::spotCode).containsExactly("A-3");
	}

	@Test
	void resolvingRemovesTheAlertFromTheActiveListAndSaysSo() {
		Alert alert = api.addAlert("lot-1", "A-1", AlertKind.SENSOR_OFFLINE, AlertStatus.OPEN, T0);
		AlertsView view = open();
		view.act(alert, false);
		assertThat(view.shown()).isEmpty();
		expectNotifications("Resolved: SENSOR_OFFLINE at A-1");
		assertThat(_get(Span.class, spec -> spec.withId("alerts-empty")).isVisible()).isTrue();
	}

	@Test
	void acknowledgingKeepsItListed() {
		Alert alert = api.addAlert("lot-1", "A-1", AlertKind.SENSOR_OFFLINE, AlertStatus.OPEN, T0);
		AlertsView view = open();
		view.act(alert, true);
		assertThat(view.shown()).extracting(Alert::status).containsExactly(AlertStatus.ACKNOWLEDGED);
	}

	@Test
	void aRefusalIsShownAndChangesNothing() {
		Alert alert = api.addAlert("lot-1", "A-1", AlertKind.SENSOR_OFFLINE, AlertStatus.OPEN, T0);
		AlertsView view = open();
		api.refuseActionsWith = "The alert is already resolved";
		view.act(alert, false);
		expectNotifications("The alert is already resolved");
		assertThat(view.shown()).extracting(Alert::status).containsExactly(AlertStatus.OPEN);
	}

	@Test
	void newAlertsArriveLive() {
		AlertsView view = open();
		assertThat(view.shown()).isEmpty();
		Alert raised = new Alert("al-9", "lot-1", "lot-1-s2", "A-2", AlertKind.UNEXPECTED_OCCUPANCY,
				AlertStatus.OPEN, "A car on A-2", null, T0, null, null);
		emit(new LotEvent.AlertChanged("lot-1", raised));
		assertThat(view.shown()).containsExactly(raised);
		expectNotifications("New alert: A car on A-2");
	}

	@Test
	void withoutALotItAsksForOne() {
		AlertsView view = new AlertsView(api);
		UI.getCurrent().add(view);
		api.addLot("lot-2", "Other", "olga", 1);
		assertThat(_get(Span.class, spec -> spec.withId("alerts-empty")).getText()).contains("Choose a lot");
		assertThat(api.openWatches()).isZero();
	}
}
