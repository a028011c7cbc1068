package org.openparking.api.sessions;

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

	long sessionsOf(String userId) {
		return jdbc.sql("select count(*) from parking_session where user_id = ?").param(userId).query(Long.class)
			.single();
	}
}
