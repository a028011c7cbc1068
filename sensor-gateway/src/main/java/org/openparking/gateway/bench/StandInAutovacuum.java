package org.openparking.gateway.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Vacuums and analyzes the benchmark's schema every {@code interval} on a connection of its own while it is open, as
 * autovacuum would with V121's thresholds; this machine's PostgreSQL runs with autovacuum off. On a new schema the
 * api's consumer otherwise worked on tables never analyzed nor vacuumed for the whole warm-up: in one run of 120 s at
 * 5,000 readings/s, with 170,596 dead alert rows beside 172,405 live ones, its connection sat at 94 % of a core
 * looking up active alerts, and it had applied 304,001 of the 599,957
 * readings about two minutes after publishing had stopped, going on at ~1,500 a second (the measured run began 8.6
 * minutes after the command; 4.5 with the stand-in, on the same machine).
 */
final class StandInAutovacuum implements AutoCloseable {

	private final Thread thread;

	StandInAutovacuum(String jdbc, Duration interval) {
		thread = Thread.ofPlatform().name("stand-in-autovacuum").daemon().start(() -> {
			try (Connection db = DriverManager.getConnection(jdbc)) {
				while (!Thread.currentThread().isInterrupted()) {
					Thread.sleep(interval);
					vacuumAndAnalyze(db);
				}
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			catch (SQLException ex) {
				System.err.println("stand-in autovacuum stopped: " + ex);
			}
		});
	}

	/**
	 * Vacuums and analyzes every table of the connection's schema. Without it every run left its dead alert and
	 * observation rows to the next, and plans made while the tables were new and empty were never made again.
	 */
	static void vacuumAndAnalyze(Connection db) throws SQLException {
		List<String> tables = new ArrayList<>();
		try (Statement statement = db.createStatement();
				ResultSet rows = statement.executeQuery("select quote_ident(tablename) from pg_tables"
						+ " where schemaname = current_schema()")) {
			while (rows.next()) {
				tables.add(rows.getString(1));
			}
		}
		try (Statement statement = db.createStatement()) {
			statement.execute("vacuum (analyze) " + String.join(", ", tables));
		}
	}

	@Override
	public void close() throws InterruptedException {
		thread.interrupt();
		thread.join();
	}
}
