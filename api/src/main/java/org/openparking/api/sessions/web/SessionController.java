package org.openparking.api.sessions.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import org.openparking.api.lots.LotId;
import org.openparking.api.lots.LotView;
import org.openparking.api.lots.LotViews;
import org.openparking.api.lots.SpotId;
import org.openparking.api.lots.SpotView;
import org.openparking.api.payments.PaymentView;
import org.openparking.api.payments.Payments;
import org.openparking.api.security.Caller;
import org.openparking.api.sessions.LotSessionFilter;
import org.openparking.api.sessions.SessionView;
import org.openparking.api.sessions.Sessions;
import org.openparking.api.sessions.internal.LotSessionQueries;
import org.openparking.api.sessions.internal.SessionEnder;
import org.openparking.api.sessions.internal.SessionEnder.EndedSession;
import org.openparking.api.sessions.internal.SessionStarter;
import org.openparking.api.shared.UserId;
import org.openparking.api.shared.graphql.BusinessException;
import org.openparking.api.shared.graphql.Connection;
import org.openparking.api.shared.graphql.PageRequest;
import org.openparking.api.shared.graphql.PagingProperties;
import org.openparking.api.shared.graphql.UserError;
import org.openparking.api.shared.idempotency.IdempotentMutations;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.graphql.data.method.annotation.QueryMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
class SessionController {

	private final SessionStarter starter;

	private final SessionEnder ender;

	private final Sessions sessions;

	private final IdempotentMutations idempotent;

	private final LotViews lotViews;

	private final Payments payments;

	private final LotSessionQueries lotSessions;

	private final PagingProperties paging;

	SessionController(SessionStarter starter, SessionEnder ender, Sessions sessions, IdempotentMutations idempotent,
			LotViews lotViews, Payments payments, LotSessionQueries lotSessions, PagingProperties paging) {
		this.lotSessions = lotSessions;
		this.paging = paging;
		this.starter = starter;
		this.ender = ender;
		this.sessions = sessions;
		this.idempotent = idempotent;
		this.lotViews = lotViews;
		this.payments = payments;
	}

	@QueryMapping
	@PreAuthorize("isAuthenticated()")
	SessionView currentSession() {
		return sessions.activeOf(Caller.current().id()).orElse(null);
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('OPERATOR','ADMIN')")
	Connection<SessionView> lotSessions(@Argument String lotId, @Argument LotSessionFilter filter,
			@Argument Integer first, @Argument String after) {
		return lotSessions.ofLot(Caller.current(), LotId.parse(lotId), filter, PageRequest.of(first, after, paging));
	}

	@MutationMapping
	@PreAuthorize("isAuthenticated()")
	StartSessionPayload startSession(@Argument StartSessionInput input) {
		UserId user = Caller.current().id();
		return idempotent.execute(user, input.idempotencyKey(), "startSession", input, StartSessionPayload.class,
				StartSessionPayload::failed, () -> orUserError(StartSessionPayload::failed,
						() -> new StartSessionPayload(starter.start(user, input.lotId(), input.spotId(),
								input.spotClass(), input.vehiclePlate()), List.of())));
	}

	@MutationMapping
	@PreAuthorize("isAuthenticated()")
	EndSessionPayload endSession(@Argument EndSessionInput input) {
		UserId user = Caller.current().id();
		return idempotent.execute(user, input.idempotencyKey(), "endSession", input, EndSessionPayload.class,
				EndSessionPayload::failed, () -> orUserError(EndSessionPayload::failed, () -> {
					EndedSession ended = ender.end(user, input.paymentMethodToken());
					return new EndSessionPayload(ended.session(), ended.paymentProblem().stream().toList());
				}));
	}

	@BatchMapping(typeName = "ParkingSession")
	List<LotView> lot(List<SessionView> sessions) {
		Map<LotId, LotView> lots = lotViews.lots(distinct(sessions, session -> new LotId(session.lotId())));
		return sessions.stream().map(session -> lots.get(new LotId(session.lotId()))).toList();
	}

	@BatchMapping(typeName = "ParkingSession")
	List<SpotView> spot(List<SessionView> sessions) {
		Map<SpotId, SpotView> spots = lotViews.spots(distinct(sessions, session -> new SpotId(session.spotId())));
		return sessions.stream().map(session -> spots.get(new SpotId(session.spotId()))).toList();
	}

	@BatchMapping(typeName = "ParkingSession")
	List<List<PaymentView>> payments(List<SessionView> sessions) {
		Map<UUID, List<PaymentView>> paid = payments.paymentsOf(distinct(sessions, SessionView::id));
		return sessions.stream().map(session -> paid.getOrDefault(session.id(), List.of())).toList();
	}

	private static <P> P orUserError(Function<List<UserError>, P> failed, Supplier<P> action) {
		try {
			return action.get();
		}
		catch (BusinessException refused) {
			return failed.apply(List.of(refused.error()));
		}
	}

	private static <K> Set<K> distinct(List<SessionView> sessions, Function<SessionView, K> key) {
		return sessions.stream().map(key).collect(Collectors.toSet());
	}
}
