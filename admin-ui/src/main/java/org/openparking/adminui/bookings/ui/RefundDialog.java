package org.openparking.adminui.bookings.ui;

import java.math.BigDecimal;
import java.util.function.LongConsumer;

import org.openparking.adminui.base.ui.Notifications;
import org.openparking.adminui.parking.Stay.PaymentInfo;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.BigDecimalField;

/**
 * How much of a payment to refund: what is left of it by default (a cancelled stay), or any part (goodwill for a
 * blocked spot). The amount is in the payment's currency with two decimals, as drivers see prices.
 */
final class RefundDialog extends Dialog {

	private final BigDecimalField amount = new BigDecimalField("Amount");

	RefundDialog(PaymentInfo payment, LongConsumer refundMinor) {
		setHeaderTitle("Refund a payment");
		BigDecimal left = BigDecimal.valueOf(payment.refundableMinor(), 2);
		amount.setValue(left);
		amount.setSuffixComponent(new Paragraph(payment.currency()));
		amount.setHelperText("At most " + left + " " + payment.currency());
		amount.setId("refund-amount");
		add(amount);
		Button refund = new Button("Refund", click -> {
			Long minor = minorUnits(amount.getValue(), payment.refundableMinor());
			if (minor == null) {
				Notifications.failure("Enter an amount above 0 and at most " + left + " " + payment.currency());
				return;
			}
			close();
			refundMinor.accept(minor);
		});
		refund.addThemeVariants(ButtonVariant.PRIMARY);
		refund.setId("refund-confirm");
		getFooter().add(new Button("Cancel", click -> close()), refund);
	}

	/** Null unless {@code 0 < value <= most} in whole minor units (at most two decimals). */
	static Long minorUnits(BigDecimal value, long most) {
		if (value == null) {
			return null;
		}
		try {
			long minor = value.movePointRight(2).longValueExact();
			return minor > 0 && minor <= most ? minor : null;
		}
		catch (ArithmeticException notWholeMinorUnits) {
			return null;
		}
	}
}
