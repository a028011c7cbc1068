package org.openparking.adminui.parking;

import java.util.List;

/** A lot with its levels and spots, for the board, the spot and sensor views. */
public record LotBoard(String id, String name, String operatorId, String timeZone, List<Level> levels) {

	public record Level(String id, String code, String name, int ordinal, List<SpotTile> spots) {
	}

	public List<SpotTile> spots() {
		return levels.stream().flatMap(level -> level.spots().stream()).toList();
	}
}
