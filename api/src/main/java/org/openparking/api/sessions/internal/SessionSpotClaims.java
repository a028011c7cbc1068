package org.openparking.api.sessions.internal;

import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.openparking.api.holds.SpotClaims;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.SpotId;
import org.springframework.stereotype.Component;

/**
 * Frees a session's claim in Redis once PostgreSQL has decided. A failure here must not undo that decision: the claim
 * then stays until the lot's claims are rebuilt from PostgreSQL, which no longer lists the session.
 */
@Component
class SessionSpotClaims {

	private static final Logger log = LoggerFactory.getLogger(SessionSpotClaims.class);

	private final SpotClaims claims;

	SessionSpotClaims(SpotClaims claims) {
		this.claims = claims;
	}

	void release(UUID lotId, UUID spotId, UUID sessionId) {
		try {
			claims.releaseSession(new LotId(lotId), new SpotId(spotId), sessionId);
		}
		catch (RuntimeException ex) {
			log.warn("Could not release the Redis claim of session {} on spot {}; a rebuild will drop it", sessionId,
					spotId, ex);
		}
	}
}
