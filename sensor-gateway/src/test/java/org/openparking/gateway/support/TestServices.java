package org.openparking.gateway.support;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Real PostgreSQL, Redis and Mosquitto in containers when Docker is available. Otherwise no bean is defined here
 * and application-test.yaml points at the local services; either way nothing is mocked. (The broker-restart and
 * two-instance tests always start their own mosquitto process: see {@link PrivateBroker}.)
 */
@TestConfiguration(proxyBeanMethods = false)
@Conditional(DockerAvailable.class)
public class TestServices {

	@Bean
	@ServiceConnection
	PostgreSQLContainer postgres() {
		return new PostgreSQLContainer(DockerImageName.parse("postgres:15-alpine")).withUrlParam("currentSchema",
				"gateway_test");
	}

	@Bean
	@ServiceConnection(name = "redis")
	GenericContainer<?> redis() {
		return new GenericContainer<>(DockerImageName.parse("redis:7.0-alpine")).withExposedPorts(6379);
	}

	@Bean
	GenericContainer<?> mosquitto() {
		return new GenericContainer<>(DockerImageName.parse("eclipse-mosquitto:2.0"))
			.withCommand("mosquitto", "-c", "/mosquitto-no-auth.conf")
			.withExposedPorts(1883);
	}

	@Bean
	DynamicPropertyRegistrar mosquittoUrl(GenericContainer<?> mosquitto) {
		// Through application-test.yaml, so a test that brings its own broker can still override the url.
		return registry -> registry.add("parking.test.mqtt-url",
				() -> "tcp://" + mosquitto.getHost() + ":" + mosquitto.getMappedPort(1883));
	}
}
