package org.openparking.api.live;

import java.time.Instant;
import java.util.Collection;
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
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotClass;
import org.openparking.api.lots.SpotId;
import org.openparking.api.shared.TimeWindow;
import org.openparking.api.shared.UserId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * TEMPORARY stand-in for the holds module, which is being written in parallel: claim states that tests set.
 * Removed once holds lands on main.
 */
@TestConfiguration(proxyBeanMethods = false)
public class InterimModules {

	/** Shared by every application context of the JVM, like Redis is shared by every node. */
	public static final Map<SpotId, CommercialState> STATES = new ConcurrentHashMap<>();

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
