package org.openparking.api.payments.internal;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.openparking.api.payments.PaymentProvider.Outcome;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * Bounds every provider call by the configured timeout. A call that does not answer in time is interrupted and
 * counts as declined, with the reason. A call cut short by our own shutdown or interruption is no answer at all: it
 * throws, and the record stays PENDING for whoever takes it over.
 */
@Component
class TimedProviderCalls implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(TimedProviderCalls.class);

	private final ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor();

	private final PaymentsProperties properties;

	TimedProviderCalls(PaymentsProperties properties) {
		this.properties = properties;
	}

	Outcome call(String what, Supplier<Outcome> call) {
		Future<Outcome> answer = calls.submit(call::get);
		try {
			return answer.get(properties.providerTimeout().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException ex) {
			answer.cancel(true);
			log.warn("Payment provider did not answer {} within {}", what, properties.providerTimeout());
			return new Outcome.Declined(
					"The payment provider did not answer within " + properties.providerTimeout().toMillis() + " ms");
		}
		catch (InterruptedException ex) {
			answer.cancel(true);
			Thread.currentThread().interrupt();
			throw new NoProviderAnswer(what + " was interrupted", ex);
		}
		catch (ExecutionException ex) {
			if (calls.isShutdown() || ex.getCause() instanceof InterruptedException
					|| ex.getCause().getCause() instanceof InterruptedException) {
				throw new NoProviderAnswer(what + " was cut short by shutdown", ex.getCause());
			}
			log.warn("Payment provider failed {}", what, ex.getCause());
			return new Outcome.Declined("The payment provider failed: " + ex.getCause().getMessage());
		}
	}

	@Override
	public void destroy() {
		calls.shutdownNow();
	}

	/** The provider gave no answer we may record; the attempt stays PENDING. */
	static final class NoProviderAnswer extends IllegalStateException {

		NoProviderAnswer(String message, Throwable cause) {
			super(message, cause);
		}
	}
}
