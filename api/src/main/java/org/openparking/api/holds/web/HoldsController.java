package org.openparking.api.holds.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openparking.api.holds.Hold;
import org.openparking.api.holds.HoldId;
import org.openparking.api.holds.HoldOutcome;
import org.openparking.api.holds.HoldRequest;
import org.openparking.api.holds.Holds;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.LotViews;
import org.openparking.api.lots.SpotClass;
import org.openparking.api.lots.SpotId;
import org.openparking.api.lots.SpotView;
import org.openparking.api.security.Caller;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.UserId;
import org.openparking.api.shared.graphql.BusinessException;
import org.openparking.api.shared.graphql.InvalidArgumentException;
import org.openparking.api.shared.graphql.UserError;
import org.openparking.api.shared.graphql.UserErrorCode;
import org.openparking.api.shared.idempotency.IdempotentMutations;
import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.BatchMapping;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;

@Controller
class HoldsController {

	private final Holds holds;

	private final LotViews lotViews;

	private final IdempotentMutations idempotent;

	HoldsController(Holds holds, LotViews lotViews, IdempotentMutations idempotent) {
		this.holds = holds;
		this.lotViews = lotViews;
		this.idempotent = idempotent;
	}

	@MutationMapping
	@PreAuthorize("isAuthenticated()")
	HoldSpotPayload holdSpot(@Argument HoldSpotInput input) {
		UserId user = Caller.current().id();
		return idempotent.execute(user, input.idempotencyKey(), "holdSpot", input, HoldSpotPayload.class,
				HoldSpotPayload::failed, () -> place(user, input));
	}

	private HoldSpotPayload place(UserId user, HoldSpotInput input) {
		try {
			return switch (holds.place(request(user, input))) {
				case HoldOutcome.Placed placed -> new HoldSpotPayload(HoldView.of(placed.hold()), List.of());
				case HoldOutcome.Refused refused -> HoldSpotPayload.failed(List.of(refused.error()));
			};
		}
		catch (BusinessException ex) {
			return HoldSpotPayload.failed(List.of(ex.error()));
		}
	}

	private static HoldRequest request(UserId user, HoldSpotInput input) {
		Optional<SpotId> spot = Optional.ofNullable(input.spotId()).map(id -> parse(SpotId::parse, id, "spotId"));
		LotId lot = input.lotId() == null ? null : parse(LotId::parse, input.lotId(), "lotId");
		if (spot.isEmpty() && (lot == null || input.spotClass() == null)) {
			throw new BusinessException(UserErrorCode.INVALID_INPUT, "Give a spotId, or a lotId and a spotClass",
					"input");
		}
		if (!input.from().isBefore(input.to())) {
			throw new BusinessException(UserErrorCode.INVALID_WINDOW, "from must be before to", "input", "to");
		}
		return new HoldRequest(user, lot, spot, input.spotClass(), new TimeWindow(input.from(), input.to()));
	}

	private static <T> T parse(Function<String, T> parser, String id, String field) {
		try {
			return parser.apply(id);
		}
		catch (InvalidArgumentException ex) {
			throw new BusinessException(UserErrorCode.INVALID_INPUT, ex.getMessage(), "input", field);
		}
	}

	@MutationMapping
	@PreAuthorize("isAuthenticated()")
	ReleaseHoldPayload releaseHold(@Argument ReleaseHoldInput input) {
		UserId user = Caller.current().id();
		return idempotent.execute(user, input.idempotencyKey(), "releaseHold", input, ReleaseHoldPayload.class,
				ReleaseHoldPayload::failed, () -> release(user, input.holdId()));
	}

	private ReleaseHoldPayload release(UserId user, String holdId) {
		try {
			HoldId id = parse(HoldId::parse, holdId, "holdId");
			if (holds.release(user, id)) {
				return new ReleaseHoldPayload(id.toString(), List.of());
			}
			return ReleaseHoldPayload.failed(List.of(UserError.of(UserErrorCode.HOLD_NOT_FOUND,
					"You have no live hold with this id (it may have expired)", "input", "holdId")));
		}
		catch (BusinessException ex) {
			return ReleaseHoldPayload.failed(List.of(ex.error()));
		}
	}

	@BatchMapping(typeName = "Hold")
	Map<HoldView, SpotView> spot(List<HoldView> holds) {
		Map<SpotId, SpotView> spots = lotViews.spots(holds.stream().map(hold -> new SpotId(hold.spotId())).toList());
		return holds.stream()
			.filter(hold -> spots.containsKey(new SpotId(hold.spotId())))
			.collect(Collectors.toMap(Function.identity(), hold -> spots.get(new SpotId(hold.spotId())),
					(first, same) -> first));
	}

	record HoldSpotInput(String spotId, String lotId, SpotClass spotClass, Instant from, Instant to,
			String idempotencyKey) {
	}

	record ReleaseHoldInput(String holdId, String idempotencyKey) {
	}

	/** The GraphQL {@code Hold}; {@code spot} is resolved in batches from {@code spotId}. */
	record HoldView(String id, UUID spotId, Instant from, Instant to, Instant expiresAt) {

		static HoldView of(Hold hold) {
			return new HoldView(hold.id().toString(), hold.spotId().value(), hold.window().from(),
					hold.window().to(), hold.expiresAt());
		}
	}

	record HoldSpotPayload(HoldView hold, List<UserError> userErrors) {

		static HoldSpotPayload failed(List<UserError> errors) {
			return new HoldSpotPayload(null, errors);
		}
	}

	record ReleaseHoldPayload(String releasedHoldId, List<UserError> userErrors) {

		static ReleaseHoldPayload failed(List<UserError> errors) {
			return new ReleaseHoldPayload(null, errors);
		}
	}
}
