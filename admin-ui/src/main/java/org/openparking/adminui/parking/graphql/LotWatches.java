package org.openparking.adminui.parking.graphql;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.openparking.adminui.parking.LotEvent;
import org.openparking.adminui.parking.graphql.GraphQlDtos.AlertDto;
import org.openparking.adminui.parking.graphql.GraphQlDtos.AvailabilityDto;
import org.openparking.adminui.parking.graphql.GraphQlDtos.SpotObservationDto;
import org.openparking.adminui.parking.graphql.GraphQlDtos.SpotStatusDto;
import org.springframework.graphql.client.ClientGraphQlResponse;
import org.springframework.graphql.client.WebSocketGraphQlClient;
import org.springframework.graphql.client.WebSocketGraphQlClientInterceptor;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.socket.client.ReactorNettyWebSocketClient;

import reactor.core.Disposable;
import reactor.core.Disposables;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Live events of one lot over graphql-transport-ws: one WebSocket per watch (per open view), authenticated in
 * connection_init with the user's token, carrying the four lot subscriptions; closing the watch closes the socket.
 */
@Component
class LotWatches {

	private final ApiClientProperties properties;

	LotWatches(ApiClientProperties properties) {
		this.properties = properties;
	}

	AutoCloseable watch(String token, String lotId, Consumer<LotEvent> onEvent, Consumer<Throwable> onError) {
		WebSocketGraphQlClient client = WebSocketGraphQlClient
			.builder(properties.websocketUrl(), new ReactorNettyWebSocketClient())
			.interceptor(new BearerInit(token))
			.build();
		Map<String, Object> variables = Map.of("lotId", lotId);
		Flux<LotEvent> events = Flux.merge(
				subscribe(client, "spotStatusChanged", variables).map(r -> {
					SpotStatusDto e = r.field("spotStatusChanged").toEntity(SpotStatusDto.class);
					return new LotEvent.SpotCommercialChanged(e.lotId(), e.spotId(), e.commercialState(), e.cause());
				}),
				subscribe(client, "spotObservationChanged", variables).map(r -> {
					SpotObservationDto e = r.field("spotObservationChanged").toEntity(SpotObservationDto.class);
					return new LotEvent.SpotObserved(e.lotId(), e.spotId(), e.state(), e.observedAt());
				}),
				subscribe(client, "alertRaised", variables).map(r -> {
					AlertDto alert = r.field("alertRaised").toEntity(AlertDto.class);
					return new LotEvent.AlertChanged(alert.lotId(), GraphQlMappings.alert(alert));
				}),
				subscribe(client, "availabilityChanged", variables).map(
						r -> new LotEvent.AvailabilityChanged(r.field("availabilityChanged")
							.toEntity(AvailabilityDto.class)
							.lotId())));
		AtomicBoolean failed = new AtomicBoolean();
		// Off the socket's event loop: views run blocking api calls in reaction (Vaadin's access() runs on the caller).
		Disposable subscription = events.publishOn(Schedulers.boundedElastic()).subscribe(onEvent, error -> {
			if (failed.compareAndSet(false, true)) {
				onError.accept(error);
			}
		});
		Disposable stop = () -> client.stop().subscribe();
		Disposable both = Disposables.composite(List.of(subscription, stop));
		return both::dispose;
	}

	private static Flux<ClientGraphQlResponse> subscribe(WebSocketGraphQlClient client, String document,
			Map<String, Object> variables) {
		return client.documentName(document).variables(variables).executeSubscription().handle((response, sink) -> {
			if (response.getErrors().isEmpty()) {
				sink.next(response);
			}
			else {
				sink.error(new IllegalStateException(ApiRequests.describe(response.getErrors())));
			}
		});
	}

	private record BearerInit(String token) implements WebSocketGraphQlClientInterceptor {

		@Override
		public Mono<Object> connectionInitPayload() {
			return Mono.just(Map.of("Authorization", "Bearer " + token));
		}
	}
}
