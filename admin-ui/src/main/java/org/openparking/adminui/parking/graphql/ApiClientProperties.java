package org.openparking.adminui.parking.graphql;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Where the api is and how long the UI waits for it. */
@ConfigurationProperties("parking.admin-ui.api")
record ApiClientProperties(@DefaultValue("http://127.0.0.1:8080/graphql") String graphqlUrl,
		@DefaultValue("ws://127.0.0.1:8080/graphql") String websocketUrl, @DefaultValue("10s") Duration timeout,
		@DefaultValue("15m") Duration tokenLifetime) {
}
