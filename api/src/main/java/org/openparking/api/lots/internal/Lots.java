package org.openparking.api.lots.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.LockModeType;

import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

interface Lots extends Repository<Lot, UUID> {

	Lot save(Lot lot);

	Optional<Lot> findById(UUID id);

	List<Lot> findByIdIn(Collection<UUID> ids);

	/** Serialises the changes of one lot, so checks such as "code not yet taken" hold until commit. */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select l from Lot l where l.id = :id")
	Optional<Lot> findForUpdate(UUID id);

	@Query("select l.id from Lot l")
	List<UUID> findAllIds();

	/** The page after ({@code name}, {@code id}) in name order; the row comparison walks the (name, id) index. */
	@Query(nativeQuery = true, value = """
			select * from lot where (name, id) > (:name, :id) order by name, id limit :limit""")
	List<Lot> pageByName(String name, UUID id, int limit);

	/** As {@link #pageByName}, within one operator's lots (found through the operator index, then sorted). */
	@Query(nativeQuery = true, value = """
			select * from lot where operator_id = :operatorId and (name, id) > (:name, :id)
			order by name, id limit :limit""")
	List<Lot> pageByOperatorAndName(String operatorId, String name, UUID id, int limit);

	/**
	 * Lots within {@code radius} metres by great-circle (haversine) distance, nearest first, after the keyset
	 * ({@code afterDistance}, {@code afterId}). The bounding box lets the (latitude, longitude) index narrow the rows
	 * first; a box that crosses the antimeridian comes as two longitude ranges.
	 */
	@Query(nativeQuery = true, value = """
			select id as "id", distance as "distanceMeters" from (
			    select id, 2 * :earthRadius * asin(least(1, sqrt(
			        power(sin(radians(latitude - :latitude) / 2), 2)
			        + cos(radians(:latitude)) * cos(radians(latitude)) * power(sin(radians(longitude - :longitude) / 2), 2)
			    ))) as distance
			    from lot
			    where latitude between :#{#box.minLatitude()} and :#{#box.maxLatitude()}
			      and (longitude between :#{#box.west().min()} and :#{#box.west().max()}
			           or longitude between :#{#box.east().min()} and :#{#box.east().max()})
			) near
			where distance <= :radius and (distance, id) > (:afterDistance, :afterId)
			order by distance, id
			limit :limit""")
	List<LotDistance> near(double latitude, double longitude, double radius, double earthRadius, GeoBox box,
			double afterDistance, UUID afterId, int limit);

	interface LotDistance {

		UUID getId();

		double getDistanceMeters();
	}
}
