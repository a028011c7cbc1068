package org.openparking.adminui.parking.graphql;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.openparking.adminui.parking.ApiException;
import org.openparking.adminui.security.CurrentUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.graphql.ResponseError;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.GraphQlTransportException;
import org.springframework.graphql.client.HttpGraphQlClient;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientRequestException;

/**
 * Runs one GraphQL document as the logged-in user and turns every failure into an {@link ApiException} the user can
 * read: the api unreachable, a GraphQL error (FORBIDDEN, BAD_REQUEST…), or a mutation's user errors.
 */
@Component
class ApiRequests {

	private static final Logger log = LoggerFactory.getLogger(ApiRequests.class);

	private final HttpGraphQlClient client;

	private final ApiTokens tokens;

	private final CurrentUser currentUser;

	private final ApiClientProperties properties;

	ApiRequests(ApiTokens tokens, CurrentUser currentUser, ApiClientProperties properties) {
		this.client = HttpGraphQlClient.create(WebClient.create(properties.graphqlUrl()));
		this.tokens = tokens;
		this.currentUser = currentUser;
		this.properties = properties;
	}

	String token() {
		return tokens.mint(currentUser.get());
	}

	ClientGraphQlResponse query(String document, Map<String, ?> variables) {
		String bearer = "Bearer " + token();
		ClientGraphQlResponse response;
		try {
			response = client.mutate()
				.header(HttpHeaders.AUTHORIZATION, bearer)
				.build()
				.documentName(document)
				.variables(new java.util.HashMap<>(variables))
				.execute()
				.block(properties.timeout());
		}
		catch (GraphQlTransportException | WebClientRequestException unreachable) {
			log.warn("GraphQL {} failed: {}", document, unreachable.getMessage());
			throw new ApiException("The parking api cannot be reached right now; try again", unreachable);
		}
		catch (RuntimeException unexpected) {
			log.error("GraphQL {} failed", document, unexpected);
			throw new ApiException("The parking api answered something unexpected; try again", unexpected);
		}
		if (response == null) {
			throw new ApiException("The parking api did not answer; try again");
		}
		if (!response.getErrors().isEmpty()) {
			throw new ApiException(describe(response.getErrors()));
		}
		return response;
	}

	/** A mutation: its payload's userErrors become the exception's message. */
	ClientGraphQlResponse mutate(String document, String field, Map<String, ?> input) {
		ClientGraphQlResponse response = query(document, Map.of("input", input));
		List<UserErrorDto> errors = response.field(field + ".userErrors").toEntityList(UserErrorDto.class);
		if (!errors.isEmpty()) {
			throw new ApiException(errors.stream().map(UserErrorDto::message).collect(Collectors.joining("; ")));
		}
		return response;
	}

	static String describe(List<? extends ResponseError> errors) {
		return errors.stream().map(ApiRequests::describe).distinct().collect(Collectors.joining("; "));
	}

	private static String describe(ResponseError error) {
		String kind = String.valueOf(error.getErrorType());
		return switch (kind) {
			case "FORBIDDEN" -> "Not allowed: this lot belongs to another operator";
			case "UNAUTHORIZED" -> "The api did not accept your login; log in again";
			default -> error.getMessage();
		};
	}

	record UserErrorDto(String code, String message) {
	}
}
