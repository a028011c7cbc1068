package org.openparking.api.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

/**
 * The full API for the booking and payment tests: a provider timeout of 5s (short, yet roomy on a loaded machine) and
 * SLOW answers after 1s, so timeout and in-flight cases run in seconds; SQL statements counted. One annotation, so
 * these tests share one application context. A small connection pool: several checkouts test against one PostgreSQL.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApiIntegrationTest
@Import(SqlStatementCounter.Config.class)
@TestPropertySource(properties = { "parking.payments.provider-timeout=5s", "parking.payments.simulator.slow-delay=1s",
		"spring.datasource.hikari.maximum-pool-size=8", "spring.datasource.hikari.minimum-idle=1" })
public @interface PipelineIntegrationTest {
}
