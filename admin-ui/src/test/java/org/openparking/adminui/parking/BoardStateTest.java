package org.openparking.adminui.parking;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BoardStateTest {

	@Test
	void closedWinsOverEverything() {
		assertThat(BoardState.of(AdministrativeState.CLOSED, CommercialState.BOOKED, ObservedState.OCCUPIED))
			.isEqualTo(BoardState.CLOSED);
		assertThat(BoardState.of(AdministrativeState.OUT_OF_SERVICE, CommercialState.FREE, ObservedState.FREE))
			.isEqualTo(BoardState.CLOSED);
	}

	@Test
	void aCarWhereNothingWasSoldIsUnexpected() {
		assertThat(BoardState.of(AdministrativeState.OPEN, CommercialState.FREE, ObservedState.OCCUPIED))
			.isEqualTo(BoardState.UNEXPECTED_OCCUPANCY);
		assertThat(BoardState.of(AdministrativeState.OPEN, CommercialState.HELD, ObservedState.OCCUPIED))
			.isEqualTo(BoardState.UNEXPECTED_OCCUPANCY);
	}

	@Test
	void soldSpotsShowWhatTheyWereSoldAsWhateverTheSensorSays() {
		assertThat(BoardState.of(AdministrativeState.OPEN, CommercialState.BOOKED, ObservedState.OCCUPIED))
			.isEqualTo(BoardState.BOOKED);
		assertThat(BoardState.of(AdministrativeState.OPEN, CommercialState.IN_SESSION, ObservedState.UNKNOWN))
			.isEqualTo(BoardState.IN_SESSION);
		assertThat(BoardState.of(AdministrativeState.OPEN, CommercialState.HELD, ObservedState.FREE))
			.isEqualTo(BoardState.HELD);
	}

	@Test
	void anUnsoldSpotWhoseSensorCannotTellIsUnknownNotFree() {
		assertThat(BoardState.of(AdministrativeState.OPEN, CommercialState.FREE, ObservedState.UNKNOWN))
			.isEqualTo(BoardState.UNKNOWN);
		assertThat(BoardState.of(AdministrativeState.OPEN, CommercialState.FREE, ObservedState.FREE))
			.isEqualTo(BoardState.FREE);
	}

	@Test
	void cssClassesAreStable() {
		assertThat(BoardState.UNEXPECTED_OCCUPANCY.cssClass()).isEqualTo("spot-unexpected-occupancy");
	}
}
