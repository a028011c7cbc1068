package org.openparking.api.shared;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.openparking.api.shared.graphql.BusinessException;
import org.openparking.api.shared.graphql.UserErrorCode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VehiclePlateTest {

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "b-ab 123|B-AB 123", "  m  xy   42 |M XY 42", "191-d-12345|191-D-12345",
			"７ＡＢＣ１２３|7ABC123", "straße 1|STRASSE 1", "ан 1234|АН 1234", "品川 300|品川 300", "AB|AB" })
	void isNormalisedToUpperCaseWithSingleSeparators(String typed, String stored) {
		assertThat(VehiclePlate.parse(typed).value()).isEqualTo(stored);
	}

	@Test
	void refusalsNameTheFieldAtFault() {
		assertThatThrownBy(() -> VehiclePlate.parse("A", "input", "vehiclePlate"))
			.isInstanceOfSatisfying(BusinessException.class, ex -> {
				assertThat(ex.error().code()).isEqualTo(UserErrorCode.INVALID_PLATE);
				assertThat(ex.error().field()).containsExactly("input", "vehiclePlate");
			});
	}
}
