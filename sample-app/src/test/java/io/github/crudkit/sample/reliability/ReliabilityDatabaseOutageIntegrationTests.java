package io.github.crudkit.sample.reliability;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The database disappears for several seconds while clients write continuously: every
 * request is answered within the connection timeout (503 with {@code Retry-After}, never
 * a 500 or a hang), health reports DOWN, the service recovers on its own, and every write
 * that was acknowledged with a 201 is in the database.
 */
class ReliabilityDatabaseOutageIntegrationTests {

	private static final int WRITERS = 2;

	private static final int MAX_REQUESTS = 2_000;

	private static final Duration OUTAGE = Duration.ofSeconds(6);

	/**
	 * What the client waits at most: the connection timeout plus a margin for a busy CI
	 * machine.
	 */
	private static final Duration MARGIN = Duration.ofMillis(2_000);

	private final Figures figures = new Figures("database-outage");

	@Test
	void writesDuringAnOutageFailFastWith503AndNoAcknowledgedWriteIsLost() throws Exception {
		try (ProxiedDatabase database = ProxiedDatabase.create();
				SampleInstance sample = SampleInstance.start(database.proxiedArguments())) {
			// crudkit's operational default, not a setting of this test.
			Duration connectionTimeout = Duration
				.ofMillis(Long.parseLong(sample.property("spring.datasource.hikari.connection-timeout")));
			assertThat(connectionTimeout).isEqualTo(Duration.ofSeconds(3));
			Duration limit = connectionTimeout.plus(MARGIN);
			RawHttp http = sample.http(Duration.ofSeconds(30));

			List<Write> writes = Collections.synchronizedList(new ArrayList<>());
			AtomicBoolean stop = new AtomicBoolean();
			AtomicInteger sequence = new AtomicInteger();
			ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
			List<Future<?>> running = new ArrayList<>();
			long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
			for (int i = 0; i < WRITERS; i++) {
				running.add(writers.submit(() -> {
					while (!stop.get() && System.nanoTime() < deadline) {
						int n = sequence.incrementAndGet();
						if (n > MAX_REQUESTS) {
							return null;
						}
						writes.add(write(http, n));
					}
					return null;
				}));
			}
			awaitCount(writes, 201, 20);

			long cutAt = System.nanoTime();
			database.proxy().cut();
			List<RawHttp.Response> healthDuringOutage = new ArrayList<>();
			while (System.nanoTime() - cutAt < OUTAGE.toNanos()) {
				healthDuringOutage.add(http.get("/actuator/health"));
			}
			// Kubernetes-style probes (the starter's defaults): not ready without the
			// database, but alive.
			RawHttp.Response readiness = http.get("/actuator/health/readiness");
			RawHttp.Response liveness = http.get("/actuator/health/liveness");
			long restoredAt = System.nanoTime();
			database.proxy().restore();

			long healthyAgainAt = 0;
			while (System.nanoTime() - restoredAt < Duration.ofSeconds(30).toNanos()) {
				if (http.get("/actuator/health").status() == 200) {
					healthyAgainAt = System.nanoTime();
					break;
				}
				Thread.sleep(50);
			}
			// Keep writing a little after the recovery, then stop.
			Thread.sleep(2_000);
			stop.set(true);
			for (Future<?> writer : running) {
				writer.get(60, TimeUnit.SECONDS);
			}
			writers.shutdown();

			List<Write> all = List.copyOf(writes);
			Map<Integer, Long> statuses = all.stream()
				.collect(Collectors.groupingBy(Write::status, TreeMap::new, Collectors.counting()));
			List<Write> created = all.stream().filter((write) -> write.status() == 201).toList();
			List<Write> unavailable = all.stream().filter((write) -> write.status() == 503).toList();
			List<Write> others = all.stream()
				.filter((write) -> write.status() != 201 && write.status() != 503)
				.toList();
			Write firstCreatedAfterRestore = created.stream()
				.filter((write) -> write.startedAt() >= restoredAt)
				.min(java.util.Comparator.comparingLong(Write::startedAt))
				.orElse(null);
			long slowest = all.stream().mapToLong(Write::nanos).max().orElse(0);
			long slowestHealth = healthDuringOutage.stream().mapToLong(RawHttp.Response::nanos).max().orElse(0);

			JdbcClient jdbc = database.direct();
			Map<String, Map<String, Object>> rowsByName = new TreeMap<>();
			jdbc.sql("SELECT id, name, secret_name, age FROM hero")
				.query()
				.listOfRows()
				.forEach((row) -> rowsByName.put((String) row.get("name"), row));
			long found = created.stream().filter((write) -> matches(rowsByName.get(write.name()), write)).count();
			long committedDespite503 = unavailable.stream()
				.filter((write) -> rowsByName.containsKey(write.name()))
				.count();

			this.figures.put("requests", all.size())
				.put("created201", created.size())
				.put("unavailable503", unavailable.size())
				.put("otherStatuses", others.size())
				.put("statuses", statuses)
				.put("outage", Figures.millis(restoredAt - cutAt))
				.put("slowestWrite", Figures.millis(slowest))
				.put("slowestHealthDuringOutage", Figures.millis(slowestHealth))
				.put("healthDuringOutage",
						healthDuringOutage.stream()
							.collect(Collectors.groupingBy(RawHttp.Response::status, TreeMap::new,
									Collectors.counting())))
				.put("probesDuringOutage", "readiness " + readiness.status() + ", liveness " + liveness.status())
				.put("rowsFound", found)
				.put("rowsLost", created.size() - found)
				.put("rowsInTable", rowsByName.size())
				.put("committedDespite503", committedDespite503)
				.put("recoveryFirst201",
						(firstCreatedAfterRestore != null)
								? Figures.millis(firstCreatedAfterRestore.endedAt() - restoredAt) : "never")
				.put("recoveryHealthUp", (healthyAgainAt != 0) ? Figures.millis(healthyAgainAt - restoredAt) : "never");

			assertThat(others).as("statuses other than 201 and 503: %s", statuses).isEmpty();
			assertThat(unavailable).as("the outage must be seen").isNotEmpty();
			assertThat(unavailable).allSatisfy((write) -> {
				assertThat(write.retryAfter()).as("Retry-After of a 503").isNotBlank();
				assertThat(write.problem()).as("503 is a problem+json").isTrue();
			});
			assertThat(all).allSatisfy((write) -> assertThat(Duration.ofNanos(write.nanos()))
				.as("latency of request %d (%d)", write.n(), write.status())
				.isLessThan(limit));
			// Every request sent well inside the outage and answered before its end is a
			// 503.
			assertThat(all.stream()
				.filter((write) -> write.startedAt() > cutAt + Duration.ofMillis(100).toNanos()
						&& write.endedAt() < restoredAt))
				.isNotEmpty()
				.allSatisfy((write) -> assertThat(write.status()).isEqualTo(503));
			assertThat(healthDuringOutage).isNotEmpty().allSatisfy((health) -> {
				assertThat(health.status()).isEqualTo(503);
				assertThat(health.json().get("status").asString()).isEqualTo("DOWN");
				assertThat(health.latency()).isLessThan(limit);
			});
			assertThat(readiness.status()).isEqualTo(503);
			assertThat(readiness.latency()).isLessThan(limit);
			assertThat(liveness.status()).isEqualTo(200);
			assertThat(healthyAgainAt).as("health UP again after the restore").isNotZero();
			assertThat(Duration.ofNanos(healthyAgainAt - restoredAt)).isLessThan(Duration.ofSeconds(10));
			assertThat(firstCreatedAfterRestore).as("a write succeeds again after the restore").isNotNull();
			assertThat(created.size() - found).as("acknowledged writes missing from the database").isZero();
			// Nothing half-applied: every row is one whole request, a 201 or (commit
			// acknowledged by the database
			// but not to the client) a 503, with every column as sent.
			Map<String, Write> byName = all.stream().collect(Collectors.toMap(Write::name, (write) -> write));
			assertThat(rowsByName.values()).allSatisfy((row) -> {
				Write write = byName.get((String) row.get("name"));
				assertThat(write).as("row %s belongs to a request", row).isNotNull();
				assertThat(matches(row, write)).as("row %s is whole", row).isTrue();
			});
			assertThat(rowsByName).hasSize((int) (found + committedDespite503));
		}
	}

