package org.openparking.api.shared.graphql;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

@ConfigurationProperties("parking.paging")
public record PagingProperties(@DefaultValue("20") int defaultPageSize, @DefaultValue("100") int maxPageSize) {
}
