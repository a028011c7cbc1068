package org.openparking.api.bookings.internal;

import java.util.Optional;

import org.openparking.api.bookings.BookingId;
import org.openparking.api.lots.LotCatalog;
import org.openparking.api.lots.LotSummary;
import org.openparking.api.security.Caller;
import org.openparking.api.security.Role;
import org.openparking.api.shared.graphql.BusinessException;
import org.openparking.api.shared.graphql.InvalidArgumentException;
import org.openparking.api.shared.graphql.UserErrorCode;
import org.springframework.stereotype.Component;

/**
 * Who may see and change a booking. Another driver's booking does not exist for the caller: queries answer null and
 * mutations NOT_FOUND, so booking ids reveal nothing.
 */
@Component
class BookingAccess {

	private final BookingRecords records;

	private final LotCatalog catalog;

	BookingAccess(BookingRecords records, LotCatalog catalog) {
		this.records = records;
		this.catalog = catalog;
	}

	/** The driver who booked it, the operator of its lot, or an administrator. */
	Optional<BookingRow> visible(BookingId id, Caller caller) {
		return records.byId(id).filter(booking -> mayView(booking, caller));
	}

	boolean mayView(BookingRow booking, Caller caller) {
		return booking.userId().equals(caller.id()) || isLotStaff(booking, caller);
	}

	/** An administrator, or the operator of the booking's lot. */
	private boolean isLotStaff(BookingRow booking, Caller caller) {
		return caller.isAdmin() || caller.has(Role.OPERATOR) && catalog.lot(booking.lot())
			.map(LotSummary::operatorId)
			.filter(caller.id().value()::equals)
			.isPresent();
	}

	/**
	 * The booking a mutation acts on: the caller's own, or also one an administrator or the lot's operator may act on
	 * when {@code lotStaffToo}.
	 * @param bookingId the input field, reported as INVALID_INPUT when it is no booking id
	 */
	BookingRow toChange(Caller caller, String bookingId, boolean lotStaffToo) {
		BookingId id;
		try {
			id = BookingId.parse(bookingId);
		}
		catch (InvalidArgumentException ex) {
			throw new BusinessException(UserErrorCode.INVALID_INPUT, ex.getMessage(), "input", "bookingId");
		}
		return records.byId(id)
			.filter(booking -> booking.userId().equals(caller.id()) || lotStaffToo && isLotStaff(booking, caller))
			.orElseThrow(() -> new BusinessException(UserErrorCode.NOT_FOUND, "No such booking", "input", "bookingId"));
	}

	static void requirePaymentMethod(String paymentMethodToken) {
		if (paymentMethodToken == null || paymentMethodToken.isBlank()) {
			throw new BusinessException(UserErrorCode.INVALID_INPUT, "A payment method token is required", "input",
					"paymentMethodToken");
		}
	}
}
