package org.openparking.api.sensing.internal;

import org.junit.jupiter.api.Test;

import org.openparking.api.support.ApiIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Locking the cursor also decides whether the pass's commit waits for the disk, in the same statement: for that
 * transaction only.
 */
@ApiIntegrationTest
class SensorStreamTest {

	@Autowired
	SensorStream stream;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void aPassCommitsWithoutWaitingForTheDiskUnlessToldToWait() throws InterruptedException {
		String notWaiting = settingWhileLocked(false);
		String waiting = settingWhileLocked(true);
		String afterwards = new TransactionTemplate(transactions).execute(tx -> synchronousCommit());

		assertThat(notWaiting).isEqualTo("off");
		assertThat(waiting).isEqualTo("on");
		assertThat(afterwards).isEqualTo("on");
	}

	/** The setting inside a transaction that locked the cursor; the context's own consumer may hold it a moment. */
	private String settingWhileLocked(boolean waitForDisk) throws InterruptedException {
		TransactionTemplate transaction = new TransactionTemplate(transactions);
		for (int attempt = 0; attempt < 200; attempt++) {
			String setting = transaction
				.execute(tx -> stream.lockCursor(waitForDisk).isPresent() ? synchronousCommit() : null);
			if (setting != null) {
				return setting;
			}
			Thread.sleep(10);
		}
		throw new AssertionError("The consumer held the cursor for 2 s");
	}

	private String synchronousCommit() {
		return jdbc.sql("show synchronous_commit").query(String.class).single();
	}
}
