package org.openparking.api.sensing.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Runs the rules' Redis calls that block and unblock spots on a thread of their own, so a consumer pass waits for Redis
 * and PostgreSQL at the same time instead of one after the other: the unblock of a batch's freed spots took 0.9-4.9 ms
 * of 13-50 ms passes while the pass's connection sat idle (bin/bench-gateway --through-api at 5,000 readings/s,
 * per-phase timings).
 * One thread, so the calls reach Redis in the order they were made: a batch's blocks before its unblocks, and a batch's
 * unblocks before the next batch's blocks.
 */
@Component
class SpotBlockCalls implements DisposableBean {

	private final ExecutorService thread = Executors
		.newSingleThreadExecutor(Thread.ofPlatform().name(ObservationConsumer.THREAD_PREFIX + "blocks").daemon().factory());

	/**
	 * The call must handle its own failures: what it throws reaches the caller as it joins, or, once the thread is shut
	 * down, straight away. Shut down (the context closing under a pass that outlived the consumer's stop), the call runs
	 * on the caller's thread: a pass that failed here would have its readings skipped.
	 */
	<T> CompletableFuture<T> submit(Supplier<T> call) {
		try {
			return CompletableFuture.supplyAsync(call, thread);
		}
		catch (RejectedExecutionException ex) {
			return CompletableFuture.completedFuture(call.get());
		}
	}

	CompletableFuture<Void> submit(Runnable call) {
		return submit(() -> {
			call.run();
			return null;
		});
	}

	@Override
	public void destroy() {
		thread.shutdown();
	}
}
