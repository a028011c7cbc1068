package org.openparking.api.sessions.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface ParkingSessions extends Repository<ParkingSession, UUID> {

	ParkingSession saveAndFlush(ParkingSession session);

	Optional<ParkingSession> findById(UUID id);

	List<ParkingSession> findAllById(Iterable<UUID> ids);

	@Query("select s from ParkingSession s where s.userId = ?1 and s.endedAt is null")
	Optional<ParkingSession> findActiveOfUser(String userId);

	@Query("select count(s) > 0 from ParkingSession s where s.userId = ?1 and s.endedAt is null")
	boolean hasActive(String userId);

	@Query("select s from ParkingSession s where s.lotId = ?1 and s.endedAt is null")
	List<ParkingSession> findActiveInLot(UUID lotId);
}
