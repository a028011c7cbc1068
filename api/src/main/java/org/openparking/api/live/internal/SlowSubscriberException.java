package org.openparking.api.live.internal;

/** A subscriber fell more events behind than its buffer holds; it must resubscribe and refetch the state. */
public class SlowSubscriberException extends RuntimeException {

	SlowSubscriberException(int capacity) {
		super("Subscription ended: the client fell more than " + capacity
				+ " events behind. Resubscribe and refetch the current state.", null, false, false);
	}
}
