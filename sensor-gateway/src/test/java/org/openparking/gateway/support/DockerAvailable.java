package org.openparking.gateway.support;

import org.testcontainers.DockerClientFactory;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True where a Docker engine answers; without one the tests use the machine's local services instead. */
class DockerAvailable implements Condition {

	@Override
	public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
		return DockerClientFactory.instance().isDockerAvailable();
	}
}
