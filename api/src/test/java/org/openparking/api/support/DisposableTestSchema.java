package org.openparking.api.support;

import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * Test schemas are disposable. Several checkouts and branches test on one machine, so a test schema may carry a
 * migration this checkout does not have, or lack one that sorts before others it already has; such a schema is
 * rebuilt instead of failing every test. Picked up by component scanning, in the test profile only
 * (`spring.flyway.clean-disabled: false` is set there alone).
 */
@Configuration(proxyBeanMethods = false)
@Profile("test")
class DisposableTestSchema {

	@Bean
	FlywayMigrationStrategy rebuildStaleTestSchema() {
		return flyway -> {
			if (!flyway.validateWithResult().validationSuccessful) {
				flyway.clean();
			}
			flyway.migrate();
		};
	}
}
