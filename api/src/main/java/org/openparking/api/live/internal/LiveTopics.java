package org.openparking.api.live.internal;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.IntStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.connection.Message;
import org.springframework.data.redis.connection.MessageListener;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.listener.ChannelTopic;
import org.springframework.data.redis.listener.RedisMessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * The node's single Redis subscription (one pub/sub connection), shared by every local subscriber. A channel is
 * subscribed in Redis while at least one local subscriber listens to it and unsubscribed when the last one leaves, so
 * a node only receives the traffic of topics it serves. Each channel fans out through one local sink.
 * <p>
 * Emitting runs every local subscriber's GraphQL execution and the encoding of its message, so it happens on dispatch
 * lanes, one thread per core: each channel always takes the same lane, so its messages stay in order, and the
 * channels of different lots, bookings and users use every core. (Off Lettuce's I/O thread, where that work delayed
 * the replies to this node's other Redis commands, such as the sensing consumer's blocks: 45 ms a call under load.)
 * A lane emits a message to a channel's subscribers before it takes the next, so a burst waits in the lane's queue,
 * not in the subscribers' bounded buffers (see {@link SubscriberBuffers}), which then only fill for a subscriber that
 * does not read.
 */
@Component
class LiveTopics implements MessageListener, DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(LiveTopics.class);

	/** Messages waiting per lane; past that they are dropped, as live updates are best effort. */
	private static final int LANE_QUEUE = 65_536;

	private final RedisMessageListenerContainer container;

	private final JsonMapper json;

	private final ObjectReader arrays;

	private final Map<String, Topic> topics = new ConcurrentHashMap<>();

	private final List<ThreadPoolExecutor> lanes;

	private final Drops dropped = new Drops(log, "Live message lane queue full: {} messages dropped so far");

	/** Guards the subscriber counts together with the Redis (un)subscriptions they cause. */
	private final ReentrantLock lock = new ReentrantLock();

	LiveTopics(RedisConnectionFactory connections, JsonMapper json) {
		this.json = json;
		this.arrays = json.readerFor(LiveMessage[].class);
		this.container = new RedisMessageListenerContainer();
		this.container.setConnectionFactory(connections);
		this.lanes = IntStream.range(0, Runtime.getRuntime().availableProcessors())
			.mapToObj(lane -> new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
					new ArrayBlockingQueue<>(LANE_QUEUE), Thread.ofPlatform().name("live-topics-" + lane).daemon().factory(),
					(message, executor) -> dropped.add()))
			.toList();
		// Lettuce's I/O thread only hands each message to its channel's lane (onMessage).
		this.container.setTaskExecutor(Runnable::run);
		this.container.afterPropertiesSet();
		this.container.start();
	}

	/**
	 * The messages of a channel from the moment of subscription. A subscriber without demand misses messages, so
	 * callers put their own bounded buffer behind it (see {@link SubscriberBuffers}).
	 */
	Flux<LiveMessage> listen(String channel) {
		return Flux.defer(() -> {
			Topic topic = acquire(channel);
			return topic.sink.asFlux().doFinally(signal -> release(topic));
		});
	}

	/** Local subscribers of a channel on this node (for tests and metrics). */
	int subscribers(String channel) {
		Topic topic = topics.get(channel);
		return topic == null ? 0 : topic.subscribers;
	}

	/** The dispatch lane of a channel, of {@link #lanes()} (for tests). */
	int lane(String channel) {
		return Math.floorMod(channel.hashCode(), lanes.size());
	}

	int lanes() {
		return lanes.size();
	}

	private Topic acquire(String channel) {
		lock.lock();
		try {
			Topic topic = topics.get(channel);
			if (topic == null) {
				// Redis (un)subscribes under the lock, so no count races them; they are rare next to messages.
				container.addMessageListener(this, new ChannelTopic(channel));
				topic = new Topic(channel);
				topics.put(channel, topic);
			}
			topic.subscribers++;
			return topic;
		}
		finally {
			lock.unlock();
		}
	}

	private void release(Topic topic) {
		lock.lock();
		try {
			if (--topic.subscribers == 0) {
				topics.remove(topic.channel, topic);
				container.removeMessageListener(this, new ChannelTopic(topic.channel));
			}
		}
		catch (RuntimeException ex) {
			// Redis is unreachable: the container drops its subscriptions and resubscribes only what is registered.
			log.warn("Could not unsubscribe from {}: {}", topic.channel, ex.toString());
		}
		finally {
			lock.unlock();
		}
	}

	@Override
	public void onMessage(Message message, byte[] pattern) {
		String channel = new String(message.getChannel(), StandardCharsets.UTF_8);
		lanes.get(lane(channel)).execute(() -> emit(channel, message));
	}

	private void emit(String channel, Message message) {
		Topic topic = topics.get(channel);
		if (topic == null) {
			return; // the last local subscriber left while the message was under way
		}
		byte[] body = message.getBody();
		try {
			if (body.length > 0 && body[0] == '[') { // several messages of the channel, see LivePublisher#publishAll
				for (LiveMessage decoded : arrays.<LiveMessage[]>readValue(body)) {
					topic.emit(decoded);
				}
			}
			else {
				topic.emit(json.readValue(body, LiveMessage.class));
			}
		}
		catch (JacksonException ex) {
			log.warn("Dropped an unreadable live message on {}: {}", topic.channel, ex.getOriginalMessage());
		}
	}

	@Override
	public void destroy() throws Exception {
		container.destroy();
		lanes.forEach(ThreadPoolExecutor::shutdown);
	}

	private static final class Topic {

		final String channel;

		/** Best effort per subscriber: one without demand misses a message, the others still get it. */
		final Sinks.Many<LiveMessage> sink = Sinks.many().multicast().directBestEffort();

		/** Written under {@link LiveTopics#lock}. */
		volatile int subscribers;

		Topic(String channel) {
			this.channel = channel;
		}

		void emit(LiveMessage message) {
			// Only the channel's lane emits, so a concurrent emission is a brief overlap at most.
			while (sink.tryEmitNext(message) == Sinks.EmitResult.FAIL_NON_SERIALIZED) {
				Thread.onSpinWait();
			}
		}
	}
}
