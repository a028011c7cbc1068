package org.openparking.api.sessions;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;

import org.openparking.api.security.LocalTokens;
import org.openparking.api.security.Role;
import org.openparking.api.support.GraphQlHttp;
import org.openparking.api.support.LotFixtures;
import org.openparking.api.support.LotFixtures.TestLot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What every sessions test needs: the API over HTTP, fresh lots and fresh drivers. */
abstract class SessionTestSupport {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LocalTokens tokens;

	GraphQlHttp http;

	SessionClient sessions;

	/** A fresh lot of two STANDARD spots (S001, S002) at 2.00/h, minimum 1.00, EUR. */
	TestLot lot;

	String user;

	/** The token of {@link #user}, a driver. */
	String driver;

	@BeforeEach
	void clientLotAndDriver() {
		http = new GraphQlHttp(port);
		sessions = new SessionClient(http);
		lot = newLot(2);
		user = newUserId();
		driver = tokens.mint(user, Role.DRIVER);
	}

	TestLot newLot(int spots) {
		return new LotFixtures(jdbc).lot("operator-" + UUID.randomUUID(), spots);
	}

	static String newUserId() {
		return "driver-" + UUID.randomUUID();
	}

	String newDriver() {
		return tokens.mint(newUserId(), Role.DRIVER);
	}

	/**
	 * A confirmed booking written straight into PostgreSQL, as the bookings module stores one: Redis learns of it only
	 * when the lot's claims are (re)built from PostgreSQL.
	 */
	void insertConfirmedBooking(TestLot of, UUID spot, Instant from, Instant to) {
		jdbc.sql("""
				insert into booking (id, lot_id, spot_id, user_id, hold_id, during, status, price_minor, currency,
				created_at, updated_at)
				values (?, ?, ?, ?, ?, tstzrange(?, ?, '[)'), 'CONFIRMED', 200, 'EUR', now(), now())""")
			.params(UUID.randomUUID(), of.id(), spot, newUserId(), "hold-" + UUID.randomUUID(),
					from.atOffset(ZoneOffset.UTC), to.atOffset(ZoneOffset.UTC))
			.update();
	}

	long sessionsOf(String userId) {
		return jdbc.sql("select count(*) from parking_session where user_id = ?").param(userId).query(Long.class)
			.single();
	}
}
