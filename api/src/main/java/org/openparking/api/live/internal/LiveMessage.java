package org.openparking.api.live.internal;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What travels on the Redis channels, as JSON. The records double as the GraphQL source objects of the
 * subscription payloads, so a node decodes each message once and hands the same object to every local subscriber.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = SpotStatusEvent.class, name = "spot"),
		@JsonSubTypes.Type(value = LotMetadataChanged.class, name = "lot"),
		@JsonSubTypes.Type(value = BookingEvent.class, name = "booking"),
		@JsonSubTypes.Type(value = SessionEvent.class, name = "session"),
		@JsonSubTypes.Type(value = AlertMessage.class, name = "alert"),
		@JsonSubTypes.Type(value = ObservationMessage.class, name = "observation") })
public sealed interface LiveMessage
		permits SpotStatusEvent, LotMetadataChanged, BookingEvent, SessionEvent, AlertMessage, ObservationMessage {
}
