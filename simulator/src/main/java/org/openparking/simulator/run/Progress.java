package org.openparking.simulator.run;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.HdrHistogram.Histogram;

/**
 * The live progress line: simulated time, API call rate since the last line, errors, p99 over all calls so far, the
 * worst scheduling lag. On a terminal it rewrites one line; in a log it prints one line per interval.
 */
public final class Progress implements AutoCloseable {

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread thread = new Thread(r, "progress");
		thread.setDaemon(true);
		return thread;
	});
	private final PrintStream out;
	private final boolean terminal;
	private long lastCalls;
	private long lastNanos = System.nanoTime();

	public Progress(SimulationRun run, Metrics metrics, long planEnd, Duration interval, PrintStream out) {
		this.out = out;
		this.terminal = System.console() != null;
		timer.scheduleAtFixedRate(() -> print(run, metrics, planEnd), interval.toMillis(), interval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	private void print(SimulationRun run, Metrics metrics, long planEnd) {
		long now = System.nanoTime();
		long calls = metrics.apiCalls();
		double rate = (calls - lastCalls) / Math.max(1e-9, (now - lastNanos) / 1e9);
		lastCalls = calls;
		lastNanos = now;
		long p99 = metrics.histograms()
			.entrySet()
			.stream()
			.filter(e -> !e.getKey().startsWith("e2e.") && !e.getKey().startsWith("mqtt."))
			.mapToLong(e -> e.getValue().getValueAtPercentile(99))
			.max()
			.orElse(0);
		Histogram e2e = metrics.histogram("e2e.reading_to_event");
		String line = "[sim %s / %s] %,.1f calls/s, %d errors, worst p99 %.1f ms, readings %d%s, lag %d ms".formatted(
				clock(run.simulatedNow()), clock(planEnd), rate, metrics.totalErrors(), p99 / 1000.0,
				metrics.histograms()
					.entrySet()
					.stream()
					.filter(e -> e.getKey().startsWith("mqtt."))
					.mapToLong(e -> e.getValue().getTotalCount())
					.sum(),
				e2e == null ? "" : ", e2e p99 %.0f ms".formatted(e2e.getValueAtPercentile(99) / 1000.0),
				run.maxLagMillis());
		if (terminal) {
			out.print("\r" + line + "   ");
		}
		else {
			out.println(line);
		}
		out.flush();
	}

	private static String clock(long millis) {
		long s = millis / 1000;
		return "%02d:%02d:%02d".formatted(s / 3600, s / 60 % 60, s % 60);
	}

	@Override
	public void close() {
		timer.shutdownNow();
		if (terminal) {
			out.println();
		}
	}
}
