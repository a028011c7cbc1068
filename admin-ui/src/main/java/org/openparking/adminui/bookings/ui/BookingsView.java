package org.openparking.adminui.bookings.ui;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.openparking.adminui.base.ui.Confirmations;
import org.openparking.adminui.base.ui.Notifications;
import org.openparking.adminui.lots.ui.LotPicker;
import org.openparking.adminui.parking.ApiException;
import org.openparking.adminui.parking.ParkingApi;
import org.openparking.adminui.parking.Stay;
import org.openparking.adminui.parking.StayQuery;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexLayout;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/** Bookings and walk-in sessions of a lot by plate, user and time; cancel a booking or refund a payment. */
@Route("bookings")
@PageTitle("Bookings · Parking admin")
@Menu(order = 2, title = "Bookings & sessions", icon = "vaadin:car")
@PermitAll
public class BookingsView extends VerticalLayout {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
		.withZone(ZoneOffset.UTC);

	private final ParkingApi api;

	private final LotPicker lot;

	private final TextField plate = new TextField("Plate");

	private final TextField user = new TextField("User");

	private final DateTimePicker from = new DateTimePicker("From (UTC)");

	private final DateTimePicker to = new DateTimePicker("To (UTC)");

	private final Grid<Stay> grid = new Grid<>();

	private final Span empty = new Span("Choose a lot and search.");

	public BookingsView(ParkingApi api, Clock clock) {
		this.api = api;
		this.lot = new LotPicker(api);
		setId("bookings");
		from.setValue(clock.instant().atOffset(ZoneOffset.UTC).toLocalDateTime().minusDays(7).withNano(0));
		plate.setId("plate");
		Button search = new Button("Search", click -> search());
		search.addThemeVariants(ButtonVariant.PRIMARY);
		search.setId("search");
		FlexLayout filters = new FlexLayout(lot, plate, user, from, to, search);
		filters.setFlexWrap(FlexLayout.FlexWrap.WRAP);
		filters.setAlignItems(Alignment.BASELINE);
		filters.addClassName("filters");
		grid.addColumn(stay -> stay.kind().name().toLowerCase(Locale.ROOT)).setHeader("What").setAutoWidth(true);
		grid.addColumn(Stay::status).setHeader("Status").setAutoWidth(true);
		grid.addColumn(Stay::spotCode).setHeader("Spot").setAutoWidth(true);
		grid.addColumn(Stay::vehiclePlate).setHeader("Plate").setAutoWidth(true);
		grid.addColumn(Stay::userId).setHeader("User").setAutoWidth(true);
		grid.addColumn(stay -> TIME.format(stay.from()) + " – " + (stay.to() == null ? "open" : TIME.format(stay.to())))
			.setHeader("When (UTC)")
			.setAutoWidth(true);
		grid.addComponentColumn(this::actions).setHeader("").setFlexGrow(1);
		empty.addClassName("empty-state");
		empty.setId("bookings-empty");
		grid.setVisible(false);
		add(new H2("Bookings and sessions"), filters, empty, grid);
	}

	void search() {
		if (lot.getValue() == null) {
			Notifications.failure("Choose a lot first");
			return;
		}
		StayQuery query = new StayQuery(plate.getValue(), user.getValue(),
				from.getValue() == null ? null : from.getValue().toInstant(ZoneOffset.UTC),
				to.getValue() == null ? null : to.getValue().toInstant(ZoneOffset.UTC));
		try {
			List<Stay> stays = api.stays(lot.getValue().id(), query);
			grid.setItems(stays);
			grid.setVisible(!stays.isEmpty());
			empty.setText("Nothing matches.");
			empty.setVisible(stays.isEmpty());
		}
		catch (ApiException refused) {
			Notifications.failure(refused.getMessage());
		}
	}

	private HorizontalLayout actions(Stay stay) {
		HorizontalLayout actions = new HorizontalLayout();
		if (stay.kind() == Stay.Kind.BOOKING && "CONFIRMED".equals(stay.status())) {
			Button cancel = new Button("Cancel", click -> confirm("Cancel booking on " + stay.spotCode() + "?",
					() -> api.cancelBooking(stay.id(), "Cancelled by the lot operator"), "Booking cancelled"));
			cancel.addThemeVariants(ButtonVariant.SMALL, ButtonVariant.ERROR);
			actions.add(cancel);
		}
		stay.payments().stream()
			.filter(p -> ("SUCCEEDED".equals(p.status()) || "PARTIALLY_REFUNDED".equals(p.status()))
					&& p.refundableMinor() > 0)
			.forEach(payment -> {
				Button refund = new Button("Refund…", click -> new RefundDialog(payment, minor -> {
					try {
						api.refundPayment(payment.id(), minor == payment.refundableMinor() ? null : minor,
								"Refunded by the lot operator");
						Notifications.success("Refund started");
						search();
					}
					catch (ApiException refused) {
						Notifications.failure(refused.getMessage());
					}
				}).open());
				refund.addThemeVariants(ButtonVariant.SMALL);
				refund.setId("refund-" + payment.id());
				actions.add(refund);
			});
		return actions;
	}

	private void confirm(String question, Runnable action, String success) {
		Confirmations.confirm(question, action, success, this::search);
	}
}
