package org.openparking.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;

import org.openparking.simulator.io.Tokens;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "token", mixinStandardHelpOptions = true,
		description = "Mints a local HS256 token for a user and roles (same secret, issuer and claims as the API).")
final class TokenCommand implements Callable<Integer> {

	@Parameters(index = "0", description = "The user (JWT subject).")
	String user;

	@Parameters(index = "1..*", arity = "1..*", description = "Roles: DRIVER, OPERATOR, ADMIN.")
	List<String> roles;

	@Option(names = "--jwt-secret", defaultValue = "${env:PARKING_SECURITY_JWT_SECRET:-" + Tokens.DEFAULT_SECRET + "}",
			description = "HS256 secret (env PARKING_SECURITY_JWT_SECRET, else the local default).")
	String secret;

	@Option(names = "--jwt-issuer", defaultValue = "${env:PARKING_SECURITY_JWT_ISSUER:-" + Tokens.DEFAULT_ISSUER + "}",
			description = "Issuer (env PARKING_SECURITY_JWT_ISSUER, else ${DEFAULT-VALUE}).")
	String issuer;

	@Option(names = "--lifetime", defaultValue = "12h", description = "How long the token is valid (${DEFAULT-VALUE}).")
	Duration lifetime;

	@Override
	public Integer call() {
		for (String role : roles) {
			if (!List.of("DRIVER", "OPERATOR", "ADMIN").contains(role.toUpperCase())) {
				throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this),
						"unknown role " + role + " (DRIVER, OPERATOR, ADMIN)");
			}
		}
		System.out.println(new Tokens(secret, issuer, lifetime).mint(user, roles, Instant.now()));
		return 0;
	}
}
