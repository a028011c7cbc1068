/**
 * Advance bookings of a spot for a window: confirming a hold, the asynchronous payment pipeline, cancellation with
 * refunds, extension, and the driver's booking history.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Bookings")
package org.openparking.api.bookings;