	private static Write write(RawHttp http, int n) {
		String name = "outage-" + n;
		String body = "{\"name\":\"" + name + "\",\"secretName\":\"SECRET-" + n + "\",\"age\":" + (n % 1000) + "}";
		long start = System.nanoTime();
		try {
			RawHttp.Response response = http.post("/api/heroes", body);
			long id = (response.status() == 201) ? response.json().get("id").asLong() : 0;
			return new Write(n, name, response.status(), id, response.header("Retry-After"), response.isProblem(),
					start, System.nanoTime());
		}
		catch (IOException ex) {
			// No answer at all: counted as status 0, which the test refuses.
			return new Write(n, name, 0, 0, null, false, start, System.nanoTime());
		}
	}

	private static boolean matches(Map<String, Object> row, Write write) {
		return row != null && ((String) row.get("name")).equals(write.name())
				&& row.get("secret_name").equals("SECRET-" + write.n())
				&& ((Number) row.get("age")).intValue() == write.n() % 1000
				&& (write.status() != 201 || ((Number) row.get("id")).longValue() == write.id());
	}

	private static void awaitCount(List<Write> writes, int status, int count) throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			synchronized (writes) {
				if (writes.stream().filter((write) -> write.status() == status).count() >= count) {
					return;
				}
			}
			Thread.sleep(20);
		}
		throw new AssertionError("fewer than " + count + " writes answered " + status + ": " + writes);
	}

	record Write(int n, String name, int status, long id, String retryAfter, boolean problem, long startedAt,
			long endedAt) {

		long nanos() {
			return this.endedAt - this.startedAt;
		}

	}

}
