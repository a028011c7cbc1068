package org.openparking.api.bookings;

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

/** What every booking test over HTTP needs: the API client, lots of its own, and drivers with fresh ids. */
public abstract class BookingTestSupport {

	@LocalServerPort
	protected int port;

	@Autowired
	protected LocalTokens tokens;

	@Autowired
	protected JdbcClient jdbc;

	protected BookingApi api;

	protected LotFixtures lots;

	@BeforeEach
	void setUpBookingApi() {
		api = new BookingApi(new GraphQlHttp(port));
		lots = new LotFixtures(jdbc);
	}

	/** A token of a new driver. */
	protected String driver() {
		return tokens.mint("driver-" + UUID.randomUUID(), Role.DRIVER);
	}

	/** A new lot of a new operator, with {@code spots} STANDARD spots at 2.00/h. */
	protected TestLot lot(int spots) {
		return lots.lot("operator-" + UUID.randomUUID(), spots);
	}
}
