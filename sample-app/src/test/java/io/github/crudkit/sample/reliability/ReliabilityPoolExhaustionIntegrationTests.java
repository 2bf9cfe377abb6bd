package io.github.crudkit.sample.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.HikariDataSource;
import io.github.crudkit.probes.SlowHeroes;
import io.github.crudkit.test.postgres.TestDatabase;
import io.github.crudkit.test.postgres.TestPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A pool of two connections, both held by slow statements: every further request fails
 * fast with a 503 once the connection timeout has passed, never hangs, and the service
 * serves normally as soon as the connections come back. A statement that runs past the
 * statement timeout is cancelled by PostgreSQL: a 503, and its transaction leaves nothing
 * behind.
 */
class ReliabilityPoolExhaustionIntegrationTests {

	private static final Duration CONNECTION_TIMEOUT = Duration.ofMillis(1_000);

	private static final Duration MARGIN = Duration.ofMillis(1_500);

	private static final int EXCESS_REQUESTS = 12;

	private static TestDatabase database;

	private static SampleInstance sample;

	private final Figures figures = new Figures("pool-exhaustion");

	@BeforeAll
	static void start() {
		database = TestPostgres.server().createDatabase();
		sample = SampleInstance.start(List.of(SlowHeroes.class), "--spring.datasource.url=" + database.jdbcUrl(),
				"--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password(), "--spring.datasource.hikari.maximum-pool-size=2",
				"--spring.datasource.hikari.connection-timeout=" + CONNECTION_TIMEOUT.toMillis(),
				"--spring.datasource.hikari.data-source-properties.options=-c statement_timeout=2000");
	}

	@AfterAll
	static void stop() {
		sample.close();
		TestPostgres.server().dropDatabase(database);
	}

	@Test
	void excessRequestsFailFastWith503AndTheServiceRecoversWhenConnectionsReturn() throws Exception {
		RawHttp http = sample.http(Duration.ofSeconds(30));
		HikariDataSource pool = sample.context().getBean(javax.sql.DataSource.class).unwrap(HikariDataSource.class);
		assertThat(pool.getMaximumPoolSize()).isEqualTo(2);
		assertThat(http.get("/api/heroes").status()).isEqualTo(200);

		ExecutorService threads = Executors.newFixedThreadPool(2 + EXCESS_REQUESTS);
		try {
			// Two slow writes (1.8 s each, below the statement timeout) take both
			// connections.
			List<Future<RawHttp.Response>> holders = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				String name = "holder-" + i;
				holders.add(threads.submit(() -> http.send("POST", "/test/slow-heroes?name=" + name + "&millis=1800",
						null, null, java.util.Map.of())));
			}
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (pool.getHikariPoolMXBean().getActiveConnections() < 2 && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isEqualTo(2);

			CountDownLatch gate = new CountDownLatch(1);
			List<Future<RawHttp.Response>> excess = new ArrayList<>();
			for (int i = 0; i < EXCESS_REQUESTS; i++) {
				int n = i;
				excess.add(threads.submit(() -> {
					gate.await();
					return (n % 2 == 0) ? http.get("/api/heroes") : http.post("/api/heroes",
							"{\"name\":\"excess-" + n + "\",\"secretName\":\"SECRET-" + n + "\"}");
				}));
			}
			gate.countDown();
			List<RawHttp.Response> answers = new ArrayList<>();
			for (Future<RawHttp.Response> future : excess) {
				answers.add(future.get(30, TimeUnit.SECONDS));
			}
			long releasedAt = 0;
			for (Future<RawHttp.Response> holder : holders) {
				assertThat(holder.get(30, TimeUnit.SECONDS).status()).isEqualTo(201);
			}
			releasedAt = System.nanoTime();
			RawHttp.Response after = http.get("/api/heroes");
			long recovery = System.nanoTime() - releasedAt;
			RawHttp.Response created = http.post("/api/heroes", "{\"name\":\"after\",\"secretName\":\"SECRET-after\"}");

			List<Long> latencies = answers.stream().map(RawHttp.Response::nanos).sorted().toList();
			this.figures.put("poolSize", 2)
				.put("connectionTimeout", CONNECTION_TIMEOUT.toMillis() + "ms")
				.put("excessRequests", EXCESS_REQUESTS)
				.put("excess503", answers.stream().filter((answer) -> answer.status() == 503).count())
				.put("excessOther", answers.stream().filter((answer) -> answer.status() != 503).count())
				.put("excessLatencyMin", Figures.millis(latencies.get(0)))
				.put("excessLatencyMedian", Figures.millis(latencies.get(latencies.size() / 2)))
				.put("excessLatencyMax", Figures.millis(latencies.get(latencies.size() - 1)))
				.put("firstRequestAfterRelease", after.status() + " in " + Figures.millis(recovery));

			assertThat(answers).allSatisfy((answer) -> {
				assertThat(answer.status()).as(answer.body()).isEqualTo(503);
				assertThat(answer.isProblem()).isTrue();
				assertThat(answer.header("Retry-After")).isNotBlank();
				assertThat(answer.latency()).isLessThan(CONNECTION_TIMEOUT.plus(MARGIN));
			});
			assertThat(after.status()).isEqualTo(200);
			assertThat(created.status()).isEqualTo(201);
			JdbcClient jdbc = ProxiedDatabase.direct(database);
			assertThat(jdbc.sql("SELECT count(*) FROM hero WHERE name LIKE 'excess-%'").query(Long.class).single())
				.as("no refused write was stored")
				.isZero();
			assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isLessThanOrEqualTo(1);
		}
		finally {
			threads.shutdownNow();
		}
	}

	@Test
	void statementPastTheStatementTimeoutIsCancelledWith503AndRolledBack() throws Exception {
		RawHttp http = sample.http(Duration.ofSeconds(30));

		RawHttp.Response response = http.send("POST", "/test/slow-heroes?name=too-slow&millis=10000", null, null,
				java.util.Map.of());

		this.figures.put("statementTimeout", "2000ms")
			.put("tooSlowStatement", response.status() + " after " + Figures.millis(response.nanos()));
		assertThat(response.status()).as(response.body()).isEqualTo(503);
		assertThat(response.isProblem()).isTrue();
		assertThat(response.header("Retry-After")).isNotBlank();
		assertThat(response.latency()).isLessThan(Duration.ofMillis(2_000).plus(MARGIN));
		assertThat(ProxiedDatabase.direct(database)
			.sql("SELECT count(*) FROM hero WHERE name = 'too-slow'")
			.query(Long.class)
			.single()).isZero();
		assertThat(http.get("/api/heroes").status()).isEqualTo(200);
	}

}
