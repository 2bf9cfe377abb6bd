package io.github.crudkit.sample.reliability;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.crudkit.test.faults.TcpProxy;
import io.github.crudkit.test.postgres.TestDatabase;
import io.github.crudkit.test.postgres.TestPostgres;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A fresh database on the run's PostgreSQL server, with a {@link TcpProxy} in front of
 * it: the application connects through the proxy, the test checks the data directly.
 */
final class ProxiedDatabase implements AutoCloseable {

	private static final Pattern JDBC_URL = Pattern.compile("^jdbc:postgresql://([^/:?]+):(\\d+)/(.*)$");

	private final TestDatabase database;

	private final TcpProxy proxy;

	private final String proxiedUrl;

	private ProxiedDatabase(TestDatabase database) {
		this.database = database;
		Matcher matcher = JDBC_URL.matcher(database.jdbcUrl());
		if (!matcher.matches()) {
			throw new IllegalStateException("Not a PostgreSQL URL with host and port: " + database);
		}
		this.proxy = TcpProxy.start(matcher.group(1), Integer.parseInt(matcher.group(2)));
		this.proxiedUrl = "jdbc:postgresql://" + this.proxy.host() + ":" + this.proxy.port() + "/" + matcher.group(3);
	}

	static ProxiedDatabase create() {
		return new ProxiedDatabase(TestPostgres.server().createDatabase());
	}

	TcpProxy proxy() {
		return this.proxy;
	}

	TestDatabase database() {
		return this.database;
	}

	/**
	 * Arm one of the proxy's triggered cuts ({@code cutOnUpstream}, {@code cutAnswerTo})
	 * and wait until it has fallen, at most 20 s.
	 * @param arm arms the cut
	 * @param description what the cut is, for the assertion
	 */
	void awaitCut(Consumer<TcpProxy> arm, String description) throws InterruptedException {
		long before = this.proxy.triggeredCuts();
		arm.accept(this.proxy);
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (this.proxy.triggeredCuts() == before && System.nanoTime() < deadline) {
			Thread.sleep(5);
		}
		assertThat(this.proxy.triggeredCuts()).as(description).isEqualTo(before + 1);
	}

	/**
	 * Return the command-line arguments that point an application at the database through
	 * the proxy.
	 */
	String[] proxiedArguments() {
		return new String[] { "--spring.datasource.url=" + this.proxiedUrl,
				"--spring.datasource.username=" + this.database.username(),
				"--spring.datasource.password=" + this.database.password() };
	}

	/**
	 * Return a client that talks to the database directly, around the proxy.
	 */
	JdbcClient direct() {
		return direct(this.database);
	}

	static JdbcClient direct(TestDatabase database) {
		DriverManagerDataSource dataSource = new DriverManagerDataSource(database.jdbcUrl(), database.username(),
				database.password());
		return JdbcClient.create(dataSource);
	}

	@Override
	public void close() {
		this.proxy.close();
		TestPostgres.server().dropDatabase(this.database);
	}

}
