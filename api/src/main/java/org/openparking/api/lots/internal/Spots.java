package org.openparking.api.lots.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface Spots extends Repository<Spot, UUID> {

	List<Spot> saveAll(Iterable<Spot> spots);

	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select s from Spot s where s.id = :id")
	Optional<Spot> findForUpdate(UUID id);

	List<Spot> findByIdIn(Collection<UUID> ids);

	List<Spot> findByLevelIdInOrderByCode(Collection<UUID> levelIds);

	@Query("select s.code from Spot s where s.lotId = :lotId and s.code in :codes")
	List<String> findTakenCodes(UUID lotId, Collection<String> codes);
}
