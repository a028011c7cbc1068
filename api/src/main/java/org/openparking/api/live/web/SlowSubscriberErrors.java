package org.openparking.api.live.web;

import graphql.ErrorClassification;
import graphql.GraphQLError;

import org.openparking.api.live.internal.SlowSubscriberException;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.stereotype.Component;

/** Tells a client cut off for reading too slowly why, so it resubscribes instead of reporting a server fault. */
@Component
class SlowSubscriberErrors extends SubscriptionExceptionResolverAdapter {

	enum LiveErrorType implements ErrorClassification {
		TOO_SLOW
	}

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex) {
		if (ex instanceof SlowSubscriberException slow) {
			return GraphQLError.newError().errorType(LiveErrorType.TOO_SLOW).message(slow.getMessage()).build();
		}
		return null;
	}
}
