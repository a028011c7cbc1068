package org.openparking.api.availability.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.stream.Stream;

/**
 * CPU time of a process's JIT compiler threads, from Linux's {@code /proc}: whether the API is still compiling. After a
 * minute of searches its C2 threads were still using an eighth of a core (1.26 CPU-seconds in 10 s), which the
 * measured requests share two cores with; after three minutes, 0.04.
 */
final class JitActivity {

	/** Linux reports thread CPU in clock ticks of USER_HZ, 100 a second on every mainstream architecture. */
	private static final long NANOS_PER_TICK = 10_000_000;

	private final Path tasks;

	JitActivity(long pid) {
		this.tasks = Path.of("/proc", Long.toString(pid), "task");
	}

	/** CPU time of the compiler threads so far, in nanoseconds; empty where there is no {@code /proc}. */
	OptionalLong cpuNanos() {
		if (!Files.isDirectory(tasks)) {
			return OptionalLong.empty();
		}
		try (Stream<Path> threads = Files.list(tasks)) {
			return OptionalLong.of(threads.filter(JitActivity::isCompiler).mapToLong(JitActivity::ticks).sum()
					* NANOS_PER_TICK);
		}
		catch (IOException ex) {
			return OptionalLong.empty();
		}
	}

	/**
	 * The share of one core the compilers used between two readings of {@link #cpuNanos()} taken {@code elapsed}
	 * apart; empty when either was not measured.
	 */
	static OptionalDouble share(OptionalLong earlier, OptionalLong later, Duration elapsed) {
		if (earlier.isEmpty() || later.isEmpty()) {
			return OptionalDouble.empty();
		}
		return OptionalDouble.of((double) (later.getAsLong() - earlier.getAsLong()) / elapsed.toNanos());
	}

	static String describe(OptionalDouble share) {
		return share.isEmpty() ? "not measured" : "%.1f %% of a core".formatted(100 * share.getAsDouble());
	}

	private static boolean isCompiler(Path thread) {
		return read(thread.resolve("comm")).contains("CompilerThre");
	}

	/** utime + stime: fields 14 and 15 of stat, counted after the parenthesised command name. */
	private static long ticks(Path thread) {
		String stat = read(thread.resolve("stat"));
		if (stat.isEmpty()) {
			return 0;
		}
		String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
		return fields.length < 13 ? 0 : Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
	}

	/** A thread that ended meanwhile reads as empty. */
	private static String read(Path file) {
		try {
			return Files.readString(file);
		}
		catch (IOException ex) {
			return "";
		}
	}
}
