package io.github.crudkit.sample.reliability;

import java.io.IOException;
import java.net.ConnectException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import io.github.crudkit.probes.SlowHeroes;
import io.github.crudkit.test.postgres.TestDatabase;
import io.github.crudkit.test.postgres.TestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An instance is closed under load: the requests in flight (slow writes holding open
 * transactions, and a stream of fast ones) complete, new requests are refused at once,
 * and the database holds exactly the acknowledged writes, each whole.
 */
class ReliabilityGracefulShutdownIntegrationTests {

	private static final int SLOW_IN_FLIGHT = 6;

	private static final Duration SLOW = Duration.ofMillis(2_500);

	private final Figures figures = new Figures("graceful-shutdown");

	@Test
	void inFlightRequestsCompleteNewOnesAreRefusedAndNoTransactionIsLeftHalfDone() throws Exception {
		TestDatabase database = TestPostgres.server().createDatabase();
		SampleInstance sample = SampleInstance.start(List.of(SlowHeroes.class),
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password());
		ExecutorService threads = Executors.newCachedThreadPool();
		try {
			assertThat(sample.property("server.shutdown")).isEqualTo("graceful");
			RawHttp http = sample.http(Duration.ofSeconds(30));

			// A stream of fast writes from two clients, running until well after the
			// close.
			List<Outcome> fast = Collections.synchronizedList(new ArrayList<>());
			AtomicBoolean stop = new AtomicBoolean();
			AtomicInteger sequence = new AtomicInteger();
			List<Future<?>> writers = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				writers.add(threads.submit(() -> {
					while (!stop.get() && sequence.get() < 5_000) {
						String name = "fast-" + sequence.incrementAndGet();
						Outcome outcome = send(() -> http.post("/api/heroes",
								"{\"name\":\"" + name + "\",\"secretName\":\"SECRET-fast\"}"), name);
						fast.add(outcome);
						Thread.sleep((outcome.status() == 201) ? 1 : 20);
					}
					return null;
				}));
			}
			long warm = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (created(fast) < 50 && System.nanoTime() < warm) {
				Thread.sleep(10);
			}

			// Slow writes that hold open transactions while the instance closes.
			List<Future<Outcome>> slow = new ArrayList<>();
			for (int i = 0; i < SLOW_IN_FLIGHT; i++) {
				String name = "slow-" + i;
				slow.add(threads.submit(() -> send(() -> http.send("POST",
						"/test/slow-heroes?name=" + name + "&millis=" + SLOW.toMillis(), null, null, Map.of()), name)));
			}
			// In flight means inside their transactions, asleep in PostgreSQL: the pool's
			// active connections also count the fast writers'.
			JdbcClient observer = ProxiedDatabase.direct(database);
			long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
			while (sleeping(observer) < SLOW_IN_FLIGHT && System.nanoTime() < deadline) {
				Thread.sleep(5);
			}
			assertThat(sleeping(observer)).isGreaterThanOrEqualTo(SLOW_IN_FLIGHT);

			long closeStarted = System.nanoTime();
			Future<Long> closing = threads.submit(() -> {
				sample.close();
				return System.nanoTime();
			});
			Thread.sleep(300);
			// New clients while the in-flight requests finish.
			List<Outcome> duringShutdown = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				String name = "late-" + i;
				duringShutdown.add(send(
						() -> http.post("/api/heroes", "{\"name\":\"" + name + "\",\"secretName\":\"SECRET-late\"}"),
						name));
			}
			long closed = closing.get(60, TimeUnit.SECONDS);
			stop.set(true);
			for (Future<?> writer : writers) {
				writer.get(60, TimeUnit.SECONDS);
			}
			List<Outcome> slowOutcomes = new ArrayList<>();
			for (Future<Outcome> future : slow) {
				slowOutcomes.add(future.get(60, TimeUnit.SECONDS));
			}

			JdbcClient jdbc = ProxiedDatabase.direct(database);
			Map<String, Map<String, Object>> rows = new TreeMap<>();
			jdbc.sql("SELECT id, name, secret_name FROM hero")
				.query()
				.listOfRows()
				.forEach((row) -> rows.put((String) row.get("name"), row));
			List<Outcome> all = new ArrayList<>();
			all.addAll(fast);
			all.addAll(slowOutcomes);
			all.addAll(duringShutdown);
			Set<String> acknowledged = all.stream()
				.filter((outcome) -> outcome.status() == 201)
				.map(Outcome::name)
				.collect(Collectors.toSet());

