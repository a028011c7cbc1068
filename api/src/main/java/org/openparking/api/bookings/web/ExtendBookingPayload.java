package org.openparking.api.bookings.web;

import java.util.List;

import org.openparking.api.bookings.BookingView;
import org.openparking.api.shared.Money;
import org.openparking.api.shared.graphql.UserError;

record ExtendBookingPayload(BookingView booking, Money additionalCharge, List<UserError> userErrors) {

	static ExtendBookingPayload failed(List<UserError> errors) {
		return new ExtendBookingPayload(null, null, errors);
	}
}
