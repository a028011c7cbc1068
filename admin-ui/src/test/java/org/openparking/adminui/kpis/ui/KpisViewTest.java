package org.openparking.adminui.kpis.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openparking.adminui.parking.OccupancyKpis;
import org.openparking.adminui.support.KaribuTest;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Div;

class KpisViewTest extends KaribuTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-21T10:30:00Z"), ZoneOffset.UTC);

	@Test
	void drawsABarPerHourScaledToTheRange() {
		Instant h = Instant.parse("2026-11-21T08:00:00Z");
		OccupancyKpis kpis = new OccupancyKpis(List.of(new OccupancyKpis.Hour(h, 25, 2, 1, 30.0),
				new OccupancyKpis.Hour(h.plusSeconds(3600), 100, 4, 0, null)), 62.5, 6, 30.0);
		Div chart = KpisView.chart(kpis, OccupancyKpis.Hour::occupancyPercent, 100);
		assertThat(chart.getChildren().map(bar -> ((Div) bar).getStyle().get("height")).toList())
			.containsExactly("25.0%", "100.0%");
		Div arrivals = KpisView.chart(kpis, hour -> hour.arrivals(), 0);
		assertThat(arrivals.getChildren().map(bar -> ((Div) bar).getStyle().get("height")).toList())
			.containsExactly("50.0%", "100.0%");
	}

	@Test
	void showsTheOnlyLotsChartsAtOnce() {
		api.addLot("lot-1", "Central", "olga", 2);
		UI.getCurrent().add(new KpisView(api, CLOCK));
		assertThat(_find(Div.class, spec -> spec.withClasses("bar-chart"))).hasSize(3);
	}

	@Test
	void withoutLotsItAsksForOne() {
		UI.getCurrent().add(new KpisView(api, CLOCK));
		assertThat(_find(Div.class, spec -> spec.withClasses("bar-chart"))).isEmpty();
	}
}
