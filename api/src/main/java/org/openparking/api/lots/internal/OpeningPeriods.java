package org.openparking.api.lots.internal;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.data.repository.Repository;

interface OpeningPeriods extends Repository<OpeningPeriod, OpeningPeriod.Key> {

	List<OpeningPeriod> saveAll(Iterable<OpeningPeriod> periods);

	List<OpeningPeriod> findByLotIdInOrderByDayOfWeek(Collection<UUID> lotIds);
}
