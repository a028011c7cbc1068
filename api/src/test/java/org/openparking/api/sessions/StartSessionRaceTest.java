package org.openparking.api.sessions;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import org.openparking.api.holds.CommercialState;
import org.openparking.api.holds.SpotClaims;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.openparking.api.security.Role;
import org.openparking.api.sessions.internal.SessionStarter;
import org.openparking.api.support.ApiIntegrationTest;
import org.openparking.api.support.LotFixtures.TestLot;
import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many requests race over real HTTP; PostgreSQL's unique indexes and the atomic Redis claim must let exactly one win,
 * and every loser gets a typed user error, never a second session or a server error.
 */
@ApiIntegrationTest
class StartSessionRaceTest extends SessionTestSupport {

	private static final Logger log = LoggerFactory.getLogger(StartSessionRaceTest.class);

	private static final int RACERS = 50;

	@Autowired
	SpotClaims claims;

	@Autowired
	MeterRegistry meters;

	@Test
	void oneUserStartingFiftyTimesAtOnceGetsOneSession() throws Exception {
		// More spots than racers: each start can claim its own spot in Redis, so the losers are stopped by the
		// database's one-active-session-per-user index, not by a shortage of spots.
		TestLot roomy = newLot(RACERS + 10);
		String user = newUserId();
		String token = tokens.mint(user, Role.DRIVER);
		double refusedByDatabase = userConflictsRefusedByDatabase();

		List<JsonNode> payloads = race(i -> () -> sessions.start(token, roomy.id(), "B-RC " + (100 + i)));

		assertThat(payloads.stream().filter(payload -> !payload.path("session").isNull())).hasSize(1);
		assertThat(errorCodes(payloads)).isEqualTo(Map.of("ACTIVE_SESSION_EXISTS", (long) RACERS - 1));
		assertThat(sessionsOf(user)).isEqualTo(1);
		// Losers that passed the early check while the winner was still inserting were stopped by the unique index.
		double byIndex = userConflictsRefusedByDatabase() - refusedByDatabase;
		log.info("{} losers: {} stopped by the unique index, the others by the early check", RACERS - 1, byIndex);
		assertThat(byIndex).isPositive();
		// The 49 losers gave their Redis claims back: only the winner's spot is in session.
		assertThat(statesNow(roomy).values().stream().filter(CommercialState.IN_SESSION::equals)).hasSize(1);
	}

	@Test
	void fiftyDriversRacingForOneNamedSpotLeaveOneSessionOnIt() throws Exception {
		TestLot small = newLot(3);
		UUID spot = small.spotIds().getFirst();
		List<String> drivers = new ArrayList<>();
		for (int i = 0; i < RACERS; i++) {
			drivers.add(newDriver());
		}

		List<JsonNode> payloads = race(i -> () -> sessions.startOn(drivers.get(i), small.id(), spot, "M-SP " + (100 + i)));

		assertThat(payloads.stream().filter(payload -> !payload.path("session").isNull())).hasSize(1);
		assertThat(errorCodes(payloads)).isEqualTo(Map.of("SPOT_TAKEN", (long) RACERS - 1));
		assertThat(jdbc.sql("select count(*) from parking_session where spot_id = ?").param(spot).query(Long.class)
			.single()).isEqualTo(1);
	}

	private List<JsonNode> race(IntFunction<Callable<JsonNode>> racer) throws Exception {
		CountDownLatch go = new CountDownLatch(1);
		List<Future<JsonNode>> futures = new ArrayList<>();
		try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
			for (int i = 0; i < RACERS; i++) {
				Callable<JsonNode> call = racer.apply(i);
				futures.add(threads.submit(() -> {
					go.await();
					return call.call();
				}));
			}
			go.countDown();
			List<JsonNode> payloads = new ArrayList<>();
			for (Future<JsonNode> future : futures) {
				payloads.add(future.get());
			}
			return payloads;
		}
	}

	private static Map<String, Long> errorCodes(List<JsonNode> payloads) {
		return payloads.stream()
			.filter(payload -> payload.path("session").isNull())
			.map(payload -> SessionClient.onlyError(payload).code())
			.collect(Collectors.groupingBy(code -> code, Collectors.counting()));
	}

	private double userConflictsRefusedByDatabase() {
		return meters.counter(SessionStarter.REFUSED_BY_DATABASE, "conflict", "USER_HAS_ACTIVE_SESSION").count();
	}

	private Map<SpotId, CommercialState> statesNow(TestLot of) {
		return claims.statesAt(new LotId(of.id()), of.spotIds().stream().map(SpotId::new).toList(), Instant.now());
	}
}
