package org.openparking.adminui.lots.ui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import org.openparking.adminui.base.ui.LiveLot;
import org.openparking.adminui.parking.LotEvent;
import org.openparking.adminui.parking.LotSummary;
import org.openparking.adminui.parking.ParkingApi;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.progressbar.ProgressBar;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouterLink;
import com.vaadin.flow.router.RouteParameters;

import jakarta.annotation.security.PermitAll;

/** Every lot of the user at a glance: occupancy, free spots by class, open alerts; kept current live. */
@Route("")
@PageTitle("Lots · Parking admin")
@Menu(order = 0, title = "Lots", icon = "vaadin:dashboard")
@PermitAll
public class LotsOverviewView extends VerticalLayout {

	private final ParkingApi api;

	private final Grid<LotSummary> grid = new Grid<>();

	private final List<LotSummary> lots;

	public LotsOverviewView(ParkingApi api) {
		this.api = api;
		setId("lots-overview");
		add(new H2("Lots"));
		lots = new ArrayList<>(api.lots());
		if (lots.isEmpty()) {
			Div empty = new Div(new Paragraph("You have no lots yet."),
					new RouterLink("Create a lot", LotManagementView.class));
			empty.setId("lots-empty");
			empty.addClassName("empty-state");
			add(empty);
			return;
		}
		configureGrid();
		grid.setItems(lots);
		add(grid);
		setSizeFull();
		for (LotSummary lot : lots) {
			String id = lot.id();
			new LiveLot(this, api, this::onEvent, () -> api.lotSummary(id).ifPresent(this::replace)).follow(id);
		}
	}

	private void configureGrid() {
		grid.setId("lots-grid");
		grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
		grid.addComponentColumn(lot -> new RouterLink(lot.name(), LotBoardView.class,
				new RouteParameters("lotId", lot.id())))
			.setHeader("Lot")
			.setAutoWidth(true)
			.setFlexGrow(1);
		grid.addColumn(LotSummary::city).setHeader("City").setAutoWidth(true);
		grid.addComponentColumn(LotsOverviewView::occupancy).setHeader("Occupancy").setWidth("12rem");
		grid.addColumn(lot -> lot.freeTotal() + " / " + lot.totalSpots()).setHeader("Free now").setAutoWidth(true);
		grid.addColumn(LotsOverviewView::freeByClass).setHeader("Free by class").setFlexGrow(2);
		grid.addComponentColumn(LotsOverviewView::alerts).setHeader("Open alerts").setAutoWidth(true);
		grid.setAllRowsVisible(true);
	}

	static String freeByClass(LotSummary lot) {
		return lot.freeByClass()
			.entrySet()
			.stream()
			.map(entry -> entry.getKey().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " " + entry.getValue())
			.collect(Collectors.joining(", "));
	}

	private static Div occupancy(LotSummary lot) {
		ProgressBar bar = new ProgressBar(0, 100, Math.min(100, lot.occupancyPercent()));
		Span text = new Span(String.format(Locale.ROOT, "%.0f %% occupied", lot.occupancyPercent())
				+ (lot.unknown() > 0 ? " · " + lot.unknown() + " unknown" : ""));
		text.addClassName("small");
		return new Div(bar, text);
	}

	private static Span alerts(LotSummary lot) {
		Span badge = new Span(String.valueOf(lot.activeAlerts()));
		badge.getElement().getThemeList().add(lot.activeAlerts() > 0 ? "badge error" : "badge success");
		return badge;
	}

	/** A sale is always followed by the api's (coalesced) availability recount, so that one refetches for both. */
	private void onEvent(LotEvent event) {
		if (!(event instanceof LotEvent.SpotCommercialChanged)) {
			api.lotSummary(event.lotId()).ifPresent(this::replace);
		}
	}

	void replace(LotSummary fresh) {
		for (int i = 0; i < lots.size(); i++) {
			if (lots.get(i).id().equals(fresh.id())) {
				lots.set(i, fresh);
			}
		}
		grid.getDataProvider().refreshAll();
	}

	List<LotSummary> shown() {
		return List.copyOf(lots);
	}
}
