package org.openparking.api.live.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Live updates.
 *
 * @param channelPrefix prefix of the Redis pub/sub channels, for example {@code park:live:lot:<lotId>}
 * @param subscriberBuffer events one subscriber may fall behind before it is ended with a TOO_SLOW error; above the
 * sensing consumer's batch (500), whose observations of a lot arrive at once
 * @param availabilityCoalescing at most one availability recount per lot and node in this interval
 * @param catalogSettle when spots were opened, closed or added, availability is counted once more after this, by
 * when every node's lot catalog shows the change (the lots module caches it for 5 s by default)
 * @param relayLanes threads that relay domain events to Redis; events of one lot always take the same lane, in order
 * @param relayQueue events waiting per lane; past that new events are dropped (live updates are best effort). A
 * sensing consumer catching up on a backlog raises events in bursts of thousands per batch (each reading, alert and
 * block), faster than a lane relays them for a while: at 10,000 a lane dropped 2,048 events in one catch-up.
 */
@ConfigurationProperties("parking.live")
public record LiveProperties(@DefaultValue("park:live:") String channelPrefix, @DefaultValue("2048") int subscriberBuffer,
		@DefaultValue("250ms") Duration availabilityCoalescing, @DefaultValue("6s") Duration catalogSettle,
		@DefaultValue("2") int relayLanes,
		@DefaultValue("65536") int relayQueue) {
}
