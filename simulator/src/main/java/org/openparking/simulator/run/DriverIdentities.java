package org.openparking.simulator.run;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;


/**
 * Who a simulated driver is to the API: a user per driver under a run prefix (so a second run never meets the first
 * run's sessions), a plate, and a token, minted locally or, against a deployment with another issuer, one given token.
 */
public final class DriverIdentities {

	private final String userPrefix;
	private final TokenMinter tokens;
	private final String fixedToken;
	private final Map<Integer, String> minted = new ConcurrentHashMap<>();

	/** Mints a token for a user and roles. */
	public interface TokenMinter {
		String mint(String user, List<String> roles);
	}

	public DriverIdentities(String userPrefix, TokenMinter tokens, String fixedToken) {
		this.userPrefix = userPrefix;
		this.tokens = tokens;
		this.fixedToken = fixedToken;
	}

	public String user(int driver) {
		return userPrefix + "-" + driver;
	}

	public String token(int driver) {
		if (fixedToken != null) {
			return fixedToken;
		}
		return minted.computeIfAbsent(driver, d -> tokens.mint(user(d), List.of("DRIVER")));
	}

	/** Letters and digits, at most 10: two letters of the run, then the driver in base 36. */
	public String plate(int driver) {
		String run = userPrefix.replaceAll("[^A-Za-z0-9]", "");
		run = run.substring(Math.max(0, run.length() - 3)).toUpperCase();
		return run + "-" + Integer.toString(driver, 36).toUpperCase();
	}
}
