package io.github.crudkit.replica.autoconfigure;

import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.sql.DataSource;

import io.github.crudkit.replica.ReadRouting;
import io.github.crudkit.replica.WalPosition;
import io.github.crudkit.statements.StatementTracker;
import io.github.crudkit.statements.autoconfigure.CrudkitStatementsAutoConfiguration;
import io.github.crudkit.support.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The routing against PostgreSQL, JDBC only: the "replica" is the same database reached
 * by a pool whose connections say {@code application_name=replica}, so that each read
 * tells where it ran; on a server that is not in recovery its replay position is the
 * server's write position, always current.
 */
class ReplicaRoutingIntegrationTests {

	private static TestDatabase.Database database;

	@BeforeAll
	static void createDatabase() {
		database = TestDatabase.createDatabase();
		database.execute("create table thing (id bigint primary key, name text not null)",
				"insert into thing values (1, 'one')");
	}

	@AfterAll
	static void dropDatabase() {
		database.close();
	}

	@Test
	void readOnlyWorkGoesToTheReplicaAndEverythingElseToThePrimary() {
		runner(replicaUrl()).run((context) -> {
			awaitServing(context);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			TransactionTemplate transactions = new TransactionTemplate(
					context.getBean(PlatformTransactionManager.class));
			TransactionTemplate readOnly = new TransactionTemplate(context.getBean(PlatformTransactionManager.class));
			readOnly.setReadOnly(true);

			assertThat(server(jdbc)).as("auto-commit").isEqualTo("primary");
			assertThat(ReadRouting.<String>readOnly(() -> server(jdbc))).as("readOnly(...)").isEqualTo("replica");
			assertThat(readOnly.<String>execute((status) -> server(jdbc))).as("read-only transaction")
				.isEqualTo("replica");
			assertThat(transactions.<String>execute((status) -> server(jdbc))).as("transaction").isEqualTo("primary");
			assertThat(transactions.<String>execute((status) -> ReadRouting.readOnly(() -> server(jdbc))))
				.as("readOnly(...) inside a read-write transaction")
				.isEqualTo("primary");
			assertThat(ReadRouting.<String>readOnly(() -> ReadRouting.onPrimary(() -> server(jdbc))))
				.as("onPrimary(...)")
				.isEqualTo("primary");

			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("crudkit.replica.reads").tag("target", "replica-1").counter().count()).isEqualTo(2);
			assertThat(registry.find("crudkit.replica.fallbacks").counters()).isEmpty();
			Health health = context.getBean("replicasHealthIndicator", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
		});
	}

	@Test
	void theStatementCounterSeesTheStatementsOfBothPools() {
		runner(replicaUrl()).run((context) -> {
			awaitServing(context);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			StatementTracker tracker = context.getBean(StatementTracker.class);
			try (StatementTracker.Scope unit = tracker.begin("test")) {
				server(jdbc);
				ReadRouting.readOnly(() -> server(jdbc));
				assertThat(tracker.currentStatistics()).hasValueSatisfying(
						(statistics) -> assertThat(statistics.statements()).as("one per pool").isEqualTo(2));
			}
		});
	}

