package org.openparking.api.lots.internal;

import java.util.List;
import java.util.Map;

import org.openparking.api.lots.LotView;
import org.openparking.api.lots.SpotView;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.stereotype.Controller;

@Controller
class LevelFieldsController {

	private final LotReads reads;

	LevelFieldsController(LotReads reads) {
		this.reads = reads;
	}

	@BatchMapping(typeName = "Level")
	Map<LevelView, LotView> lot(List<LevelView> levels) {
		return Batches.single(levels, LevelView::lotId, reads.lotsById(Batches.keys(levels, LevelView::lotId)));
	}

	@BatchMapping(typeName = "Level")
	Map<LevelView, List<SpotView>> spots(List<LevelView> levels) {
		return Batches.lists(levels, LevelView::id, reads.spotsByLevel(Batches.keys(levels, LevelView::id)));
	}
}
