package org.openparking.api.bookings.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.Assert;

/**
 * @param maxLength the longest a booking may last once extended (holds cap the first window on their own)
 */
@ConfigurationProperties("parking.bookings")
public record BookingsProperties(@DefaultValue("7d") Duration maxLength, @DefaultValue Cancellation cancellation,
		@DefaultValue Retries retries) {

	/**
	 * By default a cancellation is free until the booking starts and refunds nothing later.
	 * @param freeUntilBeforeStart cancelling at least this long before the start refunds all that was paid
	 * @param lateRefundPercent what a later cancellation (until the booking ends) refunds, in percent of what was paid
	 */
	public record Cancellation(@DefaultValue("0s") Duration freeUntilBeforeStart,
			@DefaultValue("0") int lateRefundPercent) {

		public Cancellation {
			Assert.isTrue(!freeUntilBeforeStart.isNegative(),
					"parking.bookings.cancellation.free-until-before-start must not be negative");
			Assert.isTrue(lateRefundPercent >= 0 && lateRefundPercent <= 100,
					"parking.bookings.cancellation.late-refund-percent must be between 0 and 100");
		}
	}

	/**
	 * A pipeline step that failed (an outage of Redis or the provider, say) is tried again without waiting for a
	 * restart.
	 * @param interval how often failed steps are looked for
	 * @param minAge a failed step is retried once it failed at least this long ago
	 * @param maxAttempts a step that failed this often is left alone (and shows in the publication registry)
	 */
	public record Retries(@DefaultValue("1m") Duration interval, @DefaultValue("1m") Duration minAge,
			@DefaultValue("10") int maxAttempts) {
	}
}
