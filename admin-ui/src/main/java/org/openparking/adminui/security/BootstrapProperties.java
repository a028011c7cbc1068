package org.openparking.adminui.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * First-start accounts. The administrator is created only while no administrator exists; the demo operator is for
 * local runs (the {@code local} profile sets it).
 */
@ConfigurationProperties("parking.admin-ui.bootstrap")
public record BootstrapProperties(@DefaultValue("admin") String adminUsername, String adminPassword,
		String demoOperatorUsername, String demoOperatorPassword) {

	/** The passwords the {@code local} profile documents; refused under {@code prod}. */
	static final java.util.Set<String> LOCAL_PASSWORDS = java.util.Set.of("admin-local", "operator-local");
}
