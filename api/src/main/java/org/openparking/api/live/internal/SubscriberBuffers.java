package org.openparking.api.live.internal;

import reactor.core.publisher.BufferOverflowStrategy;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

import org.springframework.stereotype.Component;

/**
 * Bounds what one subscriber may hold in memory. Between the shared sink and the WebSocket sits this buffer, then
 * Spring for GraphQL's per-session send queue; a client that does not read (or reads too slowly) fills them and is
 * cut off instead of growing the heap.
 */
@Component
class SubscriberBuffers {

	private final int capacity;

	SubscriberBuffers(LiveProperties properties) {
		this.capacity = properties.subscriberBuffer();
	}

	/**
	 * For streams where every event matters: a subscriber that falls too far behind is ended with TOO_SLOW at once.
	 * (Reactor's own overflow error would wait behind the buffered events, which a stalled subscriber never takes.)
	 */
	<T> Flux<T> everyEventOrFail(Flux<T> events) {
		return Flux.defer(() -> {
			Sinks.Empty<T> cutOff = Sinks.empty();
			Flux<T> buffered = events.onBackpressureBuffer(capacity,
					overflowing -> cutOff.tryEmitError(new SlowSubscriberException(capacity)),
					BufferOverflowStrategy.DROP_LATEST);
			return Flux.merge(cutOff.asMono(), buffered);
		});
	}

	/** For snapshots: a slow subscriber skips to the newest one. */
	<T> Flux<T> latestOnly(Flux<T> snapshots) {
		return snapshots.onBackpressureLatest();
	}
}
