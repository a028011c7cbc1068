package org.openparking.adminui.lots.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.openparking.adminui.parking.BoardState;
import org.openparking.adminui.parking.CommercialState;
import org.openparking.adminui.parking.LotBoard;
import org.openparking.adminui.parking.LotEvent;
import org.openparking.adminui.parking.ObservedState;
import org.openparking.adminui.parking.SpotClass;
import org.openparking.adminui.security.Role;
import org.openparking.adminui.security.TestUsers;
import org.openparking.adminui.support.KaribuTest;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;

class LotBoardViewTest extends KaribuTest {

	private LotBoardView open(String lotId, String user) {
		LotBoardView view = new LotBoardView(api, TestUsers.loggedIn(user, Role.OPERATOR));
		UI.getCurrent().add(view);
		view.show(lotId);
		return view;
	}

	@Test
	void showsEveryTileWithATestIdAndStateAttribute() {
		api.addLot("lot-1", "Central", "olga", 6);
		open("lot-1", "olga");
		Div tile = _get(Div.class, spec -> spec.withId("spot-A-3"));
		assertThat(tile.getElement().getAttribute("data-state")).isEqualTo("FREE");
		assertThat(tile.getClassNames()).contains("spot-tile", "spot-free");
		assertThat(_find(Div.class, spec -> spec.withClasses("spot-tile"))).hasSize(6);
		assertThat(_get(Div.class, spec -> spec.withId("legend")).getChildren().count())
			.isEqualTo(BoardState.values().length);
	}

	@Test
	void tilesFollowLiveEvents() {
		api.addLot("lot-1", "Central", "olga", 3);
		LotBoardView view = open("lot-1", "olga");
		assertThat(api.openWatches()).isEqualTo(1);

		emit(new LotEvent.SpotObserved("lot-1", "lot-1-s2", ObservedState.OCCUPIED, Instant.now()));
		assertThat(view.stateOf("A-2")).isEqualTo(BoardState.UNEXPECTED_OCCUPANCY);
		Div tile = _get(Div.class, spec -> spec.withId("spot-A-2"));
		assertThat(tile.getElement().getAttribute("data-state")).isEqualTo("UNEXPECTED_OCCUPANCY");
		assertThat(tile.getClassNames()).contains("spot-unexpected-occupancy").doesNotContain("spot-free");

		emit(new LotEvent.SpotCommercialChanged("lot-1", "lot-1-s2", CommercialState.IN_SESSION,
				"SESSION_STARTED"));
		assertThat(view.stateOf("A-2")).isEqualTo(BoardState.IN_SESSION);

		emit(new LotEvent.SpotCommercialChanged("lot-1", "lot-1-s1", CommercialState.FREE, "CLOSED"));
		assertThat(view.stateOf("A-1")).isEqualTo(BoardState.CLOSED);
		emit(new LotEvent.SpotCommercialChanged("lot-1", "lot-1-s1", CommercialState.FREE, "OPENED"));
		assertThat(view.stateOf("A-1")).isEqualTo(BoardState.FREE);
	}

	@Test
	void eventsOfOtherLotsAndUnknownSpotsAreIgnored() {
		api.addLot("lot-1", "Central", "olga", 2);
		api.addLot("lot-2", "North", "olga", 2);
		LotBoardView view = open("lot-1", "olga");
		emit(new LotEvent.SpotObserved("lot-2", "lot-2-s1", ObservedState.OCCUPIED, Instant.now()));
		emit(new LotEvent.SpotObserved("lot-1", "nope", ObservedState.OCCUPIED, Instant.now()));
		assertThat(view.stateOf("A-1")).isEqualTo(BoardState.FREE);
	}

	@Test
	void filtersByClass() {
		api.addLot("lot-1", "Central", "olga", 5);
		LotBoardView view = open("lot-1", "olga");
		view.classFilter().setValue(EnumSet.of(SpotClass.EV_CHARGING));
		assertThat(view.isShown("A-5")).isTrue();
		assertThat(view.isShown("A-1")).isFalse();
	}

	@Test
	void anOperatorCannotOpenAnotherOperatorsLot() {
		api.addLot("lot-1", "Central", "olga", 3);
		open("lot-1", "mallory");
		assertThat(_find(Div.class, spec -> spec.withId("lot-forbidden"))).hasSize(1);
		assertThat(_find(Div.class, spec -> spec.withClasses("spot-tile"))).isEmpty();
		assertThat(api.openWatches()).isZero();
	}

	@Test
	void anAdministratorOpensEveryLot() {
		api.addLot("lot-1", "Central", "olga", 3);
		LotBoardView view = new LotBoardView(api, TestUsers.loggedIn("root", Role.ADMIN));
		UI.getCurrent().add(view);
		view.show("lot-1");
		assertThat(_find(Div.class, spec -> spec.withClasses("spot-tile"))).hasSize(3);
	}

	@Test
	void anUnknownLotSaysSo() {
		open("missing", "olga");
		assertThat(_find(Div.class, spec -> spec.withId("lot-missing"))).hasSize(1);
	}

	@Test
	void leavingTheViewClosesItsSubscription() {
		api.addLot("lot-1", "Central", "olga", 3);
		LotBoardView view = open("lot-1", "olga");
		assertThat(api.openWatches()).isEqualTo(1);
		UI.getCurrent().remove(view);
		assertThat(api.openWatches()).isZero();
	}

	@Test
	void aLostSubscriptionIsReopenedAndTheBoardRefetched() throws Exception {
		LotBoard board = api.addLot("lot-1", "Central", "olga", 3);
		LotBoardView view = open("lot-1", "olga");
		api.failWatches(new IllegalStateException("connection closed"));
		MockVaadin.runUIQueue();
		expectNotifications("Live updates paused (connection closed); retrying");
		assertThat(api.openWatches()).isZero();

		// Missed while disconnected: only a refetch can tell.
		var spots = board.levels().getFirst().spots();
		spots.set(0, spots.get(0).withCommercial(CommercialState.BOOKED));
		Thread.sleep(5_500);
		MockVaadin.runUIQueue();
		assertThat(api.openWatches()).isEqualTo(1);
		assertThat(view.stateOf("A-1")).isEqualTo(BoardState.BOOKED);
	}
}
