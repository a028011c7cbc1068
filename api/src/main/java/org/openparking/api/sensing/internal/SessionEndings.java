package org.openparking.api.sensing.internal;

import java.time.Clock;

import org.openparking.api.sensing.AlertKind;
import org.openparking.api.sessions.SessionEnded;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A session that ends is no longer left open; runs in the session's transaction, so both commit together. */
@Component
class SessionEndings {

	private final AlertRecorder recorder;

	private final Clock clock;

	SessionEndings(AlertRecorder recorder, Clock clock) {
		this.recorder = recorder;
		this.clock = clock;
	}

	@EventListener
	void on(SessionEnded event) {
		recorder.resolveOfSession(AlertKind.SESSION_LEFT_OPEN, event.sessionId().value(), clock.instant());
	}
}
