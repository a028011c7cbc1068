package org.openparking.adminui.base.ui;

import org.openparking.adminui.parking.ApiException;

import com.vaadin.flow.component.confirmdialog.ConfirmDialog;

/** Actions that cannot be undone (a cancellation, a refund, a removal) run only after the user says yes. */
public final class Confirmations {

	private Confirmations() {
	}

	/**
	 * Asks; on yes runs {@code action}, shows {@code success} and then runs {@code afterwards} (e.g. a refresh). A
	 * refusal of the api is shown instead, and {@code afterwards} is skipped.
	 */
	public static void confirm(String question, Runnable action, String success, Runnable afterwards) {
		ConfirmDialog dialog = new ConfirmDialog("Are you sure?", question, "Yes", confirmed -> {
			try {
				action.run();
				Notifications.success(success);
				afterwards.run();
			}
			catch (ApiException refused) {
				Notifications.failure(refused.getMessage());
			}
		});
		dialog.setCancelable(true);
		dialog.open();
	}
}
