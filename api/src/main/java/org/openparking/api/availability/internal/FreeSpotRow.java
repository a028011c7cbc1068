package org.openparking.api.availability.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.openparking.api.lots.SpotClass;

/** A spot the database finds free for the window, with the hourly rate of its class. */
public record FreeSpotRow(UUID spotId, UUID lotId, String code, SpotClass spotClass, long hourlyRateMinor,
		String currency, double distance) {

	/** Maps a row of {@link FreeSpotStatements#freeSpots}. */
	public static FreeSpotRow map(ResultSet rs, int row) throws SQLException {
		return new FreeSpotRow(rs.getObject("id", UUID.class), rs.getObject("lot_id", UUID.class), rs.getString("code"),
				SpotClass.valueOf(rs.getString("spot_class")), rs.getLong("hourly_rate_minor"),
				rs.getString("currency"), rs.getDouble("distance"));
	}

	public OfferKey key() {
		return new OfferKey(hourlyRateMinor, distance, lotId, code);
	}
}
