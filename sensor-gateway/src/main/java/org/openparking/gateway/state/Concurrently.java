package org.openparking.gateway.state;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Runs one task per item on virtual threads and waits for all. Blocking Redis calls issued this way share the one
 * Lettuce connection, which pipelines them: a batch costs about one round trip, not one per device.
 */
final class Concurrently {

	private Concurrently() {
	}

	static <T> void forEach(Collection<T> items, Consumer<T> task) {
		if (items.size() == 1) {
			task.accept(items.iterator().next());
			return;
		}
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			List<Future<?>> futures = new ArrayList<>(items.size());
			for (T item : items) {
				futures.add(executor.submit(() -> task.accept(item)));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		catch (ExecutionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw new IllegalStateException(ex.getCause());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted", ex);
		}
	}
}
