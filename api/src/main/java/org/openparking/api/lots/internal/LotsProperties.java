package org.openparking.api.lots.internal;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param catalogTtl how long a node serves a lot's metadata from memory: changes made through another node show up
 * at the latest after this long (this node's own changes at once)
 * @param catalogMaximumLots how many lots a node keeps in memory
 * @param maxRadiusMeters the largest radius a lot search may ask for
 */
@ConfigurationProperties("parking.lots")
record LotsProperties(@DefaultValue("5s") Duration catalogTtl, @DefaultValue("20000") long catalogMaximumLots,
		@DefaultValue("50000") int maxRadiusMeters) {
}
