package org.openparking.api.lots.internal;

import java.util.List;

import org.openparking.api.lots.LotId;
import org.openparking.api.lots.LotView;
import org.openparking.api.lots.LotView.Location;
import org.openparking.api.security.Caller;
import org.openparking.api.shared.graphql.Connection;
import org.openparking.api.shared.graphql.InvalidArgumentException;
import org.openparking.api.shared.graphql.PageRequest;
import org.openparking.api.shared.graphql.PagingProperties;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/** Browsing lots needs no login; the lots one manages need the operator role. */
@Controller
class LotQueryController {

	private final LotSearch search;

	private final LotReads reads;

	private final PagingProperties paging;

	LotQueryController(LotSearch search, LotReads reads, PagingProperties paging) {
		this.search = search;
		this.reads = reads;
		this.paging = paging;
	}

	@QueryMapping
	Connection<LotView> lots(@Argument Location near, @Argument Integer radiusMeters, @Argument Integer first,
			@Argument String after) {
		PageRequest page = PageRequest.of(first, after, paging);
		if (near != null) {
			return search.near(near, radiusMeters, page);
		}
		if (radiusMeters != null) {
			throw new InvalidArgumentException("radiusMeters needs near");
		}
		return search.byName(page);
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('OPERATOR','ADMIN')")
	Connection<LotView> managedLots(@Argument Integer first, @Argument String after) {
		return search.managedBy(Caller.current(), PageRequest.of(first, after, paging));
	}

	@QueryMapping
	LotView lot(@Argument String id) {
		LotId lotId = LotId.parse(id);
		return reads.lots(List.of(lotId)).get(lotId);
	}
}
