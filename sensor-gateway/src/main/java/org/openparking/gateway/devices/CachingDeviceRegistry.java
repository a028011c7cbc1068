package org.openparking.gateway.devices;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.github.benmanes.caffeine.cache.CacheLoader;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.LoadingCache;

import org.springframework.stereotype.Component;

/** Looks devices up in bulk, one query per batch for the ids not cached; unknown ids are cached briefly too. */
@Component
class CachingDeviceRegistry implements DeviceRegistry {

	private final LoadingCache<String, Optional<SensorDevice>> cache;

	CachingDeviceRegistry(SensorDevices devices, DeviceRegistryProperties properties) {
		this.cache = Caffeine.newBuilder()
			.maximumSize(properties.cacheSize())
			.expireAfter(Expiry.<String, Optional<SensorDevice>>creating(
					(id, device) -> device.isPresent() ? properties.cacheTtl() : properties.unknownTtl()))
			.build(new CacheLoader<>() {
				@Override
				public Optional<SensorDevice> load(String id) {
					return loadAll(Set.of(id)).get(id);
				}

				@Override
				public Map<String, Optional<SensorDevice>> loadAll(Set<? extends String> ids) {
					Map<String, SensorDevice> found = devices.findAll(ids.stream().map(String.class::cast).toList())
						.stream()
						.collect(Collectors.toMap(SensorDevice::deviceId, Function.identity()));
					Map<String, Optional<SensorDevice>> result = new HashMap<>();
					ids.forEach(id -> result.put(id, Optional.ofNullable(found.get(id))));
					return result;
				}
			});
	}

	@Override
	public Map<String, SensorDevice> findAll(Collection<String> deviceIds) {
		Map<String, SensorDevice> registered = new HashMap<>();
		cache.getAll(deviceIds).forEach((id, device) -> device.ifPresent(found -> registered.put(id, found)));
		return registered;
	}
}
