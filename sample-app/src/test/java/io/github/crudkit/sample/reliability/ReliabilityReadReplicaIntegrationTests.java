package io.github.crudkit.sample.reliability;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.github.crudkit.test.postgres.ReplicatedPostgres;
import io.github.crudkit.test.postgres.TestDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample on a primary and a streaming replica ({@link ReplicatedPostgres}, the
 * machine's PostgreSQL binaries): where reads go, read-your-writes against a delayed
 * replica, a replica that stops under load, and two instances behind a round-robin proxy.
 * Each scenario prints its figures as {@code RELIABILITY: replicas-...} lines.
 */
class ReliabilityReadReplicaIntegrationTests {

	private static final String HEADER = "Crudkit-Read-After";

	/**
	 * How long the two-instance scenario writes and reads:
	 * {@code -Dcrudkit.replicas.duration=30s} by default.
	 */
	private static final Duration LOAD = Duration
		.parse("PT" + System.getProperty("crudkit.replicas.duration", "30s").toUpperCase(Locale.ROOT));

	private static ReplicatedPostgres servers;

	@BeforeAll
	static void startServers() {
		servers = ReplicatedPostgres.start();
	}

	@AfterAll
	static void stopServers() {
		if (servers != null) {
			servers.close();
		}
	}

	@Test
	void readOnlyRequestsGoToTheReplicaAndWritesToThePrimary() throws Exception {
		Figures figures = new Figures("replicas-routed");
		servers.restartReplica(Duration.ZERO);
		TestDatabase database = database();
		try (SampleInstance instance = start(database)) {
			RawHttp http = instance.http(Duration.ofSeconds(30));
			List<Long> ids = new ArrayList<>();
			for (int i = 0; i < 20; i++) {
				ids.add(http.post("/api/heroes", hero("Routed " + i)).json().get("id").asLong());
			}
			servers.awaitReplay(Duration.ofSeconds(10));
			awaitServing(instance);
			Map<String, Long> primaryBefore = heroStatements(primary(database));
			Map<String, Long> replicaBefore = heroStatements(replica(database));
			double replicaReadsBefore = reads(instance, "replica-1");
			int gets = 0;
			for (int round = 0; round < 5; round++) {
				for (long id : ids) {
					assertThat(http.get("/api/heroes/" + id).status()).isEqualTo(200);
					gets++;
				}
				assertThat(http.get("/api/heroes?size=20&sort=name").status()).isEqualTo(200);
				gets++;
			}
			Map<String, Long> primaryAfter = heroStatements(primary(database));
			Map<String, Long> replicaAfter = heroStatements(replica(database));
			long primarySelects = primaryAfter.get("select") - primaryBefore.get("select");
			long replicaSelects = replicaAfter.get("select") - replicaBefore.get("select");
			figures.put("heroesWrittenThroughPrimary", primaryAfter.get("insert"))
				.put("insertsOnReplica", replicaAfter.get("insert"))
				.put("readRequests", gets)
				.put("heroSelectsOnReplica", replicaSelects)
				.put("heroSelectsOnPrimary", primarySelects)
				.put("routedToReplica(metric)", reads(instance, "replica-1") - replicaReadsBefore)
				.put("fallbacks(metric)", fallbacks(instance));
			assertThat(primaryAfter.get("insert")).as("hero inserts ran on the primary").isEqualTo(20);
			assertThat(replicaAfter.get("insert")).isZero();
			assertThat(replicaSelects).as("every read request read heroes on the replica").isGreaterThanOrEqualTo(gets);
			assertThat(primarySelects).as("no read request read heroes on the primary").isZero();
			assertThat(primary(database).sql("SELECT count(*) FROM databasechangelog").query(Long.class).single())
				.as("Liquibase migrated the primary")
				.isPositive();
		}
	}

	@Test
	void theWritingClientReadsItsWritesFromADelayedReplica() throws Exception {
		Figures figures = new Figures("replicas-read-your-writes");
		servers.restartReplica(Duration.ofSeconds(2));
		TestDatabase database = database();
		try (SampleInstance strict = start(database);
				SampleInstance lenient = start(database, "--crudkit.replica.max-lag=5s")) {
			awaitServing(strict);
			awaitServing(lenient);
			Map<String, Object> strictFigures = writeAndRead(strict, Duration.ofSeconds(6));
			Map<String, Object> lenientFigures = writeAndRead(lenient, Duration.ofSeconds(6));
			figures.put("applyDelay", "2s")
				.put("maxLag1s", strictFigures)
				.put("maxLag1s.fallbacks", fallbacks(strict))
				.put("maxLag5s", lenientFigures)
				.put("maxLag5s.fallbacks", fallbacks(lenient))
				.put("maxLag5s.replicaReads", reads(lenient, "replica-1"))
				.put("lsnCheck", positionChecks(lenient));
			assertThat(strictFigures.get("staleWithToken")).isEqualTo(0L);
			assertThat(lenientFigures.get("staleWithToken")).isEqualTo(0L);
			assertThat(strictFigures.get("staleWithoutTokenAfter2s"))
				.as("the replica lags more than max-lag=1s: reads without the token go to the primary")
				.isEqualTo(0L);
			assertThat((long) lenientFigures.get("staleWithoutTokenAfter2s"))
				.as("within max-lag=5s a client without the token reads the 2 s old replica")
				.isPositive();
			assertThat(fallbacks(strict)).containsKey("lag");
			assertThat(fallbacks(lenient)).containsKey("behind-write");
		}
		finally {
			servers.restartReplica(Duration.ZERO);
		}
	}

	@Test
	void aReplicaStoppedAndRestartedUnderLoadFailsNoRead() throws Exception {
		Figures figures = new Figures("replicas-outage");
		servers.restartReplica(Duration.ZERO);
		TestDatabase database = database();
		try (SampleInstance instance = start(database)) {
			RawHttp http = instance.http(Duration.ofSeconds(30));
			List<Long> ids = new ArrayList<>();
			for (int i = 0; i < 10; i++) {
				ids.add(http.post("/api/heroes", hero("Outage " + i)).json().get("id").asLong());
			}
			servers.awaitReplay(Duration.ofSeconds(10));
			awaitServing(instance);
			AtomicBoolean running = new AtomicBoolean(true);
			AtomicLong readsDone = new AtomicLong();
			Map<Integer, Long> failures = new ConcurrentHashMap<>();
			ExecutorService readers = Executors.newFixedThreadPool(4);
			List<Future<?>> futures = new ArrayList<>();
			for (int r = 0; r < 4; r++) {
				int reader = r;
				futures.add(readers.submit(() -> {
					int i = reader;
					while (running.get()) {
						String target = (i % 5 == 0) ? "/api/heroes?size=10" : "/api/heroes/" + ids.get(i % ids.size());
						int status;
						try {
							status = http.get(target).status();
						}
						catch (IOException ex) {
							status = -1;
						}
						if (status != 200) {
							failures.merge(status, 1L, Long::sum);
						}
						readsDone.incrementAndGet();
						i++;
					}
					return null;
				}));
			}
			List<String> health = Collections.synchronizedList(new ArrayList<>());
			long start = System.nanoTime();
			sampleHealth(http, health, Duration.ofSeconds(2));
			double replicaReadsBeforeStop = reads(instance, "replica-1");
			servers.stopReplica();
			long stoppedAt = System.nanoTime();
			sampleHealth(http, health, Duration.ofSeconds(3));
			double replicaReadsWhileDown = reads(instance, "replica-1");
			servers.startReplica();
			long restartedAt = System.nanoTime();
			String status = "";
			while (!status.equals("UP") && System.nanoTime() - restartedAt < Duration.ofSeconds(20).toNanos()) {
				status = healthStatus(http);
				health.add(status);
				Thread.sleep(100);
			}
			long upAfter = System.nanoTime() - restartedAt;
			sampleHealth(http, health, Duration.ofSeconds(2));
			running.set(false);
			for (Future<?> future : futures) {
				future.get(30, TimeUnit.SECONDS);
			}
			readers.shutdown();
			double replicaReadsAtEnd = reads(instance, "replica-1");
			figures.put("reads", readsDone.get())
				.put("failedReads", failures)
				.put("loadSeconds", Figures.millis(System.nanoTime() - start))
				.put("replicaDownFor", Figures.millis(restartedAt - stoppedAt))
				.put("healthSequence", collapse(health))
				.put("upAgainAfterRestart", Figures.millis(upAfter))
				.put("replicaReadsBeforeStop", replicaReadsBeforeStop)
				.put("replicaReadsAfterRestart", replicaReadsAtEnd - replicaReadsWhileDown)
				.put("fallbacks", fallbacks(instance));
			assertThat(failures).as("failed reads by status").isEmpty();
			assertThat(collapse(health)).containsSubsequence("UP", "DEGRADED", "UP");
			assertThat(replicaReadsAtEnd - replicaReadsWhileDown).as("the replica serves again").isPositive();
			assertThat(fallbacks(instance)).containsKey("unavailable");
		}
	}

	@Test
	void twoInstancesBehindARoundRobinProxyLoseAndDoubleNoWrite() throws Exception {
		Figures figures = new Figures("replicas-two-instances");
		servers.restartReplica(Duration.ZERO);
		TestDatabase database = database();
		try (SampleInstance one = start(database);
				SampleInstance two = start(database);
				RoundRobinProxy proxy = RoundRobinProxy.start(List.of(one.port(), two.port()))) {
			awaitServing(one);
			awaitServing(two);
			RawHttp http = new RawHttp(proxy.port(), Duration.ofSeconds(30));
			Map<Long, String> acknowledged = new ConcurrentHashMap<>();
			Map<String, Long> statuses = new ConcurrentHashMap<>();
			AtomicLong staleOwnReads = new AtomicLong();
			AtomicLong reads = new AtomicLong();
			AtomicBoolean running = new AtomicBoolean(true);
			ExecutorService threads = Executors.newFixedThreadPool(12);
			List<Future<?>> futures = new ArrayList<>();
			for (int w = 0; w < 4; w++) {
				int writer = w;
				futures.add(threads.submit(() -> {
					String token = null;
					int n = 0;
					while (running.get()) {
						String name = "RR writer " + writer + " hero " + n++;
						RawHttp.Response created = http.send("POST", "/api/heroes", "application/json",
								hero(name).getBytes(java.nio.charset.StandardCharsets.UTF_8), headers(token));
						statuses.merge("POST " + created.status(), 1L, Long::sum);
						if (created.status() != 201) {
							continue;
						}
						long id = created.json().get("id").asLong();
						acknowledged.put(id, name);
						token = created.header(HEADER);
						RawHttp.Response read = http.send("GET", "/api/heroes/" + id, null, null, headers(token));
						statuses.merge("GET own " + read.status(), 1L, Long::sum);
						if (read.status() != 200 || !name.equals(read.json().get("name").asString())) {
							staleOwnReads.incrementAndGet();
						}
						if (read.header(HEADER) != null) {
							token = read.header(HEADER);
						}
					}
					return null;
				}));
			}
			for (int r = 0; r < 8; r++) {
				int reader = r;
				futures.add(threads.submit(() -> {
					int i = reader;
					while (running.get()) {
						String target = (i % 4 == 0) ? "/api/heroes?size=20&sort=name" : "/api/heroes?size=5";
						RawHttp.Response response = http.get(target);
						statuses.merge("GET " + response.status(), 1L, Long::sum);
						reads.incrementAndGet();
						i++;
					}
					return null;
				}));
			}
			Thread.sleep(LOAD.toMillis());
			running.set(false);
			for (Future<?> future : futures) {
				future.get(60, TimeUnit.SECONDS);
			}
			threads.shutdown();
			servers.awaitReplay(Duration.ofSeconds(20));
			JdbcClient jdbc = primary(database);
			long rows = jdbc.sql("SELECT count(*) FROM hero WHERE name LIKE 'RR writer %'").query(Long.class).single();
			long distinctNames = jdbc.sql("SELECT count(DISTINCT name) FROM hero WHERE name LIKE 'RR writer %'")
				.query(Long.class)
				.single();
			Set<Long> seenByOne = listAll(one.http(Duration.ofSeconds(30)));
			Set<Long> seenByTwo = listAll(two.http(Duration.ofSeconds(30)));
			long fivexx = statuses.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().matches(".* 5\\d\\d"))
				.mapToLong(Map.Entry::getValue)
				.sum();
			figures.put("load", LOAD)
				.put("writers", 4)
				.put("readers", 8)
				.put("statuses", new java.util.TreeMap<>(statuses))
				.put("acknowledgedWrites", acknowledged.size())
				.put("rowsStored", rows)
				.put("distinctNamesStored", distinctNames)
				.put("staleOwnReadsWithToken", staleOwnReads.get())
				.put("readerRequests", reads.get())
				.put("acknowledgedReadableFromInstanceOne", seenByOne.containsAll(acknowledged.keySet()))
				.put("acknowledgedReadableFromInstanceTwo", seenByTwo.containsAll(acknowledged.keySet()))
				.put("instanceOne.reads", Map.of("replica", reads(one, "replica-1"), "primary", reads(one, "primary")))
				.put("instanceTwo.reads", Map.of("replica", reads(two, "replica-1"), "primary", reads(two, "primary")))
				.put("instanceOne.fallbacks", fallbacks(one))
				.put("instanceTwo.fallbacks", fallbacks(two));
			assertThat(fivexx).as("5xx answers").isZero();
			assertThat(acknowledged).isNotEmpty();
			assertThat(rows).as("no write lost or doubled").isEqualTo(acknowledged.size()).isEqualTo(distinctNames);
			assertThat(staleOwnReads.get()).isZero();
			assertThat(seenByOne).containsAll(acknowledged.keySet());
			assertThat(seenByTwo).containsAll(acknowledged.keySet());
			assertThat(reads(one, "replica-1")).isPositive();
			assertThat(reads(two, "replica-1")).isPositive();
		}
	}

	/**
	 * One writing client per call: each write (a POST, then a PATCH of the same hero) is
	 * read back at once twice, by the writer with the token its response carried, and by
	 * another client without it. A read that does not show the write is stale.
	 */
	private static Map<String, Object> writeAndRead(SampleInstance instance, Duration duration) throws IOException {
		RawHttp http = instance.http(Duration.ofSeconds(30));
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		// Until the monitor has seen the replica fall behind (max-lag and a check
		// later), a read without the token may go to it: stale within max-lag.
		long settled = start + Duration.ofSeconds(2).toNanos();
		long writes = 0;
		long staleWithToken = 0;
		long staleWithoutToken = 0;
		long staleWithoutTokenOnceSettled = 0;
		String token = null;
		int n = 0;
		while (System.nanoTime() < end) {
			RawHttp.Response created = http.send("POST", "/api/heroes", "application/json",
					hero("Consistent " + n++).getBytes(java.nio.charset.StandardCharsets.UTF_8), headers(token));
			assertThat(created.status()).isEqualTo(201);
			token = created.header(HEADER);
			assertThat(token).as("a write's response carries its position").isNotNull();
			writes++;
			long id = created.json().get("id").asLong();
			String path = "/api/heroes/" + id;
			if (http.send("GET", path, null, null, headers(token)).status() != 200) {
				staleWithToken++;
			}
			if (http.get(path).status() != 200) {
				staleWithoutToken++;
				staleWithoutTokenOnceSettled += (System.nanoTime() > settled) ? 1 : 0;
			}
			RawHttp.Response patched = http.patch(path, "{\"age\":77}",
					withToken(Map.of("If-Match", created.header("ETag")), token));
			assertThat(patched.status()).isEqualTo(200);
			token = patched.header(HEADER);
			writes++;
			if (http.send("GET", path, null, null, headers(token)).json().get("age").asInt() != 77) {
				staleWithToken++;
			}
			RawHttp.Response anonymous = http.get(path);
			if (anonymous.status() != 200 || anonymous.json().get("age").asInt() != 77) {
				staleWithoutToken++;
				staleWithoutTokenOnceSettled += (System.nanoTime() > settled) ? 1 : 0;
			}
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("writes", writes);
		result.put("staleWithToken", staleWithToken);
		result.put("staleWithoutToken", staleWithoutToken);
		result.put("staleWithoutTokenAfter2s", staleWithoutTokenOnceSettled);
		return result;
	}

	private static Map<String, String> headers(String token) {
		return (token != null) ? Map.of(HEADER, token) : Map.of();
	}

	private static Map<String, String> withToken(Map<String, String> headers, String token) {
		Map<String, String> all = new LinkedHashMap<>(headers);
		if (token != null) {
			all.put(HEADER, token);
		}
		return all;
	}

	private static Set<Long> listAll(RawHttp http) throws IOException {
		Set<Long> ids = new HashSet<>();
		long after = 0;
		while (true) {
			RawHttp.Response response = http.get("/api/heroes?size=100&after=" + after);
			assertThat(response.status()).isEqualTo(200);
			JsonNode page = response.json();
			for (JsonNode hero : page.get("content")) {
				ids.add(hero.get("id").asLong());
			}
			JsonNode next = page.get("page").get("next");
			if (next == null || next.isNull()) {
				return ids;
			}
			after = next.asLong();
		}
	}

	private static void sampleHealth(RawHttp http, List<String> health, Duration duration) throws Exception {
		long end = System.nanoTime() + duration.toNanos();
		while (System.nanoTime() < end) {
			health.add(healthStatus(http));
			Thread.sleep(100);
		}
	}

	private static String healthStatus(RawHttp http) throws IOException {
		RawHttp.Response response = http.get("/actuator/health");
		String status = response.json().get("status").asString();
		return (response.status() == 200) ? status : status + "(" + response.status() + ")";
	}

	private static List<String> collapse(List<String> statuses) {
		List<String> collapsed = new ArrayList<>();
		synchronized (statuses) {
			for (String status : statuses) {
				if (collapsed.isEmpty() || !collapsed.get(collapsed.size() - 1).equals(status)) {
					collapsed.add(status);
				}
			}
		}
		return collapsed;
	}

	private static TestDatabase database() {
		TestDatabase database = servers.createDatabase();
		primary(database).sql("CREATE EXTENSION IF NOT EXISTS pg_stat_statements").update();
		return database;
	}

	private static SampleInstance start(TestDatabase database, String... arguments) {
		List<String> all = new ArrayList<>(List.of("--crudkit.replica.url=" + servers.replicaUrl(database),
				"--management.endpoint.health.show-details=always",
				"--management.endpoint.health.show-components=always"));
		all.addAll(List.of(arguments));
		return SampleInstance.start(database, all.toArray(String[]::new));
	}

	/**
	 * Wait until the instance's monitor has seen the replica current, at most 20 s.
	 */
	private static void awaitServing(SampleInstance instance) throws Exception {
		RawHttp http = instance.http(Duration.ofSeconds(30));
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			if (healthStatus(http).equals("UP")) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("The replica never served: " + http.get("/actuator/health").body());
	}

	private static JdbcClient primary(TestDatabase database) {
		return ProxiedDatabase.direct(database);
	}

	private static JdbcClient replica(TestDatabase database) {
		return ProxiedDatabase
			.direct(new TestDatabase(database.name(), servers.replicaUrl(database), database.username(), ""));
	}

	/**
	 * Calls of statements on the hero table that pg_stat_statements counted on one
	 * server, by kind.
	 */
	private static Map<String, Long> heroStatements(JdbcClient jdbc) {
		String counts = "SELECT coalesce(sum(calls) FILTER (WHERE query ILIKE 'select%from hero %'), 0), "
				+ "coalesce(sum(calls) FILTER (WHERE query ILIKE 'insert into hero %'), 0) "
				+ "FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())";
		return jdbc.sql(counts).query((rs, n) -> Map.of("select", rs.getLong(1), "insert", rs.getLong(2))).single();
	}

	private static double reads(SampleInstance instance, String target) {
		var counter = instance.context()
			.getBean(MeterRegistry.class)
			.find("crudkit.replica.reads")
			.tag("target", target)
			.counter();
		return (counter != null) ? counter.count() : 0;
	}

	private static Map<String, Double> fallbacks(SampleInstance instance) {
		Map<String, Double> fallbacks = new java.util.TreeMap<>();
		instance.context()
			.getBean(MeterRegistry.class)
			.find("crudkit.replica.fallbacks")
			.counters()
			.forEach((counter) -> fallbacks.put(counter.getId().getTag("reason"), counter.count()));
		return fallbacks;
	}

	private static String positionChecks(SampleInstance instance) {
		Timer timer = instance.context().getBean(MeterRegistry.class).find("crudkit.replica.position.checks").timer();
		if (timer == null || timer.count() == 0) {
			return "none";
		}
		return String.format(Locale.ROOT, "count=%d mean=%.3fms max=%.3fms", timer.count(),
				timer.mean(TimeUnit.MILLISECONDS), timer.max(TimeUnit.MILLISECONDS));
	}

	private static String hero(String name) {
		return "{\"name\":\"" + name + "\",\"secretName\":\"SECRET-" + Math.abs(name.hashCode()) + "\",\"age\":30}";
	}

}
