package org.openparking.simulator;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.openparking.simulator.io.Tokens;
import org.openparking.simulator.run.DriverIdentities;

import picocli.CommandLine.Option;

/** Where the deployment is and how to authenticate: works against any deployment, not only localhost. */
final class ConnectionOptions {

	@Option(names = "--api-url", defaultValue = "${env:PARKING_API_URL:-http://127.0.0.1:8080/graphql}",
			description = "GraphQL HTTP endpoint (env PARKING_API_URL, default ${DEFAULT-VALUE}).")
	URI apiUrl;

	@Option(names = "--ws-url", description = "GraphQL WebSocket endpoint (default: the API URL with ws:// or wss://).")
	URI wsUrl;

	@Option(names = "--mqtt-url", defaultValue = "${env:PARKING_MQTT_URL:-tcp://127.0.0.1:1883}",
			description = "Broker (env PARKING_MQTT_URL, default ${DEFAULT-VALUE}); ssl://… for TLS.")
	String mqttUrl;

	@Option(names = "--mqtt-username", defaultValue = "${env:PARKING_MQTT_USERNAME}", description = "Broker user.")
	String mqttUsername;

	@Option(names = "--mqtt-password", defaultValue = "${env:PARKING_MQTT_PASSWORD}", description = "Broker password.")
	String mqttPassword;

	@Option(names = "--mqtt-connections", defaultValue = "4",
			description = "MQTT connections the sensors share (${DEFAULT-VALUE}).")
	int mqttConnections;

	@Option(names = "--jwt-secret", defaultValue = "${env:PARKING_SECURITY_JWT_SECRET:-" + Tokens.DEFAULT_SECRET + "}",
			description = "HS256 secret to mint tokens with (env PARKING_SECURITY_JWT_SECRET, else the local default).")
	String jwtSecret;

	@Option(names = "--jwt-issuer", defaultValue = "${env:PARKING_SECURITY_JWT_ISSUER:-" + Tokens.DEFAULT_ISSUER + "}",
			description = "Token issuer (${DEFAULT-VALUE}).")
	String jwtIssuer;

	@Option(names = "--operator-token",
			description = "Use this operator token instead of minting one (a deployment with another identity provider).")
	String operatorToken;

	@Option(names = "--driver-token",
			description = "Use this token for every driver instead of minting one per driver (then all drivers are one user).")
	String driverToken;

	@Option(names = "--timeout", defaultValue = "30s", description = "HTTP timeout per call (${DEFAULT-VALUE}).")
	Duration timeout;

	URI ws() {
		if (wsUrl != null) {
			return wsUrl;
		}
		return URI.create(apiUrl.toString().replaceFirst("^http", "ws"));
	}

	/** Set by callers that know another way to get tokens (the invariant test); else minted from secret and issuer. */
	DriverIdentities.TokenMinter minter;

	DriverIdentities.TokenMinter tokens() {
		if (minter != null) {
			return minter;
		}
		Tokens tokens = new Tokens(jwtSecret, jwtIssuer, Duration.ofHours(24));
		return (user, roles) -> tokens.mint(user, roles, Instant.now());
	}
}
