package org.openparking.adminui.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/** Creates the first administrator (and locally a demo operator), so a fresh database can be logged in to. */
@Component
class UserBootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(UserBootstrap.class);

	private final AppUsers users;

	private final BootstrapProperties properties;

	private final Environment environment;

	UserBootstrap(AppUsers users, BootstrapProperties properties, Environment environment) {
		this.users = users;
		this.properties = properties;
		this.environment = environment;
	}

	@Override
	public void run(ApplicationArguments args) {
		boolean prod = environment.acceptsProfiles(Profiles.of("prod"));
		if (prod && (isLocal(properties.adminPassword()) || isLocal(properties.demoOperatorPassword()))) {
			throw new IllegalStateException("The local demo passwords must not be used under the prod profile: set "
					+ "PARKING_ADMIN_UI_BOOTSTRAP_ADMIN_PASSWORD and no demo operator");
		}
		if (!users.anyAdmin()) {
			if (properties.adminPassword() == null || properties.adminPassword().isBlank()) {
				log.warn("No administrator exists; set PARKING_ADMIN_UI_BOOTSTRAP_ADMIN_PASSWORD to create one");
			}
			else {
				users.create(properties.adminUsername(), properties.adminPassword(), Role.ADMIN);
				log.info("Created the bootstrap administrator {}", properties.adminUsername());
			}
		}
		String demo = properties.demoOperatorUsername();
		if (demo != null && !demo.isBlank() && !users.exists(demo)) {
			users.create(demo, properties.demoOperatorPassword(), Role.OPERATOR);
			log.info("Created the demo operator {}", demo);
		}
	}

	private static boolean isLocal(String password) {
		return password != null && BootstrapProperties.LOCAL_PASSWORDS.contains(password);
	}
}
