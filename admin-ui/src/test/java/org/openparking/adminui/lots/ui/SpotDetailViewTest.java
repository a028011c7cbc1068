package org.openparking.adminui.lots.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openparking.adminui.security.Role;
import org.openparking.adminui.security.TestUsers;
import org.openparking.adminui.support.KaribuTest;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;

class SpotDetailViewTest extends KaribuTest {

	private void open(String user, String lotId, String spotId) {
		SpotDetailView view = new SpotDetailView(api, TestUsers.loggedIn(user, Role.OPERATOR));
		UI.getCurrent().add(view);
		view.show(lotId, spotId);
	}

	@Test
	void showsTheSpotsStatesAndThatItHasNoSensor() {
		api.addLot("lot-1", "Central", "olga", 2);
		open("olga", "lot-1", "lot-1-s2");
		assertThat(_get(H2.class).getText()).isEqualTo("Spot A-2 · Free");
		assertThat(_find(Paragraph.class).stream().map(Paragraph::getText))
			.contains("No sensor on this spot: its occupancy is unknown.", "Nothing booked or parked on this spot.");
	}

	@Test
	void anotherOperatorsSpotStaysHidden() {
		api.addLot("lot-1", "Central", "olga", 2);
		open("mallory", "lot-1", "lot-1-s2");
		assertThat(_find(Div.class, spec -> spec.withId("spot-forbidden"))).hasSize(1);
		assertThat(_find(H2.class)).isEmpty();
	}

	@Test
	void anUnknownSpotSaysSo() {
		api.addLot("lot-1", "Central", "olga", 2);
		open("olga", "lot-1", "nope");
		assertThat(_find(Div.class, spec -> spec.withId("spot-missing"))).hasSize(1);
	}
}
