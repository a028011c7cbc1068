package org.openparking.adminui.support;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.openparking.adminui.security.TestUsers;

import java.util.HashSet;
import java.util.Set;

import org.openparking.adminui.alerts.ui.AlertsView;
import org.openparking.adminui.lots.ui.LotBoardView;
import org.openparking.adminui.lots.ui.LotManagementView;
import org.openparking.adminui.lots.ui.SpotDetailView;
import org.openparking.adminui.parking.LotEvent;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;

/** A browserless Vaadin UI per test (Karibu), with the in-memory api port. */
public abstract class KaribuTest {

	/**
	 * The routes RouterLinks point to. Views are constructed by the tests with the fake port, never by navigation
	 * (which would need Spring), so the root view is left out: Karibu navigates there on setup.
	 */
	private static final Routes ROUTES = new Routes(new HashSet<>(Set.of(LotBoardView.class, SpotDetailView.class,
			LotManagementView.class, AlertsView.class)), new HashSet<>(), true);

	protected FakeParkingApi api;

	/** Delivers a live event as the adapter does, then runs what it queued on the UI (server push). */
	protected void emit(LotEvent event) {
		api.emit(event);
		MockVaadin.runUIQueue();
	}

	@BeforeEach
	void setUpVaadin() {
		MockVaadin.setup(ROUTES);
		api = new FakeParkingApi();
	}

	@AfterEach
	void tearDownVaadin() {
		MockVaadin.tearDown();
		TestUsers.logout();
	}
}
