package org.openparking.api.support;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements the application prepares, to prove that a GraphQL query costs a constant number of
 * statements however many items it returns (no N+1). Import it with {@code @Import(SqlStatementCounter.Config.class)}.
 */
public final class SqlStatementCounter {

	private static final Set<String> STATEMENT_FACTORIES = Set.of("prepareStatement", "createStatement", "prepareCall");

	private final AtomicLong count = new AtomicLong();

	private volatile Thread only;

	public void reset() {
		only = null;
		count.set(0);
	}

	/**
	 * Counts only what the calling thread prepares from now on: for work a test runs itself, while other modules'
	 * background work (a lot catalog's refresh, the booking pipeline's retries) may query meanwhile.
	 */
	public void resetForThisThread() {
		only = Thread.currentThread();
		count.set(0);
	}

	public long count() {
		return count.get();
	}

	DataSource wrap(DataSource target) {
		InvocationHandler dataSourceCalls = (proxy, method, args) -> {
			Object result = invoke(target, method, args);
			return result instanceof Connection connection ? countingConnection(connection) : result;
		};
		return (DataSource) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { DataSource.class },
				dataSourceCalls);
	}

	/** The sensing module's consumer and evaluator run on threads of their own, whatever the test does: not counted. */
	private Connection countingConnection(Connection target) {
		if (Thread.currentThread().getName().startsWith("sensing-")) {
			return target;
		}
		InvocationHandler connectionCalls = (proxy, method, args) -> {
			Thread counted = only;
			if (STATEMENT_FACTORIES.contains(method.getName())
					&& (counted == null || counted == Thread.currentThread())) {
				count.incrementAndGet();
			}
			return invoke(target, method, args);
		};
		return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
				connectionCalls);
	}

	private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getCause();
		}
	}

	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		SqlStatementCounter sqlStatementCounter() {
			return new SqlStatementCounter();
		}

		@Bean
		static BeanPostProcessor countingDataSource(org.springframework.beans.factory.ObjectProvider<SqlStatementCounter> counter) {
			return new BeanPostProcessor() {
				@Override
				public Object postProcessAfterInitialization(Object bean, String beanName) {
					return bean instanceof DataSource dataSource ? counter.getObject().wrap(dataSource) : bean;
				}
			};
		}
	}
}
