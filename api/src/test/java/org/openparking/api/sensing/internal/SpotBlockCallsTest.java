package org.openparking.api.sensing.internal;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SpotBlockCallsTest {

	@Test
	void callsRunOneAfterAnotherInTheOrderMadeOffTheCallersThread() throws Exception {
		SpotBlockCalls calls = new SpotBlockCalls();
		try {
			CountDownLatch held = new CountDownLatch(1);
			List<Integer> order = new CopyOnWriteArrayList<>();
			List<String> threads = new CopyOnWriteArrayList<>();
			// The first call holds the thread, so the later ones queue behind it whatever their speed.
			calls.submit(() -> await(held));
			List<CompletableFuture<Void>> done = IntStream.range(0, 50).mapToObj(n -> calls.submit(() -> {
				order.add(n);
				threads.add(Thread.currentThread().getName());
			})).toList();
			held.countDown();
			done.forEach(CompletableFuture::join);
			assertThat(order).containsExactlyElementsOf(IntStream.range(0, 50).boxed().toList());
			assertThat(threads).containsOnly(ObservationConsumer.THREAD_PREFIX + "blocks");
		}
		finally {
			calls.destroy();
		}
	}

	@Test
	void onceShutDownACallRunsOnTheCallersThread() {
		SpotBlockCalls calls = new SpotBlockCalls();
		calls.destroy();
		String caller = Thread.currentThread().getName();
		assertThat(calls.submit(() -> Thread.currentThread().getName()).join()).isEqualTo(caller);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}
}
