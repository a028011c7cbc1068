package org.openparking.api.sensing.internal;

/** The GraphQL {@code LotOccupancy}. */
record LotOccupancyView(int occupied, int free, int unknown, double occupancyPercent) {

	static LotOccupancyView of(SpotObservations.Counts counts) {
		int observed = counts.occupied() + counts.free();
		return new LotOccupancyView(counts.occupied(), counts.free(), counts.total() - observed,
				observed == 0 ? 0 : Math.round(counts.occupied() * 100_000.0 / observed) / 1000.0);
	}
}
