package org.openparking.adminui.base.ui;

import org.openparking.adminui.parking.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;

/**
 * The central error handler: anything a view did not handle becomes a notification instead of a broken page. An
 * {@link ApiException} carries a message for the user; everything else is logged and shown as a generic failure.
 */
@Component
class ViewErrorHandler implements ErrorHandler, VaadinServiceInitListener {

	private static final Logger log = LoggerFactory.getLogger(ViewErrorHandler.class);

	@Override
	public void serviceInit(ServiceInitEvent event) {
		event.getSource().addSessionInitListener(session -> session.getSession().setErrorHandler(this));
	}

	@Override
	public void error(ErrorEvent event) {
		Throwable cause = event.getThrowable();
		ApiException api = findApiException(cause);
		String message;
		if (api != null) {
			message = api.getMessage();
		}
		else {
			log.error("Unhandled error in a view", cause);
			message = "Something went wrong; try again";
		}
		UI ui = UI.getCurrent();
		if (ui != null) {
			ui.access(() -> Notifications.failure(message));
		}
	}

	private static ApiException findApiException(Throwable error) {
		for (Throwable t = error; t != null; t = t.getCause()) {
			if (t instanceof ApiException api) {
				return api;
			}
		}
		return null;
	}
}
