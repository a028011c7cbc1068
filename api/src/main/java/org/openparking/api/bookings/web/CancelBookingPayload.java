package org.openparking.api.bookings.web;

import java.util.List;

import org.openparking.api.bookings.BookingView;
import org.openparking.api.shared.Money;
import org.openparking.api.shared.graphql.UserError;

/** {@code refunded} is what the provider refunded at once; a refund it could not finish yet follows later. */
record CancelBookingPayload(BookingView booking, Money refunded, List<UserError> userErrors) {

	static CancelBookingPayload failed(List<UserError> errors) {
		return new CancelBookingPayload(null, null, errors);
	}
}