			this.figures.put("slowInFlight", SLOW_IN_FLIGHT)
				.put("slowCompleted201", slowOutcomes.stream().filter((outcome) -> outcome.status() == 201).count())
				.put("fastRequests", fast.size())
				.put("fastOutcomes", histogram(fast))
				.put("newDuringShutdown", histogram(duringShutdown))
				.put("slowestNewDuringShutdown",
						Figures.millis(duringShutdown.stream().mapToLong(Outcome::nanos).max().orElse(0)))
				.put("closeTook", Figures.millis(closed - closeStarted))
				.put("rowsInTable", rows.size())
				.put("acknowledgedWrites", acknowledged.size())
				.put("acknowledgedMissing", acknowledged.stream().filter((name) -> !rows.containsKey(name)).count())
				.put("rowsWithoutAcknowledgement",
						rows.keySet().stream().filter((name) -> !acknowledged.contains(name)).count());

			assertThat(slowOutcomes).allSatisfy((outcome) -> assertThat(outcome.status()).isEqualTo(201));
			assertThat(Duration.ofNanos(closed - closeStarted)).as("the close waited for the slow requests")
				.isGreaterThan(SLOW.minusMillis(1_000));
			assertThat(duringShutdown).allSatisfy((outcome) -> {
				assertThat(outcome.status()).as("new request during shutdown: %s", outcome).isIn(Outcome.REFUSED, 503);
				assertThat(Duration.ofNanos(outcome.nanos())).isLessThan(Duration.ofSeconds(2));
			});
			// Fast requests: answered (201) before the close, or refused (connection
			// refused or reset before any
			// answer) after it; never an error status, never a broken answer.
			assertThat(fast).allSatisfy((outcome) -> assertThat(outcome.status()).as("fast request %s", outcome)
				.isIn(201, 503, Outcome.REFUSED, Outcome.RESET));
			assertThat(created(fast)).isGreaterThanOrEqualTo(50);
			assertThat(rows.keySet()).as("the database holds exactly the acknowledged writes")
				.containsExactlyInAnyOrderElementsOf(acknowledged);
			assertThat(rows.values())
				.allSatisfy((row) -> assertThat((String) row.get("secret_name")).startsWith("SECRET-"));
		}
		finally {
			threads.shutdownNow();
			if (sample.context().isActive()) {
				sample.close();
			}
			TestPostgres.server().dropDatabase(database);
		}
	}

	private static Outcome send(Request request, String name) {
		long start = System.nanoTime();
		try {
			RawHttp.Response response = request.send();
			return new Outcome(name, response.status(), System.nanoTime() - start);
		}
		catch (ConnectException ex) {
			return new Outcome(name, Outcome.REFUSED, System.nanoTime() - start);
		}
		catch (IOException ex) {
			return new Outcome(name, Outcome.RESET, System.nanoTime() - start);
		}
	}

	private static long created(List<Outcome> outcomes) {
		synchronized (outcomes) {
			return outcomes.stream().filter((outcome) -> outcome.status() == 201).count();
		}
	}

	private static Map<String, Long> histogram(List<Outcome> outcomes) {
		return outcomes.stream().collect(Collectors.groupingBy(Outcome::describe, TreeMap::new, Collectors.counting()));
	}

	@FunctionalInterface
	interface Request {

		RawHttp.Response send() throws IOException;

	}

	record Outcome(String name, int status, long nanos) {

		/** The connection was refused: nothing reached the server. */
		static final int REFUSED = -1;

		/** The connection was closed without an answer. */
		static final int RESET = -2;

		String describe() {
			return switch (this.status) {
				case REFUSED -> "refused";
				case RESET -> "closed-without-answer";
				default -> String.valueOf(this.status);
			};
		}

	}

	private static long sleeping(JdbcClient observer) {
		return observer
			.sql("SELECT count(*) FROM pg_stat_activity WHERE state = 'active' AND query LIKE '%pg_sleep%'"
					+ " AND pid <> pg_backend_pid()")
			.query(Long.class)
			.single();
	}

}
