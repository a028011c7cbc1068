package org.openparking.gateway.support;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;
import org.openparking.gateway.bench.ReliablePublisher;
import org.openparking.gateway.bench.SensorLot;
import org.openparking.gateway.mqtt.BrokerConnection;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.awaitility.Awaitility.await;

/** Registers sensors, publishes their uplinks to the gateway's broker and reads what the gateway recorded. */
public class Sensors implements DisposableBean {

	public record ObservationRow(String kind, Boolean occupied, Instant observedAt, long seq) {
	}

	private final DataSource dataSource;

	private final JdbcClient jdbc;

	private final BrokerConnection connection;

	private final MeterRegistry meters;

	private final StringRedisTemplate redis;

	private ReliablePublisher publisher;

	Sensors(DataSource dataSource, BrokerConnection connection, MeterRegistry meters, StringRedisTemplate redis) {
		this.dataSource = dataSource;
		this.jdbc = JdbcClient.create(dataSource);
		this.connection = connection;
		this.meters = meters;
		this.redis = redis;
	}

	/** A fresh registered device (random id) of this model. */
	public String register(String model) {
		return registerLot(1, model).deviceIds().getFirst();
	}

	public SensorLot registerLot(int devices, String model) {
		try (Connection connection = dataSource.getConnection()) {
			return SensorLot.create(connection, "t" + UUID.randomUUID().toString().substring(0, 13), devices, model);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Publishes with QoS 1 once the gateway is subscribed. */
	public synchronized void publish(String topic, byte[] payload) {
		if (publisher == null) {
			await().atMost(Duration.ofSeconds(30)).until(connection::isSubscribed);
			publisher = new ReliablePublisher(connection.brokerUrl(), "test-publisher-" + UUID.randomUUID());
		}
		publisher.publish(topic, payload);
	}

	public List<ObservationRow> observations(String deviceId) {
		return jdbc.sql("""
				select kind, occupied, observed_at, seq from sensor_observation where device_id = ? order by id""")
			.param(deviceId)
			.query((row, n) -> new ObservationRow(row.getString(1), (Boolean) row.getObject(2),
					row.getTimestamp(3).toInstant(), row.getLong(4)))
			.list();
	}

	/** The sensor_health row, or an empty map. */
	public Map<String, Object> health(String deviceId) {
		return jdbc.sql("select * from sensor_health where device_id = ?")
			.param(deviceId)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElse(Map.of());
	}

	/** Sequence number of the newest applied reading, -1 before any. */
	public long lastSeq(String deviceId) {
		Object seq = health(deviceId).get("last_seq");
		return seq == null ? -1 : ((Number) seq).longValue();
	}

	public Map<String, Integer> deadLettersByReason(String topicPrefix) {
		return jdbc.sql("select reason, count(*)::int from sensor_dead_letter where topic like ? group by reason")
			.param(topicPrefix + "%")
			.query((row, n) -> Map.entry(row.getString(1), row.getInt(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
	}

	/** Whether the debounce sweeper still has this device on its schedule (it has not looked at it yet). */
	public boolean awaitsDebounce(String deviceId) {
		return redis.opsForZSet().score("gateway:debounce-due", deviceId) != null;
	}

	public double counter(String name, String... tags) {
		return meters.get(name).tags(tags).counter().count();
	}

	@Override
	public synchronized void destroy() {
		if (publisher != null) {
			publisher.close();
		}
	}
}
