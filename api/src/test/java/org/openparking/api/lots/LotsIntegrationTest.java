package org.openparking.api.lots;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.openparking.api.support.ApiIntegrationTest;
import org.openparking.api.support.SqlStatementCounter;

import org.springframework.context.annotation.Import;

/**
 * The full API over real PostgreSQL and Redis, with the statement counter and the lot event recorder: every lots test
 * class uses this same set, so they all share one application context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ApiIntegrationTest
@Import({ SqlStatementCounter.Config.class, RecordedLotEvents.class })
public @interface LotsIntegrationTest {
}
