package org.openparking.adminui.lots.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.openparking.adminui.parking.LotEvent;
import org.openparking.adminui.parking.LotSummary;
import org.openparking.adminui.parking.ObservedState;
import org.openparking.adminui.parking.SpotTile;
import org.openparking.adminui.support.KaribuTest;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;

class LotsOverviewViewTest extends KaribuTest {

	@Test
	void withoutLotsItOffersToCreateOne() {
		UI.getCurrent().add(new LotsOverviewView(api));
		assertThat(_find(Div.class, spec -> spec.withId("lots-empty"))).hasSize(1);
		assertThat(api.openWatches()).isZero();
	}

	@Test
	void showsEachLotAndFollowsItLive() {
		api.addLot("lot-1", "Central", "olga", 4);
		api.addLot("lot-2", "Airport", "olga", 2);
		LotsOverviewView view = new LotsOverviewView(api);
		UI.getCurrent().add(view);
		assertThat(view.shown()).extracting(LotSummary::name).containsExactly("Airport", "Central");
		assertThat(api.openWatches()).isEqualTo(2);
		assertThat(LotsOverviewView.freeByClass(view.shown().get(1))).isEqualTo("standard 4");

		var board = api.boards.get("lot-1");
		SpotTile first = board.levels().getFirst().spots().getFirst();
		board.levels().getFirst().spots().set(0, first.withObservation(ObservedState.OCCUPIED, Instant.now()));
		emit(new LotEvent.SpotObserved("lot-1", first.id(), ObservedState.OCCUPIED, Instant.now()));
		assertThat(view.shown().get(1).occupancyPercent()).isEqualTo(25.0);

		UI.getCurrent().remove(view);
		assertThat(api.openWatches()).isZero();
	}
}
