package org.openparking.api.live.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

import org.openparking.api.lots.LotId;
import org.springframework.stereotype.Component;

/**
 * Availability per lot, coalesced: whatever burst of spot events a lot sees, this node recounts it at most once per
 * {@code parking.live.availability-coalescing} (250 ms by default), at the end of the interval, and shares that count
 * with all of its local subscribers of the lot. Each subscriber also gets the current count when it subscribes. Spot
 * events and sensor observations of the lot both trigger a recount.
 */
@Component
class AvailabilityFeed {

	private static final Logger log = LoggerFactory.getLogger(AvailabilityFeed.class);

	private final LiveTopics topics;

	private final LiveChannels channels;

	private final AvailabilityCounter counter;

	private final SubscriberBuffers buffers;

	private final Duration coalescing;

	private final Duration catalogSettle;

	private final Map<LotId, Flux<AvailabilityEvent>> recounts = new ConcurrentHashMap<>();

	AvailabilityFeed(LiveTopics topics, LiveChannels channels, AvailabilityCounter counter, SubscriberBuffers buffers,
			LiveProperties properties) {
		this.topics = topics;
		this.channels = channels;
		this.counter = counter;
		this.buffers = buffers;
		this.coalescing = properties.availabilityCoalescing();
		this.catalogSettle = properties.catalogSettle();
	}

	Flux<AvailabilityEvent> availability(LotId lot) {
		Flux<AvailabilityEvent> shared = recounts.computeIfAbsent(lot, this::recountsOf);
		// Both are subscribed at once, so no change falls between the first count and the live recounts.
		return buffers.latestOnly(Flux.merge(count(lot), shared));
	}

	private Flux<AvailabilityEvent> recountsOf(LotId lot) {
		AtomicReference<Flux<AvailabilityEvent>> self = new AtomicReference<>();
		// A sensor's observation may block or unblock a spot for an unexpected car: that changes the count too.
		Flux<LiveMessage> spotsAndSensors = Flux.merge(topics.listen(channels.lot(lot)),
				topics.listen(channels.observations(lot)));
		Flux<AvailabilityEvent> shared = spotsAndSensors
			.publish(changes -> Flux.merge(changes,
					changes.filter(AvailabilityFeed::changesCatalog).flatMap(change -> Mono.delay(catalogSettle).thenReturn(change))))
			.sample(coalescing)
			.onBackpressureLatest()
			.concatMap(change -> count(lot).onErrorResume(ex -> {
				// One failed recount must not end the feed of every subscriber of the lot; the next change retries.
				log.warn("Could not recount availability of lot {}: {}", lot, ex.toString());
				return Mono.empty();
			}), 1)
			.doFinally(signal -> recounts.remove(lot, self.get()))
			.share();
		self.set(shared);
		return shared;
	}

	/**
	 * Opening or closing spots, or adding them, changes the lot catalog, which other nodes cache for a few seconds.
	 * Such changes are counted once more after {@code parking.live.catalog-settle}, so every node converges.
	 */
	private static boolean changesCatalog(LiveMessage message) {
		return switch (message) {
			case LotMetadataChanged changed -> true;
			case SpotStatusEvent spot -> spot.cause() == SpotChangeCause.OPENED || spot.cause() == SpotChangeCause.CLOSED
					|| spot.cause() == SpotChangeCause.OUT_OF_SERVICE;
			default -> false;
		};
	}

	private Mono<AvailabilityEvent> count(LotId lot) {
		// Redis reads must not run on the timer or pub/sub threads.
		return Mono.fromCallable(() -> counter.count(lot)).subscribeOn(Schedulers.boundedElastic());
	}
}
