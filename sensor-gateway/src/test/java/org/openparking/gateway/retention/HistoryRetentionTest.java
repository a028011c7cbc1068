package org.openparking.gateway.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openparking.gateway.support.GatewayIntegrationTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@GatewayIntegrationTest
class HistoryRetentionTest {

	@Autowired
	HistoryRetention retention;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Clock clock;

	@Test
	void deletesObservationsAndDeadLettersPastTheirRetention() {
		String device = "retention-" + UUID.randomUUID();
		Instant now = clock.instant();
		observation(device, 1, now.minus(Duration.ofDays(31)));
		observation(device, 2, now.minus(Duration.ofDays(29)));
		deadLetter(device, now.minus(Duration.ofDays(8)));
		deadLetter(device, now.minus(Duration.ofDays(6)));

		retention.run();

		assertThat(jdbc.sql("select seq from sensor_observation where device_id = ?").param(device).query(Long.class).list())
			.containsExactly(2L);
		assertThat(jdbc.sql("select count(*) from sensor_dead_letter where device_id = ?")
			.param(device)
			.query(Long.class)
			.single()).isEqualTo(1);
	}

	private void observation(String device, long seq, Instant receivedAt) {
		jdbc.sql("""
				insert into sensor_observation (device_id, lot_id, spot_id, kind, occupied, observed_at, received_at,
				    handed_off_at, seq) values (?, ?, ?, 'OCCUPANCY', true, ?, ?, ?, ?)""")
			.params(device, UUID.randomUUID(), UUID.randomUUID(), Timestamp.from(receivedAt), Timestamp.from(receivedAt),
					Timestamp.from(receivedAt), seq)
			.update();
	}

	private void deadLetter(String device, Instant receivedAt) {
		jdbc.sql("""
				insert into sensor_dead_letter (received_at, topic, device_id, reason, detail, payload_size,
				    payload_excerpt) values (?, 'parking/v1/sensors/x/up', ?, 'MALFORMED_JSON', 'test', 1, '\\x00')""")
			.params(Timestamp.from(receivedAt), device)
			.update();
	}
}
