package org.openparking.api.sensing.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.openparking.api.lots.LotView;
import org.openparking.api.lots.LotViews;
import org.openparking.api.lots.SpotId;
import org.openparking.api.lots.SpotView;
import org.openparking.api.sensing.AlertView;
import org.openparking.api.sensing.SpotObservationView;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** The sensing fields of lots, spots and alerts: one statement per field however many items the response holds. */
@Controller
class SensingFieldsController {

	private static final SpotObservations.Counts NOTHING = new SpotObservations.Counts(0, 0, 0);

	private final SpotObservations observations;

	private final Alerts alerts;

	private final LotViews lotViews;

	SensingFieldsController(SpotObservations observations, Alerts alerts, LotViews lotViews) {
		this.observations = observations;
		this.alerts = alerts;
		this.lotViews = lotViews;
	}

	@BatchMapping(typeName = "Spot")
	Map<SpotView, SpotObservationView> observation(List<SpotView> spots) {
		Map<UUID, SpotObservationView> found = observations.views(spots.stream().map(SpotView::id).distinct().toList());
		Map<SpotView, SpotObservationView> result = new LinkedHashMap<>();
		for (SpotView spot : spots) {
			result.put(spot, found.getOrDefault(spot.id(), SpotObservationView.noSensor(spot.id(), spot.lotId())));
		}
		return result;
	}

	@BatchMapping(typeName = "Lot")
	Map<LotView, LotOccupancyView> occupancy(List<LotView> lots) {
		Map<UUID, SpotObservations.Counts> counts = observations.counts(lots.stream().map(LotView::id).toList());
		Map<LotView, LotOccupancyView> result = new LinkedHashMap<>();
		for (LotView lot : lots) {
			result.put(lot, LotOccupancyView.of(counts.getOrDefault(lot.id(), NOTHING)));
		}
		return result;
	}

	@BatchMapping(typeName = "Lot")
	Map<LotView, Integer> activeAlertCount(List<LotView> lots) {
		Map<UUID, Integer> counts = alerts.activeCounts(lots.stream().map(LotView::id).toList());
		Map<LotView, Integer> result = new LinkedHashMap<>();
		for (LotView lot : lots) {
			result.put(lot, counts.getOrDefault(lot.id(), 0));
		}
		return result;
	}

	@BatchMapping(typeName = "Alert")
	Map<AlertView, SpotView> spot(List<AlertView> list) {
		Map<SpotId, SpotView> spots = lotViews.spots(list.stream()
			.filter(alert -> alert.spotId() != null)
			.map(alert -> new SpotId(alert.spotId()))
			.distinct()
			.toList());
		Map<AlertView, SpotView> result = new LinkedHashMap<>();
		for (AlertView alert : list) {
			result.put(alert, alert.spotId() == null ? null : spots.get(new SpotId(alert.spotId())));
		}
		return result;
	}
}
