package org.openparking.api.bookings.web;

import java.util.List;

import org.openparking.api.bookings.BookingView;
import org.openparking.api.shared.graphql.UserError;

record ConfirmBookingPayload(BookingView booking, List<UserError> userErrors) {

	static ConfirmBookingPayload failed(List<UserError> errors) {
		return new ConfirmBookingPayload(null, errors);
	}
}
