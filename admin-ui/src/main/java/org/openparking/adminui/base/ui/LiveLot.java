package org.openparking.adminui.base.ui;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.openparking.adminui.parking.LotEvent;
import org.openparking.adminui.parking.ParkingApi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;

/**
 * A view's live subscription to one lot, tied to the view's life: open while the view is attached, closed when it
 * is detached (navigating away, closing the tab, session expiry), moved when the view switches lots. Events run on
 * the view's UI through server push. Live updates are best effort (the api may restart): a lost subscription is
 * reopened after a pause and the view refetches, since events in the gap are gone.
 */
public final class LiveLot {

	private static final Logger log = LoggerFactory.getLogger(LiveLot.class);

	static final Duration RETRY_AFTER = Duration.ofSeconds(5);

	private static final ScheduledExecutorService RETRIES = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "live-lot-retries");
		thread.setDaemon(true);
		return thread;
	});

	private final Component view;

	private final ParkingApi api;

	private final Consumer<LotEvent> onEvent;

	private final Runnable refetch;

	private String lotId;

	private AutoCloseable watch;

	public LiveLot(Component view, ParkingApi api, Consumer<LotEvent> onEvent, Runnable refetch) {
		this.view = view;
		this.api = api;
		this.onEvent = onEvent;
		this.refetch = refetch;
		view.addAttachListener(attach -> start());
		view.addDetachListener(detach -> stop());
	}

	/** Follows this lot from now on (null: none). */
	public void follow(String lotId) {
		stop();
		this.lotId = lotId;
		start();
	}

	private void start() {
		UI ui = view.getUI().orElse(null);
		if (ui == null || lotId == null || watch != null) {
			return;
		}
		String watched = lotId;
		watch = api.watchLot(watched, event -> ui.access(() -> onEvent.accept(event)),
				error -> ui.access(() -> lost(ui, watched, error)));
	}

	private void lost(UI ui, String watched, Throwable error) {
		log.info("Live updates of lot {} lost: {}", watched, error.toString());
		stop();
		Notifications.failure("Live updates paused (" + error.getMessage() + "); retrying");
		RETRIES.schedule(() -> ui.access(() -> {
			if (watched.equals(lotId) && view.isAttached() && watch == null) {
				start();
				refetch.run();
			}
		}), RETRY_AFTER.toMillis(), TimeUnit.MILLISECONDS);
	}

	private void stop() {
		if (watch == null) {
			return;
		}
		try {
			watch.close();
		}
		catch (Exception e) {
			log.debug("Closing a live subscription failed", e);
		}
		watch = null;
	}
}
