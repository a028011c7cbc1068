package org.openparking.api.lots.internal;

import java.util.List;
import java.util.Map;

import org.openparking.api.lots.LotView;
import org.openparking.api.lots.TariffView;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

@Controller
class LotFieldsController {

	private final LotReads reads;

	LotFieldsController(LotReads reads) {
		this.reads = reads;
	}

	@BatchMapping(typeName = "Lot")
	Map<LotView, List<OpeningHoursView>> openingHours(List<LotView> lots) {
		return Batches.lists(lots, LotView::id, reads.openingHoursByLot(Batches.keys(lots, LotView::id)));
	}

	@BatchMapping(typeName = "Lot")
	Map<LotView, List<LevelView>> levels(List<LotView> lots) {
		return Batches.lists(lots, LotView::id, reads.levelsByLot(Batches.keys(lots, LotView::id)));
	}

	@BatchMapping(typeName = "Lot")
	Map<LotView, List<TariffView>> tariffs(List<LotView> lots) {
		return Batches.lists(lots, LotView::id, reads.tariffsByLot(Batches.keys(lots, LotView::id)));
	}
}
