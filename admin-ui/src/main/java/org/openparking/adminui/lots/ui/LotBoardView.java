package org.openparking.adminui.lots.ui;

import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.openparking.adminui.base.ui.LiveLot;
import org.openparking.adminui.parking.BoardState;
import org.openparking.adminui.parking.LotBoard;
import org.openparking.adminui.parking.LotEvent;
import org.openparking.adminui.parking.ParkingApi;
import org.openparking.adminui.parking.SpotClass;
import org.openparking.adminui.parking.SpotTile;
import org.openparking.adminui.security.CurrentUser;

import com.vaadin.flow.component.checkbox.CheckboxGroup;
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

import jakarta.annotation.security.PermitAll;

/**
 * Every spot of a lot as a tile per level, coloured by its combined state and updated live as bookings, sessions and
 * sensors change it. An operator sees only their own lots.
 */
@Route("lots/:lotId/board")
@PageTitle("Lot board · Parking admin")
@PermitAll
public class LotBoardView extends VerticalLayout implements BeforeEnterObserver {

	private final ParkingApi api;

	private final CurrentUser currentUser;

	private final LiveLot live;

	private final Map<String, SpotTileComponent> tiles = new LinkedHashMap<>();

	private final CheckboxGroup<SpotClass> classFilter = new CheckboxGroup<>("Spot classes");

	private String currentLot;

	public LotBoardView(ParkingApi api, CurrentUser currentUser) {
		this.api = api;
		this.currentUser = currentUser;
		this.live = new LiveLot(this, api, this::onEvent, this::refetch);
		setId("lot-board");
		classFilter.setItems(SpotClass.values());
		classFilter.setItemLabelGenerator(c -> c.name().replace('_', ' ').toLowerCase());
		classFilter.setValue(EnumSet.allOf(SpotClass.class));
		classFilter.addValueChangeListener(change -> applyFilter());
		classFilter.setId("class-filter");
	}

	@Override
	public void beforeEnter(BeforeEnterEvent event) {
		show(event.getRouteParameters().get("lotId").orElse(""));
	}

	void show(String lotId) {
		currentLot = lotId;
		removeAll();
		tiles.clear();
		LotBoard board = api.lotBoard(lotId).orElse(null);
		if (board == null) {
			add(message("lot-missing", "No such lot."));
			return;
		}
		if (!currentUser.get().mayManage(board.operatorId())) {
			add(message("lot-forbidden", "This lot belongs to another operator."));
			return;
		}
		add(new H2(board.name()), classFilter, legend());
		for (LotBoard.Level level : board.levels()) {
			Div grid = new Div();
			grid.addClassName("spot-grid");
			for (SpotTile spot : level.spots()) {
				SpotTileComponent tile = new SpotTileComponent(spot);
				tile.addClickListener(click -> tile.getUI().ifPresent(ui -> ui.navigate(SpotDetailView.class,
						new RouteParameters(Map.of("lotId", board.id(), "spotId", spot.id())))));
				tiles.put(spot.id(), tile);
				grid.add(tile);
			}
			add(new H3(level.name() + " (" + level.code() + ")"), level.spots().isEmpty()
					? new Paragraph("No spots on this level yet.") : grid);
		}
		if (board.levels().isEmpty()) {
			add(message("lot-empty", "This lot has no levels."));
		}
		applyFilter();
		live.follow(board.id());
	}

	/** After live updates were lost: the tiles take the api's current states. */
	private void refetch() {
		tiles.values().stream().findFirst().ifPresent(any -> api.lotBoard(currentLot).ifPresent(board -> board.spots()
			.forEach(spot -> {
				SpotTileComponent tile = tiles.get(spot.id());
				if (tile != null) {
					tile.show(spot);
				}
			})));
	}

	private static Div legend() {
		Div legend = new Div();
		legend.setId("legend");
		legend.addClassName("legend");
		for (BoardState state : BoardState.values()) {
			Span swatch = new Span(state.label());
			swatch.addClassNames("legend-item", state.cssClass());
			legend.add(swatch);
		}
		return legend;
	}

	private static Div message(String id, String text) {
		Div message = new Div(new Paragraph(text));
		message.setId(id);
		message.addClassName("empty-state");
		return message;
	}

	private void applyFilter() {
		Set<SpotClass> shown = classFilter.getValue();
		tiles.values().forEach(tile -> tile.setVisible(shown.contains(tile.spot().spotClass())));
	}

	private void onEvent(LotEvent event) {
		switch (event) {
			case LotEvent.SpotCommercialChanged changed -> update(changed.spotId(), spot -> {
				SpotTile fresh = spot.withCommercial(changed.state());
				return changed.administrativeState() == null ? fresh
						: fresh.withAdministrative(changed.administrativeState());
			});
			case LotEvent.SpotObserved observed ->
				update(observed.spotId(), spot -> spot.withObservation(observed.state(), observed.observedAt()));
			case LotEvent.AlertChanged alert -> {
			}
			case LotEvent.AvailabilityChanged availability -> {
			}
		}
	}

	private void update(String spotId, java.util.function.UnaryOperator<SpotTile> change) {
		SpotTileComponent tile = tiles.get(spotId);
		if (tile != null) {
			tile.show(change.apply(tile.spot()));
		}
	}

	/** The state a spot's tile shows now (for tests). */
	BoardState stateOf(String spotCode) {
		return tiles.values()
			.stream()
			.filter(tile -> tile.spot().code().equals(spotCode))
			.findFirst()
			.map(tile -> tile.spot().boardState())
			.orElseThrow();
	}

	boolean isShown(String spotCode) {
		return tiles.values()
			.stream()
			.anyMatch(tile -> tile.spot().code().equals(spotCode) && tile.isVisible());
	}

	CheckboxGroup<SpotClass> classFilter() {
		return classFilter;
	}
}
