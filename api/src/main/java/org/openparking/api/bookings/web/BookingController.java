package org.openparking.api.bookings.web;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openparking.api.bookings.BookingId;
import org.openparking.api.bookings.BookingStatus;
import org.openparking.api.bookings.BookingView;
import org.openparking.api.bookings.LotBookingFilter;
import org.openparking.api.bookings.internal.BookingCancellation;
import org.openparking.api.bookings.internal.BookingConfirmation;
import org.openparking.api.bookings.internal.BookingExtension;
import org.openparking.api.bookings.internal.BookingQueries;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.LotView;
import org.openparking.api.lots.LotViews;
import org.openparking.api.lots.SpotId;
import org.openparking.api.lots.SpotView;
import org.openparking.api.payments.PaymentView;
import org.openparking.api.payments.Payments;
import org.openparking.api.security.Caller;
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
class BookingController {

	private final BookingQueries queries;

	private final BookingConfirmation confirmation;

	private final BookingCancellation cancellation;

	private final BookingExtension extension;

	private final IdempotentMutations idempotent;

	private final LotViews lotViews;

	private final Payments payments;

	private final PagingProperties paging;

	BookingController(BookingQueries queries, BookingConfirmation confirmation, BookingCancellation cancellation,
			BookingExtension extension, IdempotentMutations idempotent, LotViews lotViews, Payments payments,
			PagingProperties paging) {
		this.queries = queries;
		this.confirmation = confirmation;
		this.cancellation = cancellation;
		this.extension = extension;
		this.idempotent = idempotent;
		this.lotViews = lotViews;
		this.payments = payments;
		this.paging = paging;
	}

	/** Null both for a booking that does not exist and for one the caller may not see (see {@code Bookings}). */
	@QueryMapping
	@PreAuthorize("isAuthenticated()")
	BookingView booking(@Argument String id) {
		return queries.visibleTo(BookingId.parse(id), Caller.current()).orElse(null);
	}

	@QueryMapping
	@PreAuthorize("isAuthenticated()")
	Connection<BookingView> myBookings(@Argument Integer first, @Argument String after,
			@Argument List<BookingStatus> status) {
		return queries.ofUser(Caller.current().id(), PageRequest.of(first, after, paging),
				status == null ? Set.of() : Set.copyOf(status));
	}

	@QueryMapping
	@PreAuthorize("hasAnyRole('OPERATOR','ADMIN')")
	Connection<BookingView> lotBookings(@Argument String lotId, @Argument LotBookingFilter filter,
			@Argument Integer first, @Argument String after) {
		return queries.ofLot(Caller.current(), LotId.parse(lotId), filter, PageRequest.of(first, after, paging));
	}

	@MutationMapping
	@PreAuthorize("isAuthenticated()")
	ConfirmBookingPayload confirmBooking(@Argument ConfirmBookingInput input) {
		return mutation("confirmBooking", input, input.idempotencyKey(), ConfirmBookingPayload.class,
				ConfirmBookingPayload::failed,
				caller -> new ConfirmBookingPayload(confirmation.confirm(caller.id(), input.holdId(),
						input.paymentMethodToken(), input.vehiclePlate()), List.of()));
	}

	@MutationMapping
	@PreAuthorize("isAuthenticated()")
	CancelBookingPayload cancelBooking(@Argument CancelBookingInput input) {
		return mutation("cancelBooking", input, input.idempotencyKey(), CancelBookingPayload.class,
				CancelBookingPayload::failed, caller -> {
					BookingCancellation.Cancelled cancelled = cancellation.cancel(caller, input.bookingId(),
							input.reason());
					return new CancelBookingPayload(cancelled.booking(), cancelled.refunded(), List.of());
				});
	}

	@MutationMapping
	@PreAuthorize("isAuthenticated()")
	ExtendBookingPayload extendBooking(@Argument ExtendBookingInput input) {
		return mutation("extendBooking", input, input.idempotencyKey(), ExtendBookingPayload.class,
				ExtendBookingPayload::failed, caller -> {
					BookingExtension.Extended extended = extension.extend(caller, input.bookingId(), input.newTo(),
							input.paymentMethodToken());
					return new ExtendBookingPayload(extended.booking(), extended.additionalCharge(), List.of());
				});
	}

	@BatchMapping(typeName = "Booking")
	List<LotView> lot(List<BookingView> bookings) {
		Map<LotId, LotView> lots = lotViews.lots(distinct(bookings, booking -> new LotId(booking.lotId())));
		return bookings.stream().map(booking -> lots.get(new LotId(booking.lotId()))).toList();
	}

	@BatchMapping(typeName = "Booking")
	List<SpotView> spot(List<BookingView> bookings) {
		Map<SpotId, SpotView> spots = lotViews.spots(distinct(bookings, booking -> new SpotId(booking.spotId())));
		return bookings.stream().map(booking -> spots.get(new SpotId(booking.spotId()))).toList();
	}

	@BatchMapping(typeName = "Booking")
	List<List<PaymentView>> payments(List<BookingView> bookings) {
		Map<UUID, List<PaymentView>> paid = payments.paymentsOf(distinct(bookings, BookingView::id));
		return bookings.stream().map(booking -> paid.getOrDefault(booking.id(), List.of())).toList();
	}

	/** Once per idempotency key; a business refusal becomes the payload's user error (and is replayed as such). */
	private <P> P mutation(String operation, Object input, String idempotencyKey, Class<P> payloadType,
			Function<List<UserError>, P> failed, Function<Caller, P> action) {
		Caller caller = Caller.current();
		return idempotent.execute(caller.id(), idempotencyKey, operation, input, payloadType, failed, () -> {
			try {
				return action.apply(caller);
			}
			catch (BusinessException refused) {
				return failed.apply(List.of(refused.error()));
			}
		});
	}

	private static <K> Set<K> distinct(List<BookingView> bookings, Function<BookingView, K> key) {
		return bookings.stream().map(key).collect(Collectors.toSet());
	}
}
