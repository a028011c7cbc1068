package org.openparking.api.live;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.openparking.api.holds.CommercialState;
import org.openparking.api.holds.Hold;
import org.openparking.api.holds.HoldId;
import org.openparking.api.holds.SpotClaims;
import org.openparking.api.lots.AdministrativeState;
import org.openparking.api.lots.LotCatalog;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.LotSummary;
import org.openparking.api.lots.SpotClass;
import org.openparking.api.lots.SpotId;
import org.openparking.api.lots.SpotSummary;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.UserId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * TEMPORARY stand-ins for the lots and holds modules, which are being written in parallel: a catalog read straight
 * from the lot tables and claim states that tests set. Removed once those modules land on main.
 */
@TestConfiguration(proxyBeanMethods = false)
public class InterimModules {

	/** Shared by every application context of the JVM, like Redis is shared by every node. */
	public static final Map<SpotId, CommercialState> STATES = new ConcurrentHashMap<>();

	@Bean
	LotCatalog lotCatalog(JdbcClient jdbc) {
		return new LotCatalog() {
			@Override
			public Optional<LotSummary> lot(LotId id) {
				return jdbc.sql("select operator_id, name, time_zone from lot where id = ?")
					.param(id.value())
					.query((rs, n) -> new LotSummary(id, rs.getString(1), rs.getString(2), ZoneId.of(rs.getString(3))))
					.optional();
			}

			@Override
			public Optional<SpotSummary> spot(SpotId id) {
				return Optional.empty();
			}

			@Override
			public List<SpotSummary> spots(LotId id) {
				return jdbc.sql("select id, code, spot_class, admin_state from spot where lot_id = ? order by code")
					.param(id.value())
					.query((rs, n) -> new SpotSummary(new SpotId(rs.getObject(1, UUID.class)), id, rs.getString(2),
							SpotClass.valueOf(rs.getString(3)), AdministrativeState.valueOf(rs.getString(4))))
					.list();
			}

			@Override
			public boolean isOpenAt(LotId id, Instant instant) {
				return true;
			}

			@Override
			public List<LotId> allLotIds() {
				return List.of();
			}
		};
	}

	@Bean
	SpotClaims spotClaims() {
		return new SpotClaims() {
			@Override
			public Map<SpotId, CommercialState> statesAt(LotId lot, Collection<SpotId> spots, Instant now) {
				return spots.stream()
					.collect(Collectors.toMap(Function.identity(), s -> STATES.getOrDefault(s, CommercialState.FREE)));
			}

			@Override
			public Optional<Hold> convertHoldToBooking(HoldId hold, UserId user, UUID bookingId) {
				throw new UnsupportedOperationException();
			}

			@Override
			public boolean extendBooking(LotId lot, SpotId spot, UUID bookingId, TimeWindow current,
					TimeWindow extended) {
				throw new UnsupportedOperationException();
			}

			@Override
			public void releaseBooking(LotId lot, SpotId spot, UUID bookingId) {
				throw new UnsupportedOperationException();
			}

			@Override
			public Optional<SessionClaim> claimForSession(LotId lot, Optional<SpotId> spot, SpotClass spotClass,
					UUID sessionId, UserId user, Instant now) {
				throw new UnsupportedOperationException();
			}

			@Override
			public void releaseSession(LotId lot, SpotId spot, UUID sessionId) {
				throw new UnsupportedOperationException();
			}

			@Override
			public Set<SpotId> claimedDuring(LotId lot, TimeWindow window, Instant now) {
				throw new UnsupportedOperationException();
			}
		};
	}
}
