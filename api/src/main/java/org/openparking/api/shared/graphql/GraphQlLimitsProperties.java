package org.openparking.api.shared.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Guards against abusive queries. The document cache spares parsing and validating repeated operations. */
@ConfigurationProperties("parking.graphql")
public record GraphQlLimitsProperties(@DefaultValue("12") int maxDepth, @DefaultValue("1000") int maxComplexity,
		@DefaultValue("2000") int documentCacheSize) {
}
