package org.openparking.api.bookings.internal;

import org.openparking.api.bookings.BookingId;
import org.openparking.api.payments.ChargeRequest;
import org.openparking.api.shared.Money;
import org.openparking.api.shared.TimeWindow;

/**
 * Committed with the longer window, so the extension is charged, or undone if declined, even if the node dies before
 * it charges inline.
 */
record ExtensionChargeDue(BookingId bookingId, ChargeRequest charge, TimeWindow extended, TimeWindow previous,
		Money previousPrice) {
}
