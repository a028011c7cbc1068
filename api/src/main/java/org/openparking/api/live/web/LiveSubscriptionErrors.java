package org.openparking.api.live.web;

import graphql.ErrorClassification;
import graphql.GraphQLError;

import org.openparking.api.live.internal.SlowSubscriberException;
import org.openparking.api.shared.graphql.InvalidArgumentException;
import org.springframework.graphql.execution.ErrorType;
import org.springframework.graphql.execution.SubscriptionExceptionResolverAdapter;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationTrustResolver;
import org.springframework.security.authentication.AuthenticationTrustResolverImpl;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Errors of a subscription, including those thrown before its stream starts (bad arguments, denied access), reach
 * the client through the subscription exception resolvers rather than the data fetcher ones; this maps them to the
 * same classifications as queries use, plus TOO_SLOW for a client that was cut off.
 */
@Component
class LiveSubscriptionErrors extends SubscriptionExceptionResolverAdapter {

	enum LiveErrorType implements ErrorClassification {
		TOO_SLOW
	}

	private final AuthenticationTrustResolver trust = new AuthenticationTrustResolverImpl();

	LiveSubscriptionErrors() {
		setThreadLocalContextAware(true); // the caller's SecurityContext, to tell UNAUTHORIZED from FORBIDDEN
	}

	@Override
	protected GraphQLError resolveToSingleError(Throwable ex) {
		return switch (ex) {
			case SlowSubscriberException slow -> error(LiveErrorType.TOO_SLOW, slow.getMessage());
			case InvalidArgumentException bad -> error(ErrorType.BAD_REQUEST, bad.getMessage());
			case AuthenticationException unauthenticated -> error(ErrorType.UNAUTHORIZED, "Unauthorized");
			case AccessDeniedException denied -> anonymous() ? error(ErrorType.UNAUTHORIZED, "Unauthorized")
					: error(ErrorType.FORBIDDEN, "Forbidden");
			default -> null;
		};
	}

	private boolean anonymous() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication == null || trust.isAnonymous(authentication);
	}

	private static GraphQLError error(ErrorClassification type, String message) {
		return GraphQLError.newError().errorType(type).message(message).build();
	}
}
