package org.openparking.api.availability.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

import org.openparking.api.lots.AdministrativeState;
import org.openparking.api.lots.LotView;
import org.openparking.api.lots.SpotClass;
import org.openparking.api.lots.SpotView;

/**
 * A spot the database finds free for the window, with its lot and the hourly rate of its class; {@code distance} is
 * 0 when the search named the lot.
 */
public record FreeSpotRow(SpotView spot, LotView lot, long hourlyRateMinor, String currency, double distance) {

	/** Maps a row of {@link FreeSpotStatements#freeSpots}. */
	public static FreeSpotRow map(ResultSet rs, int row) throws SQLException {
		SpotView spot = new SpotView(rs.getObject("id", UUID.class), rs.getObject("lot_id", UUID.class),
				rs.getObject("level_id", UUID.class), rs.getString("code"), rs.getString("zone"),
				SpotClass.valueOf(rs.getString("spot_class")), rs.getString("ev_connector"),
				rs.getObject("max_height_cm", Integer.class), AdministrativeState.valueOf(rs.getString("admin_state")),
				rs.getString("admin_state_reason"));
		LotView lot = new LotView(spot.lotId(), rs.getString("lot_name"), rs.getString("operator_id"),
				new LotView.Address(rs.getString("street"), rs.getString("city"), rs.getString("postal_code"),
						rs.getString("country_code")),
				new LotView.Location(rs.getDouble("latitude"), rs.getDouble("longitude")), rs.getString("time_zone"),
				rs.getObject("lot_max_height_cm", Integer.class), null);
		return new FreeSpotRow(spot, lot, rs.getLong("hourly_rate_minor"), rs.getString("currency"),
				rs.getDouble("distance"));
	}

	public OfferKey key() {
		return new OfferKey(hourlyRateMinor, distance, spot.lotId(), spot.code());
	}
}
