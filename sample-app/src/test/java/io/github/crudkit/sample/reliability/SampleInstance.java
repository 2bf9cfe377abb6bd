package io.github.crudkit.sample.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

import io.github.crudkit.sample.SampleApplication;
import io.github.crudkit.test.postgres.TestDatabase;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.event.ApplicationEnvironmentPreparedEvent;
import org.springframework.boot.context.event.ApplicationFailedEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.GenericApplicationListener;
import org.springframework.core.Ordered;
import org.springframework.core.ResolvableType;

/**
 * One running instance of the sample on a random port, started as in production
 * ({@link SampleApplication} with command-line arguments), not as a Spring test context,
 * so that a test can start several, cut their database and close them.
 */
final class SampleInstance implements AutoCloseable {

	private final ConfigurableApplicationContext context;

	private SampleInstance(ConfigurableApplicationContext context) {
		this.context = context;
	}

	static SampleInstance start(TestDatabase database, String... arguments) {
		List<String> all = new ArrayList<>(List.of("--spring.datasource.url=" + database.jdbcUrl(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password()));
		all.addAll(Arrays.asList(arguments));
		return start(all.toArray(String[]::new));
	}

	static SampleInstance start(String... arguments) {
		return new SampleInstance(run(List.of(), arguments));
	}

	static SampleInstance start(List<Class<?>> extraSources, String... arguments) {
		return new SampleInstance(run(extraSources, arguments));
	}

	static ConfigurableApplicationContext run(List<Class<?>> extraSources, String... arguments) {
		List<String> all = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off"));
		all.addAll(Arrays.asList(arguments));
		List<Class<?>> sources = new ArrayList<>();
		sources.add(SampleApplication.class);
		sources.addAll(extraSources);
		return new SpringApplicationBuilder(sources.toArray(Class<?>[]::new))
			.listeners(new LoggingInitialization(true), new LoggingInitialization(false))
			.run(all.toArray(String[]::new));
	}

	int port() {
		return ((WebServerApplicationContext) this.context).getWebServer().getPort();
	}

	RawHttp http(Duration timeout) {
		return new RawHttp(port(), timeout);
	}

	ConfigurableApplicationContext context() {
		return this.context;
	}

	String property(String name) {
		return this.context.getEnvironment().getProperty(name);
	}

	@Override
	public void close() {
		this.context.close();
	}

	/**
	 * Lets one application at a time initialize the logging system, which this JVM's
	 * instances share (Logback's context is not safe for two initializations at once);
	 * the rest of their start-up runs concurrently. In production every instance has a
	 * JVM of its own.
	 */
	private static final class LoggingInitialization implements GenericApplicationListener {

		private static final ReentrantLock lock = new ReentrantLock();

		private final boolean before;

		LoggingInitialization(boolean before) {
			this.before = before;
		}

		@Override
		public boolean supportsEventType(ResolvableType eventType) {
			Class<?> type = eventType.getRawClass();
			return type != null && (ApplicationEnvironmentPreparedEvent.class.isAssignableFrom(type)
					|| ApplicationFailedEvent.class.isAssignableFrom(type));
		}

		@Override
		public void onApplicationEvent(ApplicationEvent event) {
			if (this.before && event instanceof ApplicationEnvironmentPreparedEvent) {
				lock.lock();
			}
			else if (!this.before && lock.isHeldByCurrentThread()) {
				lock.unlock();
			}
		}

		@Override
		public int getOrder() {
			// Around Boot's LoggingApplicationListener (HIGHEST_PRECEDENCE + 20).
			return this.before ? Ordered.HIGHEST_PRECEDENCE : Ordered.HIGHEST_PRECEDENCE + 21;
		}

	}

}
