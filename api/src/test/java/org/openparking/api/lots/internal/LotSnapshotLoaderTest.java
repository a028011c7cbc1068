package org.openparking.api.lots.internal;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;
import org.junit.jupiter.api.Test;
import org.openparking.api.lots.AdministrativeState;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.LotsIntegrationTest;
import org.openparking.api.lots.SpotClass;
import org.openparking.api.lots.SpotId;
import org.openparking.api.lots.SpotSummary;
import org.openparking.api.lots.TariffView;
import org.openparking.api.shared.Money;
import org.openparking.api.support.LotFixtures;
import org.openparking.api.support.LotFixtures.TestLot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** What the hot paths know of a lot, read from its rows; see {@link LotSnapshotLoader}. */
@LotsIntegrationTest
class LotSnapshotLoaderTest {

	@Autowired
	LotSnapshotLoader loader;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	EntityManager entityManager;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void readsTheLotItsHoursSpotsAndTariffs() {
		TestLot lot = new LotFixtures(jdbc).lot("snapshot-operator", 2);
		UUID closed = lot.spotIds().get(1);
		jdbc.sql("update spot set admin_state = 'CLOSED', admin_state_reason = 'resurfacing' where id = ?")
			.param(closed)
			.update();
		jdbc.sql("insert into lot_opening_hours (lot_id, day_of_week, opens, closes) values (?, 1, '07:30', '23:59:59')")
			.param(lot.id())
			.update();
		jdbc.sql("""
				insert into tariff (id, lot_id, spot_class, currency, hourly_rate_minor, minimum_charge_minor, updated_at)
				values (?, ?, 'ACCESSIBLE', 'EUR', 100, 0, now())""")
			.params(UUID.randomUUID(), lot.id())
			.update();
		LotId id = new LotId(lot.id());

		LotSnapshot snapshot = loader.load(id).snapshot().orElseThrow();

		assertThat(snapshot.lot().id()).isEqualTo(id);
		assertThat(snapshot.lot().operatorId()).isEqualTo("snapshot-operator");
		assertThat(snapshot.lot().timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
		assertThat(snapshot.hours()).containsOnlyKeys(DayOfWeek.MONDAY);
		assertThat(snapshot.hours().get(DayOfWeek.MONDAY).opens()).isEqualTo(LocalTime.of(7, 30));
		assertThat(snapshot.hours().get(DayOfWeek.MONDAY).closes()).isEqualTo(LocalTime.of(23, 59, 59));
		assertThat(snapshot.spots()).containsExactly(
				new SpotSummary(new SpotId(lot.spotIds().get(0)), id, "S001", SpotClass.STANDARD, AdministrativeState.OPEN),
				new SpotSummary(new SpotId(closed), id, "S002", SpotClass.STANDARD, AdministrativeState.CLOSED));
		assertThat(snapshot.spotsById()).hasSize(2).containsValues(snapshot.spots().toArray(SpotSummary[]::new));
		assertThat(snapshot.tariffs()).containsOnlyKeys(SpotClass.STANDARD, SpotClass.ACCESSIBLE);
		assertThat(snapshot.tariffs().get(SpotClass.STANDARD)).isEqualTo(new TariffView(SpotClass.STANDARD,
				new Money(200, "EUR"), new Money(2000, "EUR"), new Money(100, "EUR")));
		assertThat(snapshot.tariffs().get(SpotClass.ACCESSIBLE).dailyMaximum()).isNull();
		assertThat(loader.lotOf(new SpotId(closed))).contains(id);
	}

	@Test
	void anUnknownLotOrSpotHasNone() {
		assertThat(loader.load(new LotId(UUID.randomUUID())).snapshot()).isEmpty();
		assertThat(loader.lotOf(new SpotId(UUID.randomUUID()))).isEmpty();
	}

	/** A load joins the caller's transaction; it used to leave every spot there as an entity to dirty-check. */
	@Test
	void aLoadInsideATransactionLeavesNothingInItsPersistenceContext() {
		TestLot lot = new LotFixtures(jdbc).lot("snapshot-operator", 50);

		int managed = new TransactionTemplate(transactions).execute(tx -> {
			loader.load(new LotId(lot.id()));
			return entityManager.unwrap(Session.class).getStatistics().getEntityCount();
		});

		assertThat(managed).isZero();
	}
}
