package org.openparking.adminui.kpis.ui;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.openparking.adminui.base.ui.Notifications;
import org.openparking.adminui.lots.ui.LotPicker;
import org.openparking.adminui.parking.ApiException;
import org.openparking.adminui.parking.OccupancyKpis;
import org.openparking.adminui.parking.ParkingApi;

import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;

import jakarta.annotation.security.PermitAll;

/** Occupancy by hour, arrivals (turnover) and dwell, drawn as CSS bars: no charting library, no frontend build. */
@Route("kpis")
@PageTitle("KPIs · Parking admin")
@Menu(order = 5, title = "KPIs", icon = "vaadin:chart")
@PermitAll
public class KpisView extends VerticalLayout {

	private static final DateTimeFormatter HOUR = DateTimeFormatter.ofPattern("dd.MM HH'h'").withZone(ZoneOffset.UTC);

	private final ParkingApi api;

	private final Clock clock;

	private final LotPicker lot;

	private final Select<Integer> days = new Select<>();

	private final Div charts = new Div();

	public KpisView(ParkingApi api, Clock clock) {
		this.api = api;
		this.clock = clock;
		this.lot = new LotPicker(api);
		setId("kpis");
		days.setLabel("Range");
		days.setItems(1, 7, 31);
		days.setItemLabelGenerator(n -> n == 1 ? "Last 24 hours" : "Last " + n + " days");
		days.setValue(1);
		charts.setWidthFull();
		lot.addValueChangeListener(change -> refresh());
		days.addValueChangeListener(change -> refresh());
		add(new H2("KPIs"), new com.vaadin.flow.component.orderedlayout.HorizontalLayout(lot, days), charts);
		lot.select(null);
		refresh();
	}

	void refresh() {
		charts.removeAll();
		if (lot.getValue() == null) {
			charts.add(new Paragraph("Choose a lot."));
			return;
		}
		Instant to = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
		Instant from = to.minus(Duration.ofDays(days.getValue()));
		try {
			OccupancyKpis kpis = api.occupancyKpis(lot.getValue().id(), from, to);
			charts.add(new Paragraph(String.format(Locale.ROOT,
					"Average occupancy %.1f %% · turnover %d arrivals · average dwell %s", kpis.averageOccupancyPercent(),
					kpis.turnover(), kpis.averageDwellMinutes() == null ? "–"
							: String.format(Locale.ROOT, "%.0f min", kpis.averageDwellMinutes()))));
			charts.add(new H3("Occupancy by hour (%)"), chart(kpis, OccupancyKpis.Hour::occupancyPercent, 100));
			charts.add(new H3("Arrivals by hour"), chart(kpis, h -> h.arrivals(), 0));
			charts.add(new H3("Average dwell of stays ending in the hour (min)"),
					chart(kpis, h -> h.averageDwellMinutes() == null ? 0 : h.averageDwellMinutes(), 0));
		}
		catch (ApiException refused) {
			Notifications.failure(refused.getMessage());
			charts.add(new Paragraph("KPIs are not available: " + refused.getMessage()));
		}
	}

	/** Bars scaled to {@code max}, or to the largest value when max is 0; the value is in each bar's tooltip. */
	static Div chart(OccupancyKpis kpis, ToDoubleFunction<OccupancyKpis.Hour> value, double max) {
		double top = max > 0 ? max
				: Math.max(1, kpis.hours().stream().mapToDouble(value).max().orElse(1));
		Div chart = new Div();
		chart.addClassName("bar-chart");
		for (OccupancyKpis.Hour hour : kpis.hours()) {
			double v = value.applyAsDouble(hour);
			Div bar = new Div();
			bar.addClassName("bar");
			bar.getStyle().set("height", String.format(Locale.ROOT, "%.1f%%", 100 * v / top));
			bar.getElement().setAttribute("title", HOUR.format(hour.hour()) + ": "
					+ String.format(Locale.ROOT, "%.1f", v));
			chart.add(bar);
		}
		if (kpis.hours().isEmpty()) {
			chart.add(new Span("No data in this range."));
		}
		return chart;
	}
}
