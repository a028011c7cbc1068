package org.openparking.gateway.mqtt;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * The broker connection. Every value is overridable from the environment, e.g.
 * {@code PARKING_GATEWAY_MQTT_URL=ssl://broker:8883}.
 *
 * @param url {@code tcp://host:port}, or {@code ssl://host:port} for TLS
 * @param clientId required; unique per instance and stable across its restarts: the broker keeps the instance's
 * session (and its share of unacknowledged messages) under this id
 * @param sslBundle a {@code spring.ssl.bundle.*} name (trust store, client certificate) for ssl:// urls
 * @param sharedGroup instances in one group split the uplinks between them
 * @param sessionExpiry how long the broker keeps an instance's session while it is away. Messages the broker
 * already assigned to the instance wait for it that long and are lost after; keep it well above a restart
 * @param receiveMaximum QoS 1 messages the broker may have in flight to this instance (MQTT 5 Receive Maximum);
 * Mosquitto uses it instead of max_inflight_messages. Keep it large enough never to fill in normal operation:
 * Mosquitto 2.0 may let a new message overtake older queued ones once it is full (see the MQTT README)
 * @param maximumPacketSize the broker drops (without telling us) larger messages; smaller ones that are over the
 * payload limit still become dead letters
 * @param reconnectMinDelay first pause before reconnecting; doubles up to {@code reconnectMaxDelay}
 * @param leaveOnShutdown end the session on shutdown (scale-in); the default keeps it for a restart
 */
@ConfigurationProperties("parking.gateway.mqtt")
record BrokerProperties(@DefaultValue("tcp://127.0.0.1:1883") String url,
		String clientId, @Nullable String username,
		@Nullable String password, @Nullable String sslBundle, @DefaultValue("parking-gateway") String sharedGroup,
		@DefaultValue("1d") Duration sessionExpiry, @DefaultValue("30s") Duration keepAlive,
		@DefaultValue("10s") Duration connectTimeout, @DefaultValue("10000") int receiveMaximum,
		@DefaultValue("2MB") DataSize maximumPacketSize, @DefaultValue("1s") Duration reconnectMinDelay,
		@DefaultValue("30s") Duration reconnectMaxDelay, @DefaultValue("false") boolean leaveOnShutdown) {
}
