package org.openparking.api.lots.internal;

import org.junit.jupiter.api.Test;
import org.openparking.api.lots.LotView.Location;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class GeoBoxTest {

	@Test
	void boxAroundBerlinHoldsTheCircle() {
		GeoBox box = GeoBox.around(new Location(52.52, 13.405), 10_000);
		// 10 km is about 0.09 degrees of latitude, and about 0.148 degrees of longitude at 52.5 degrees north.
		assertThat(box.minLatitude()).isCloseTo(52.430, within(0.001));
		assertThat(box.maxLatitude()).isCloseTo(52.610, within(0.001));
		assertThat(box.west().min()).isCloseTo(13.257, within(0.001));
		assertThat(box.west().max()).isCloseTo(13.553, within(0.001));
		assertThat(box.east()).isEqualTo(box.west());
	}

	@Test
	void boxAcrossTheAntimeridianHasTwoLongitudeRanges() {
		GeoBox box = GeoBox.around(new Location(-17.7, 179.95), 20_000);
		assertThat(box.west().min()).isGreaterThan(179.7);
		assertThat(box.west().max()).isEqualTo(180);
		assertThat(box.east().min()).isEqualTo(-180);
		assertThat(box.east().max()).isLessThan(-179.8);
	}

	@Test
	void boxAroundAPoleHoldsEveryLongitude() {
		GeoBox box = GeoBox.around(new Location(89.9, 10), 50_000);
		assertThat(box.maxLatitude()).isEqualTo(90);
		assertThat(box.west()).isEqualTo(new GeoBox.Range(-180, 180));
	}
}
