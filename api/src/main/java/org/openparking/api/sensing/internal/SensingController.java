package org.openparking.api.sensing.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.openparking.api.lots.LotCatalog;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.LotSummary;
import org.openparking.api.security.Caller;
import org.openparking.api.sensing.AlertView;
import org.openparking.api.sensing.internal.Alerts.AlertQuery;
import org.openparking.api.shared.graphql.Connection;
import org.openparking.api.shared.graphql.InvalidArgumentException;
import org.openparking.api.shared.graphql.PageRequest;
import org.openparking.api.shared.graphql.PagingProperties;
import org.openparking.api.shared.graphql.TimeIdCursor;
import org.openparking.api.shared.idempotency.IdempotentMutations;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

/**
 * Operators' alert queries and actions and the occupancy KPIs, each for the operator's own lots (administrators for
 * every lot): the role is checked here, the lot's ownership once the lot (or the alert) is known; both fail as
 * GraphQL errors (FORBIDDEN), business rules as user errors.
 */
@Controller
class SensingController {

	private static final String OPERATOR_OR_ADMIN = "hasAnyRole('OPERATOR','ADMIN')";

	private final Alerts alerts;

	private final AlertActions actions;

	private final OccupancyKpis kpis;

	private final LotCatalog catalog;

	private final IdempotentMutations mutations;

	private final PagingProperties paging;

	SensingController(Alerts alerts, AlertActions actions, OccupancyKpis kpis, LotCatalog catalog,
			IdempotentMutations mutations, PagingProperties paging) {
		this.alerts = alerts;
		this.actions = actions;
		this.kpis = kpis;
		this.catalog = catalog;
		this.mutations = mutations;
		this.paging = paging;
	}

	@QueryMapping
	@PreAuthorize(OPERATOR_OR_ADMIN)
	Connection<AlertView> alerts(@Argument String lotId, @Argument AlertFilterInput filter, @Argument Integer first,
			@Argument String after) {
		LotSummary lot = ownLot(lotId);
		PageRequest page = PageRequest.of(first, after, paging);
		AlertFilterInput given = filter == null ? new AlertFilterInput(null, null, null, null) : filter;
		AlertQuery query = new AlertQuery(given.statuses() == null ? List.of() : given.statuses(),
				given.kinds() == null ? List.of() : given.kinds(),
				given.spotId() == null ? null : uuid(given.spotId(), "spotId"), given.since());
		return Connection.of(alerts.page(lot.id().value(), query, TimeIdCursor.parse(page.after()), page.limit()), page,
				alert -> TimeIdCursor.sortKey(alert.raisedAt(), alert.id()));
	}

	@QueryMapping
	@PreAuthorize(OPERATOR_OR_ADMIN)
	OccupancyKpisView occupancyKpis(@Argument String lotId, @Argument Instant from, @Argument Instant to) {
		return kpis.of(ownLot(lotId), from, to);
	}

	@MutationMapping
	@PreAuthorize(OPERATOR_OR_ADMIN)
	AlertActionPayload acknowledgeAlert(@Argument AlertActionInput input) {
		return run("acknowledgeAlert", input, caller -> actions.acknowledge(caller, input.alertId(), input.note()));
	}

	@MutationMapping
	@PreAuthorize(OPERATOR_OR_ADMIN)
	AlertActionPayload resolveAlert(@Argument AlertActionInput input) {
		return run("resolveAlert", input, caller -> actions.resolve(caller, input.alertId(), input.note()));
	}

	private AlertActionPayload run(String operation, AlertActionInput input,
			java.util.function.Function<Caller, AlertView> action) {
		Caller caller = Caller.current();
		return mutations.executeOrRefuse(caller.id(), input.idempotencyKey(), operation, input,
				AlertActionPayload.class, AlertActionPayload::failed,
				() -> new AlertActionPayload(action.apply(caller), List.of()));
	}

	private LotSummary ownLot(String lotId) {
		LotSummary lot = catalog.lot(LotId.parse(lotId))
			.orElseThrow(() -> new InvalidArgumentException("No lot " + lotId));
		Caller.current().requireOperatorOf(lot.operatorId());
		return lot;
	}

	private static UUID uuid(String id, String field) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidArgumentException("Malformed " + field + " " + id);
		}
	}
}
