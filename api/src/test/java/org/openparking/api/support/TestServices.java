package org.openparking.api.support;

import org.testcontainers.containers.GenericContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Real PostgreSQL and Redis in containers when Docker is available. Otherwise no bean is defined here and the
 * connection settings of application-test.yaml point at the local services; either way nothing is mocked.
 */
@TestConfiguration(proxyBeanMethods = false)
@Conditional(DockerAvailable.class)
public class TestServices {

	@Bean
	@ServiceConnection
	PostgreSQLContainer postgres() {
		return new PostgreSQLContainer(DockerImageName.parse("postgres:15-alpine")).withUrlParam("currentSchema",
				"parking_test");
	}

	@Bean
	@ServiceConnection(name = "redis")
	GenericContainer<?> redis() {
		return new GenericContainer<>(DockerImageName.parse("redis:7.0-alpine")).withExposedPorts(6379);
	}
}
