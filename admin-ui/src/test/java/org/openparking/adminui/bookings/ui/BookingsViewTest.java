package org.openparking.adminui.bookings.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.openparking.adminui.lots.ui.LotPicker;
import org.openparking.adminui.support.KaribuTest;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Span;

class BookingsViewTest extends KaribuTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:30:00Z"), ZoneOffset.UTC);

	@Test
	void searchingNeedsALot() {
		UI.getCurrent().add(new BookingsView(api, CLOCK));
		_click(_get(Button.class, spec -> spec.withId("search")));
		expectNotifications("Choose a lot first");
	}

	@Test
	void anEmptyResultSaysSo() {
		api.addLot("lot-1", "Central", "olga", 2);
		UI.getCurrent().add(new BookingsView(api, CLOCK));
		_get(LotPicker.class, spec -> spec.withId("lot-picker")).select("lot-1");
		_click(_get(Button.class, spec -> spec.withId("search")));
		assertThat(_get(Span.class, spec -> spec.withId("bookings-empty")).getText()).isEqualTo("Nothing matches.");
	}
}
