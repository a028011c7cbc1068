package org.openparking.api.lots.internal;

import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openparking.api.lots.AdministrativeState;
import org.openparking.api.lots.LotId;
import org.openparking.api.lots.LotsIntegrationTest;
import org.openparking.api.lots.SpotId;
import org.openparking.api.support.LotFixtures;
import org.openparking.api.support.LotFixtures.TestLot;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Another node's lots in memory: looked at again every half TTL, reloaded only when their catalog's version moved. */
@LotsIntegrationTest
class LotSnapshotsRefreshTest {

	@Autowired
	LotSnapshots snapshots;

	@Autowired
	JdbcClient jdbc;

	@Value("${parking.lots.catalog-ttl:5s}")
	Duration catalogTtl;

	@Test
	void aLotWhoseCatalogDidNotChangeIsKeptPastItsTtlWithoutBeingReloaded() throws InterruptedException {
		TestLot lot = new LotFixtures(jdbc).lot("snapshot-operator", 3);
		LotSnapshot first = snapshots.of(new LotId(lot.id())).orElseThrow();

		// Past the TTL, looking every half of it, as a lot in use is.
		LotSnapshot later = first;
		for (int look = 0; look < 3; look++) {
			Thread.sleep(catalogTtl.dividedBy(2).plusMillis(300));
			later = snapshots.of(new LotId(lot.id())).orElseThrow();
		}
		Thread.sleep(300); // the last look's background refresh

		assertThat(snapshots.of(new LotId(lot.id()))).containsSame(first);
		assertThat(later).isSameAs(first);
	}

	@Test
	void aChangeWrittenByAnotherNodeIsLoadedAtTheNextLook() throws InterruptedException {
		TestLot lot = new LotFixtures(jdbc).lot("snapshot-operator", 3);
		UUID spot = lot.spotIds().getFirst();
		LotSnapshot first = snapshots.of(new LotId(lot.id())).orElseThrow();
		jdbc.sql("update spot set admin_state = 'CLOSED', admin_state_reason = 'elsewhere' where id = ?")
			.param(spot)
			.update();

		long deadline = System.nanoTime() + catalogTtl.plusSeconds(2).toNanos();
		LotSnapshot now = first;
		while (now == first && System.nanoTime() < deadline) {
			Thread.sleep(100);
			now = snapshots.of(new LotId(lot.id())).orElseThrow();
		}

		assertThat(now.spotsById().get(new SpotId(spot)).state())
			.isEqualTo(AdministrativeState.CLOSED);
	}
}
