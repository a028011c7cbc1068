package org.openparking.adminui.alerts.ui;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.openparking.adminui.base.ui.LiveLot;
import org.openparking.adminui.base.ui.Notifications;
import org.openparking.adminui.lots.ui.LotPicker;
import org.openparking.adminui.parking.Alert;
import org.openparking.adminui.parking.AlertKind;
import org.openparking.adminui.parking.AlertStatus;
import org.openparking.adminui.parking.ApiException;
import org.openparking.adminui.parking.LotEvent;
import org.openparking.adminui.parking.LotSummary;
import org.openparking.adminui.parking.ParkingApi;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/** A lot's alerts, newest first: filter, acknowledge, resolve; new ones arrive live. */
@Route("alerts")
@PageTitle("Alerts · Parking admin")
@Menu(order = 1, title = "Alerts", icon = "vaadin:bell")
@PermitAll
public class AlertsView extends VerticalLayout implements BeforeEnterObserver {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.of("UTC"));

	private final ParkingApi api;

	private final LotPicker lot;

	private final MultiSelectComboBox<AlertStatus> statuses = new MultiSelectComboBox<>("Status");

	private final MultiSelectComboBox<AlertKind> kinds = new MultiSelectComboBox<>("Kind");

	private final Grid<Alert> grid = new Grid<>();

	private final Span empty = new Span("No alerts match.");

	private final LiveLot live;

	private List<Alert> alerts = new ArrayList<>();

	public AlertsView(ParkingApi api) {
		this.api = api;
		this.lot = new LotPicker(api);
		this.live = new LiveLot(this, api, this::onEvent, this::refetch);
		setId("alerts-inbox");
		setSizeFull();
		statuses.setItems(AlertStatus.values());
		statuses.setValue(EnumSet.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED));
		statuses.setId("status-filter");
		kinds.setItems(AlertKind.values());
		kinds.setId("kind-filter");
		lot.addValueChangeListener(change -> reload());
		statuses.addValueChangeListener(change -> reload());
		kinds.addValueChangeListener(change -> reload());
		FlexLayout filters = new FlexLayout(lot, statuses, kinds);
		filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
		filters.addClassName("filters");
		configureGrid();
		empty.setId("alerts-empty");
		empty.addClassName("empty-state");
		add(new H2("Alerts"), filters, empty, grid);
		reload();
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		event.getLocation().getQueryParameters().getSingleParameter("lot").ifPresentOrElse(lot::select,
				() -> lot.select(null));
	}

	private void configureGrid() {
		grid.setId("alerts-grid");
		grid.addColumn(alert -> TIME.format(alert.raisedAt())).setHeader("Raised (UTC)").setAutoWidth(true);
		grid.addColumn(alert -> alert.kind().name()).setHeader("Kind").setAutoWidth(true);
		grid.addColumn(alert -> alert.spotCode() == null ? "" : alert.spotCode()).setHeader("Spot").setAutoWidth(true);
		grid.addColumn(Alert::message).setHeader("Message").setWidth("18rem").setFlexGrow(1);
		grid.addColumn(alert -> alert.status().name()
				+ (alert.acknowledgedBy() == null ? "" : " by " + alert.acknowledgedBy()))
			.setHeader("Status")
			.setAutoWidth(true);
		grid.addComponentColumn(this::actions).setHeader("").setAutoWidth(true);
	}

	private HorizontalLayout actions(Alert alert) {
		Button acknowledge = new Button("Acknowledge", click -> act(alert, true));
		acknowledge.setEnabled(alert.status() == AlertStatus.OPEN);
		acknowledge.addThemeVariants(ButtonVariant.SMALL);
		Button resolve = new Button("Resolve", click -> act(alert, false));
		resolve.setEnabled(alert.isActive());
		resolve.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.PRIMARY);
		return new HorizontalLayout(acknowledge, resolve);
	}

	void act(Alert alert, boolean acknowledge) {
		try {
			Alert changed = acknowledge ? api.acknowledgeAlert(alert.id(), null) : api.resolveAlert(alert.id(), null);
			upsert(changed);
			Notifications.success((acknowledge ? "Acknowledged: " : "Resolved: ") + alert.kind().name()
					+ (alert.spotCode() == null ? "" : " at " + alert.spotCode()));
		}
		catch (ApiException refused) {
			Notifications.failure(refused.getMessage());
		}
	}

	private void reload() {
		LotSummary chosen = lot.getValue();
		refetch();
		live.follow(chosen == null ? null : chosen.id());
	}

	private void refetch() {
		LotSummary chosen = lot.getValue();
		alerts = chosen == null ? new ArrayList<>()
				: new ArrayList<>(api.alerts(chosen.id(), List.copyOf(statuses.getValue()),
						List.copyOf(kinds.getValue())));
		show();
	}

	private void show() {
		grid.setItems(alerts);
		empty.setText(lot.getValue() == null ? "Choose a lot to see its alerts." : "No alerts match.");
		empty.setVisible(alerts.isEmpty());
		grid.setVisible(!alerts.isEmpty());
	}

	private void onEvent(LotEvent event) {
		if (event instanceof LotEvent.AlertChanged changed) {
			boolean isNew = alerts.stream().noneMatch(alert -> alert.id().equals(changed.alert().id()));
			upsert(changed.alert());
			if (isNew && changed.alert().status() == AlertStatus.OPEN && matches(changed.alert())) {
				Notifications.failure("New alert: " + changed.alert().message());
			}
		}
	}

	private boolean matches(Alert alert) {
		Set<AlertStatus> wantedStatuses = statuses.getValue();
		Set<AlertKind> wantedKinds = kinds.getValue();
		return (wantedStatuses.isEmpty() || wantedStatuses.contains(alert.status()))
				&& (wantedKinds.isEmpty() || wantedKinds.contains(alert.kind()));
	}

	private void upsert(Alert alert) {
		alerts.removeIf(existing -> existing.id().equals(alert.id()));
		if (matches(alert)) {
			alerts.add(alert);
			alerts.sort((a, b) -> b.raisedAt().compareTo(a.raisedAt()));
		}
		show();
	}

	List<Alert> shown() {
		return List.copyOf(alerts);
	}

	LotPicker lotPicker() {
		return lot;
	}
}
