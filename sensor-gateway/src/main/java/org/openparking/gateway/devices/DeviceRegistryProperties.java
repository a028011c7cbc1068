package org.openparking.gateway.devices;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The registry lookup cache.
 *
 * @param cacheTtl how long a registered device is remembered (a re-assigned spot shows up after at most this long)
 * @param unknownTtl how long an unknown id is remembered: short, so a newly registered device is accepted soon, yet
 * long enough that a flood of readings from one unregistered device does not hit the database
 * @param cacheSize entries at most, registered and unknown together
 */
@ConfigurationProperties("parking.gateway.devices")
record DeviceRegistryProperties(@DefaultValue("5m") Duration cacheTtl, @DefaultValue("30s") Duration unknownTtl,
		@DefaultValue("200000") long cacheSize) {
}