	@Test
	void aSessionReadsFromTheReplicaOnlyOnceItHasReplayedThePositionAndHearsOfItsWrites() {
		runner(replicaUrl()).run((context) -> {
			awaitServing(context);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			TransactionTemplate transactions = new TransactionTemplate(
					context.getBean(PlatformTransactionManager.class));
			WalPosition current = WalPosition
				.parse(jdbc.queryForObject("select pg_current_wal_lsn()::text", String.class));
			List<WalPosition> written = new ArrayList<>();
			try (ReadRouting.Scope session = ReadRouting.session(current, written::add)) {
				assertThat(ReadRouting.<String>readOnly(() -> server(jdbc))).as("a position the replica has")
					.isEqualTo("replica");
				transactions
					.executeWithoutResult((status) -> jdbc.update("update thing set name = 'two' where id = 1"));
			}
			assertThat(written).singleElement().satisfies((position) -> assertThat(position.reached(current)).isTrue());
			try (ReadRouting.Scope session = ReadRouting.session(WalPosition.parse("FFFFFFF/0"), (position) -> {
			})) {
				assertThat(ReadRouting.<String>readOnly(() -> server(jdbc))).as("a position far ahead")
					.isEqualTo("primary");
			}
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("crudkit.replica.fallbacks").tag("reason", "behind-write").counter().count())
				.isEqualTo(1);
			// The first read may have asked too, if the monitor had not yet seen the
			// position.
			assertThat(registry.get("crudkit.replica.position.checks").timer().count()).isBetween(1L, 2L);
			assertThat(registry.get("crudkit.replica.reads").tag("target", "primary").counter().count()).isEqualTo(1);
		});
	}

	@Test
	void aReplicaThatCannotBeReachedSendsReadsToThePrimaryAndIsDegraded() throws Exception {
		runner("jdbc:postgresql://127.0.0.1:" + closedPort() + "/nothing").run((context) -> {
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			Thread.sleep(500);
			assertThat(ReadRouting.<String>readOnly(() -> server(jdbc))).isEqualTo("primary");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("crudkit.replica.fallbacks").tag("reason", "unavailable").counter().count())
				.isEqualTo(1);
			assertThat(registry.get("crudkit.replica.up").tag("replica", "replica-1").gauge().value()).isZero();
			Health health = context.getBean("replicasHealthIndicator", HealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(ReplicaHealthIndicator.DEGRADED);
			assertThat(health.getDetails()).containsEntry("primaryReachable", true);
		});
	}

	@Test
	void readOnlyWorkWhoseReplicaConnectionFailsRunsAgainOnThePrimaryAndTakesTheReplicaOut() {
		runner(replicaUrl()).run((context) -> {
			awaitServing(context);
			JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
			AtomicInteger attempts = new AtomicInteger();
			List<String> servers = new ArrayList<>();
			ReadRouting.readOnly(() -> {
				servers.add(server(jdbc));
				if (attempts.incrementAndGet() == 1) {
					throw new DataAccessResourceFailureException("lost",
							new SQLException("terminating connection due to administrator command", "57P01"));
				}
				return null;
			});
			assertThat(servers).containsExactly("replica", "primary");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("crudkit.replica.fallbacks").tag("reason", "read-failed").counter().count())
				.isEqualTo(1);
			awaitServing(context);
		});
	}

	private static ApplicationContextRunner runner(String replicaUrl) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class,
					DataSourceTransactionManagerAutoConfiguration.class,
					org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration.class,
					CrudkitStatementsAutoConfiguration.class, CrudkitReplicaAutoConfiguration.class,
					CrudkitReplicaMetricsAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.withPropertyValues("spring.datasource.url=" + withApplicationName(database.url(), "primary"),
					"spring.datasource.username=" + TestDatabase.USERNAME,
					"spring.datasource.password=" + TestDatabase.PASSWORD, "crudkit.replica.url=" + replicaUrl,
					"crudkit.replica.check-interval=50ms", "crudkit.replica.connection-timeout=250ms");
	}

	private static String replicaUrl() {
		return withApplicationName(database.url(), "replica");
	}

	private static String withApplicationName(String url, String name) {
		return url + ((url.contains("?")) ? "&" : "?") + "ApplicationName=" + name;
	}

	private static String server(JdbcTemplate jdbc) {
		return jdbc.queryForObject("select current_setting('application_name')", String.class);
	}

	private static void awaitServing(AssertableApplicationContext context) throws InterruptedException {
		// The monitor samples the primary once the application uses it.
		context.getBean(JdbcTemplate.class).queryForObject("select 1", Integer.class);
		ReplicaRoutingDataSource routing = CrudkitReplicaAutoConfiguration.routing(context.getBean(DataSource.class));
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		Supplier<Boolean> serving = () -> routing.replicas()
			.stream()
			.allMatch((replica) -> replica.up() && replica.staleness(System.nanoTime()) <= routing.maxLagNanos());
		while (!serving.get()) {
			assertThat(System.nanoTime()).as("the replica serves within 10 s").isLessThan(deadline);
			Thread.sleep(20);
		}
	}

	private static int closedPort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
