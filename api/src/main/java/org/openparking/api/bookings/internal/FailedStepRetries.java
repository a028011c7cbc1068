package org.openparking.api.bookings.internal;

import org.openparking.api.bookings.BookingPlaced;
import org.openparking.api.payments.PaymentCompleted;
import org.openparking.api.payments.PaymentFailed;
import org.openparking.api.payments.PaymentSubject;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;
import org.springframework.stereotype.Component;

/**
 * Resubmits failed steps of the booking pipeline, so a booking whose step failed (Redis or the provider briefly
 * unreachable, say) does not wait in PENDING_PAYMENT for the next restart. Publications stuck in processing on a node
 * that died become failed through {@code spring.modulith.events.staleness.*}, and then come here too.
 * <p>
 * The registry's API does not tell which listener a publication is for, so this picks the pipeline's events; another
 * module's failed listener of such an event is resubmitted too. That is safe for the same reason the restart
 * republication is: listeners are idempotent.
 */
@Component
class FailedStepRetries implements SchedulingConfigurer {

	private final FailedEventPublications failed;

	private final BookingsProperties.Retries settings;

	FailedStepRetries(FailedEventPublications failed, BookingsProperties properties) {
		this.failed = failed;
		this.settings = properties.retries();
	}

	@Override
	public void configureTasks(ScheduledTaskRegistrar tasks) {
		tasks.addFixedDelayTask(this::resubmit, settings.interval());
	}

	void resubmit() {
		failed.resubmit(ResubmissionOptions.defaults().withMinAge(settings.minAge()).withFilter(this::retryable));
	}

	private boolean retryable(EventPublication publication) {
		return publication.getCompletionAttempts() < settings.maxAttempts() && switch (publication.getEvent()) {
			case BookingPlaced placed -> true;
			case PaymentCompleted completed -> completed.subject().kind() == PaymentSubject.Kind.BOOKING;
			case PaymentFailed failure -> failure.subject().kind() == PaymentSubject.Kind.BOOKING;
			case CancellationRefundDue due -> true;
			case ExtensionChargeDue due -> true;
			default -> false;
		};
	}
}
