package org.openparking.api.lots.internal;

import org.openparking.api.lots.LotView.Location;

/**
 * The latitude/longitude box around a circle on the sphere: every point of the circle lies inside it, so filtering by
 * the box first loses nothing. Where the box crosses the antimeridian, its longitudes are two ranges; otherwise both
 * ranges are the same.
 */
record GeoBox(double minLatitude, double maxLatitude, Range west, Range east) {

	/** Mean earth radius (IUGG), the same the distance in SQL uses. */
	static final double EARTH_RADIUS_METERS = 6_371_008.8;

	private static final Range ALL_LONGITUDES = new Range(-180, 180);

	static GeoBox around(Location center, double radiusMeters) {
		double angle = radiusMeters / EARTH_RADIUS_METERS;
		double minLatitude = center.latitude() - Math.toDegrees(angle);
		double maxLatitude = center.latitude() + Math.toDegrees(angle);
		if (minLatitude <= -90 || maxLatitude >= 90) {
			// The circle holds a pole: every longitude is inside.
			return new GeoBox(Math.max(minLatitude, -90), Math.min(maxLatitude, 90), ALL_LONGITUDES, ALL_LONGITUDES);
		}
		double spread = Math.toDegrees(Math.asin(Math.sin(angle) / Math.cos(Math.toRadians(center.latitude()))));
		double west = center.longitude() - spread;
		double east = center.longitude() + spread;
		if (west < -180) {
			return new GeoBox(minLatitude, maxLatitude, new Range(west + 360, 180), new Range(-180, east));
		}
		if (east > 180) {
			return new GeoBox(minLatitude, maxLatitude, new Range(west, 180), new Range(-180, east - 360));
		}
		Range range = new Range(west, east);
		return new GeoBox(minLatitude, maxLatitude, range, range);
	}

	record Range(double min, double max) {
	}
}
