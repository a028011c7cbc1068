package org.openparking.api.lots.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface Levels extends Repository<Level, UUID> {

	List<Level> saveAll(Iterable<Level> levels);

	Optional<Level> findByLotIdAndCode(UUID lotId, String code);

	List<Level> findByIdIn(Collection<UUID> ids);

	List<Level> findByLotIdInOrderByOrdinalAscCodeAsc(Collection<UUID> lotIds);
}
