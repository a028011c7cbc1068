package org.openparking.adminui.lots.ui;

import org.openparking.adminui.parking.BoardState;
import org.openparking.adminui.parking.SpotTile;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;

/**
 * One spot on the board. Its id ({@code spot-<code>}), its state class and its {@code data-state} attribute are
 * stable, so browser tests and people alike can tell the state without reading colours.
 */
class SpotTileComponent extends Div {

	private SpotTile spot;

	private final Span state = new Span();

	SpotTileComponent(SpotTile spot) {
		setId("spot-" + spot.code());
		addClassName("spot-tile");
		Span code = new Span(spot.code());
		code.addClassName("spot-code");
		Span spotClass = new Span(spot.spotClass().name().replace('_', ' ').toLowerCase());
		spotClass.addClassName("spot-class");
		state.addClassName("spot-state");
		add(code, spotClass, state);
		show(spot);
	}

	void show(SpotTile fresh) {
		if (spot != null) {
			removeClassName(spot.boardState().cssClass());
		}
		spot = fresh;
		BoardState board = fresh.boardState();
		addClassName(board.cssClass());
		getElement().setAttribute("data-state", board.name());
		state.setText(board.label());
		getElement().setAttribute("title", board.label()
				+ (fresh.administrativeReason() == null ? "" : ": " + fresh.administrativeReason()));
	}

	SpotTile spot() {
		return spot;
	}
}
