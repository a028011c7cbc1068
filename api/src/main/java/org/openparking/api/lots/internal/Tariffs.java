package org.openparking.api.lots.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.openparking.api.lots.SpotClass;
import org.springframework.data.repository.Repository;

interface Tariffs extends Repository<Tariff, UUID> {

	Tariff save(Tariff tariff);

	Optional<Tariff> findByLotIdAndSpotClass(UUID lotId, SpotClass spotClass);

	List<Tariff> findByLotIdIn(Collection<UUID> lotIds);
}
