package org.openparking.adminui.bookings.ui;

import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._setValue;
import static com.github.mvysny.kaributesting.v10.NotificationsKt.expectNotifications;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openparking.adminui.parking.Stay.PaymentInfo;
import org.openparking.adminui.support.KaribuTest;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.textfield.BigDecimalField;

class RefundDialogTest extends KaribuTest {

	private final PaymentInfo payment = new PaymentInfo("pay-1", "PARTIALLY_REFUNDED", 1000, 400, "EUR");

	private final List<Long> refunded = new ArrayList<>();

	@Test
	void offersWhatIsLeftAndRefundsAnyPartOfIt() {
		new RefundDialog(payment, refunded::add).open();
		BigDecimalField amount = _get(BigDecimalField.class, spec -> spec.withId("refund-amount"));
		assertThat(amount.getValue()).isEqualByComparingTo("6.00");
		_setValue(amount, new BigDecimal("2.5"));
		_click(_get(Button.class, spec -> spec.withId("refund-confirm")));
		assertThat(refunded).containsExactly(250L);
	}

	@Test
	void refusesMoreThanIsLeft() {
		new RefundDialog(payment, refunded::add).open();
		_setValue(_get(BigDecimalField.class, spec -> spec.withId("refund-amount")), new BigDecimal("6.01"));
		_click(_get(Button.class, spec -> spec.withId("refund-confirm")));
		expectNotifications("Enter an amount above 0 and at most 6.00 EUR");
		assertThat(refunded).isEmpty();
	}

	@Test
	void readsMinorUnits() {
		assertThat(RefundDialog.minorUnits(new BigDecimal("1.500"), 1000)).isEqualTo(150L);
		assertThat(RefundDialog.minorUnits(new BigDecimal("0.001"), 1000)).isNull();
		assertThat(RefundDialog.minorUnits(new BigDecimal("-1"), 1000)).isNull();
		assertThat(RefundDialog.minorUnits(new BigDecimal("0"), 1000)).isNull();
		assertThat(RefundDialog.minorUnits(new BigDecimal("1e30"), 1000)).isNull();
		assertThat(RefundDialog.minorUnits(null, 1000)).isNull();
	}
}
