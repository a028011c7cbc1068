package org.openparking.api.availability.internal;

import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.openparking.api.lots.LotId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Lots within a radius of a point, nearest first. A bounding box narrows the candidates through the lot table's
 * (latitude, longitude) index; the great-circle distance decides. Distances are computed here, not in SQL, so a
 * cursor's distance compares exactly equal on the next page.
 */
@Repository
class LotsNearby {

	private static final double EARTH_RADIUS_METERS = 6_371_008.8;

	private final JdbcClient jdbc;

	LotsNearby(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<LotDistance> within(double latitude, double longitude, int radiusMeters) {
		double latitudeSpan = Math.toDegrees(radiusMeters / EARTH_RADIUS_METERS);
		double longitudeSpan = Math.toDegrees(radiusMeters / (EARTH_RADIUS_METERS * Math.cos(Math.toRadians(latitude))));
		double minLongitude = longitude - longitudeSpan;
		double maxLongitude = longitude + longitudeSpan;
		boolean wrapsAround = Math.abs(latitude) + latitudeSpan >= 90 || minLongitude < -180 || maxLongitude > 180;
		if (wrapsAround) { // near a pole or the antimeridian the box is not one longitude range: take them all
			minLongitude = -180;
			maxLongitude = 180;
		}
		return jdbc.sql("""
				select id, latitude, longitude from lot
				where latitude between :minLatitude and :maxLatitude
				  and longitude between :minLongitude and :maxLongitude""")
			.param("minLatitude", latitude - latitudeSpan)
			.param("maxLatitude", latitude + latitudeSpan)
			.param("minLongitude", minLongitude)
			.param("maxLongitude", maxLongitude)
			.query((rs, row) -> new LotDistance(new LotId(rs.getObject("id", UUID.class)),
					meters(latitude, longitude, rs.getDouble("latitude"), rs.getDouble("longitude"))))
			.list()
			.stream()
			.filter(lot -> lot.meters() <= radiusMeters)
			.sorted(Comparator.comparingDouble(LotDistance::meters))
			.toList();
	}

	/** Haversine distance. */
	static double meters(double latitude1, double longitude1, double latitude2, double longitude2) {
		double dLatitude = Math.toRadians(latitude2 - latitude1);
		double dLongitude = Math.toRadians(longitude2 - longitude1);
		double a = Math.pow(Math.sin(dLatitude / 2), 2) + Math.cos(Math.toRadians(latitude1))
				* Math.cos(Math.toRadians(latitude2)) * Math.pow(Math.sin(dLongitude / 2), 2);
		return 2 * EARTH_RADIUS_METERS * Math.asin(Math.min(1, Math.sqrt(a)));
	}
}
