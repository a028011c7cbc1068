package org.openparking.gateway.metrics;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.openparking.gateway.handoff.ObservationKind;
import org.openparking.gateway.uplink.RejectionReason;

import org.springframework.stereotype.Component;

/**
 * The gateway's meters (Actuator: /actuator/metrics/gateway.readings.received etc.). Every reason and kind is
 * registered up front, so a dashboard shows zeros rather than gaps.
 */
@Component
public class GatewayMetrics {

	private final Counter received;

	private final Counter applied;

	private final Counter duplicates;

	private final Counter outOfOrder;

	private final Counter debounced;

	private final Map<RejectionReason, Counter> rejected = new EnumMap<>(RejectionReason.class);

	private final Map<ObservationKind, Counter> handedOff = new EnumMap<>(ObservationKind.class);

	private final Timer lag;

	GatewayMetrics(MeterRegistry registry) {
		this.received = Counter.builder("gateway.readings.received")
			.description("Uplinks received from the broker, well-formed or not")
			.register(registry);
		this.applied = Counter.builder("gateway.readings.applied")
			.description("Readings newer than the device's last one, applied to its state")
			.register(registry);
		this.duplicates = Counter.builder("gateway.readings.duplicates")
			.description("Readings already applied (QoS 1 redelivery, radio retries, two instances)")
			.register(registry);
		this.outOfOrder = Counter.builder("gateway.readings.out_of_order")
			.description("Readings older than the device's last applied one, ignored")
			.register(registry);
		this.debounced = Counter.builder("gateway.readings.debounced")
			.description("Occupancy changes cancelled or replaced inside the debounce window (flaps)")
			.register(registry);
		for (RejectionReason reason : RejectionReason.values()) {
			rejected.put(reason, Counter.builder("gateway.readings.rejected")
				.description("Uplinks recorded as dead letters")
				.tag("reason", reason.name())
				.register(registry));
		}
		for (ObservationKind kind : ObservationKind.values()) {
			handedOff.put(kind, Counter.builder("gateway.observations.handed_off")
				.description("Observations committed to sensor_observation")
				.tag("kind", kind.name())
				.register(registry));
		}
		this.lag = Timer.builder("gateway.handoff.lag")
			.description("Sensor (or network) time of an applied reading to its durable hand-off")
			.publishPercentiles(0.5, 0.99)
			.register(registry);
	}

	public void received() {
		received.increment();
	}

	public void applied() {
		applied.increment();
	}

	public void duplicate() {
		duplicates.increment();
	}

	public void outOfOrder() {
		outOfOrder.increment();
	}

	public void debounced() {
		debounced.increment();
	}

	public void rejected(RejectionReason reason) {
		rejected.get(reason).increment();
	}

	public void handedOff(Map<ObservationKind, Integer> inserted) {
		inserted.forEach((kind, count) -> handedOff.get(kind).increment(count));
	}

	/** Clock skew between sensor and gateway can make this negative; that counts as no lag. */
	public void lag(Duration lag) {
		this.lag.record(lag.isNegative() ? Duration.ZERO : lag);
	}
}
