package org.openparking.api.lots.internal;

import java.util.List;
import java.util.Map;

import org.openparking.api.lots.LotView;
import org.openparking.api.lots.SpotView;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

/** {@code Spot.commercialState} is resolved by the availability module. */
@Controller
class SpotFieldsController {

	private final LotReads reads;

	SpotFieldsController(LotReads reads) {
		this.reads = reads;
	}

	@BatchMapping(typeName = "Spot")
	Map<SpotView, LotView> lot(List<SpotView> spots) {
		return Batches.single(spots, SpotView::lotId, reads.lotsById(Batches.keys(spots, SpotView::lotId)));
	}

	@BatchMapping(typeName = "Spot")
	Map<SpotView, LevelView> level(List<SpotView> spots) {
		return Batches.single(spots, SpotView::levelId, reads.levelsById(Batches.keys(spots, SpotView::levelId)));
	}
}
