package org.openparking.adminui.base.ui;

import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;

/** The same look for every success and failure message. */
public final class Notifications {

	private static final int SUCCESS_MILLIS = 3000;

	private static final int FAILURE_MILLIS = 6000;

	private Notifications() {
	}

	public static Notification success(String message) {
		Notification notification = Notification.show(message, SUCCESS_MILLIS, Notification.Position.BOTTOM_END);
		notification.addThemeVariants(NotificationVariant.SUCCESS);
		return notification;
	}

	public static Notification failure(String message) {
		Notification notification = Notification.show(message, FAILURE_MILLIS, Notification.Position.BOTTOM_END);
		notification.addThemeVariants(NotificationVariant.ERROR);
		return notification;
	}
}
