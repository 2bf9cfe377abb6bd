package io.github.crudkit.sample.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.github.crudkit.test.postgres.TestDatabase;
import io.github.crudkit.test.postgres.TestPostgres;
import org.junit.jupiter.api.Test;

import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances start at the same moment on one fresh database: Liquibase's lock lets
 * exactly one migrate, both come up, and concurrent writes through both keep unique names
 * unique and let exactly one of two conditional updates win.
 */
class ReliabilityTwoInstancesIntegrationTests {

	private static final int ROUNDS = 20;

	private final Figures figures = new Figures("two-instances");

	@Test
	void bothStartOneMigratesAndConcurrentWritesThroughBothStayConsistent() throws Exception {
		TestDatabase database = TestPostgres.server().createDatabase();
		// Liquibase polls a held lock every 10 s by default; 1 s keeps the waiting
		// instance's start short.
		System.setProperty("liquibase.changelogLockPollRate", "1");
		ExecutorService threads = Executors.newFixedThreadPool(2);
		List<SampleInstance> instances = new ArrayList<>();
		try {
			CountDownLatch gate = new CountDownLatch(1);
			List<Future<Started>> starting = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				starting.add(threads.submit(() -> {
					gate.await();
					long start = System.nanoTime();
					SampleInstance instance = SampleInstance.start(database);
					return new Started(instance, System.nanoTime() - start);
				}));
			}
			gate.countDown();
			List<Long> startTimes = new ArrayList<>();
			for (Future<Started> future : starting) {
				Started started = future.get(180, TimeUnit.SECONDS);
				instances.add(started.instance());
				startTimes.add(started.nanos());
			}
			SampleInstance first = instances.get(0);
			SampleInstance second = instances.get(1);
			RawHttp one = first.http(Duration.ofSeconds(30));
			RawHttp two = second.http(Duration.ofSeconds(30));

			JdbcClient jdbc = ProxiedDatabase.direct(database);
			// One changeset per file of the sample, and the one of crudkit's
			// Idempotency-Key
			// table that the master changelog includes.
			int changeSetFiles = new PathMatchingResourcePatternResolver()
				.getResources("classpath:db/changelog/changes/*.yaml").length + 1;
			long rows = jdbc.sql("SELECT count(*) FROM databasechangelog").query(Long.class).single();
			long distinct = jdbc.sql("SELECT count(DISTINCT (id, author, filename)) FROM databasechangelog")
				.query(Long.class)
				.single();
			long deployments = jdbc.sql("SELECT count(DISTINCT deployment_id) FROM databasechangelog")
				.query(Long.class)
				.single();
			boolean locked = jdbc.sql("SELECT bool_or(locked) FROM databasechangeloglock")
				.query(Boolean.class)
				.single();

			Map<String, Integer> teamOutcomes = new TreeMap<>();
			Map<String, Integer> patchOutcomes = new TreeMap<>();
			for (int round = 0; round < ROUNDS; round++) {
				String name = "Twin team " + round;
				String body = "{\"name\":\"" + ((round % 2 == 0) ? name : name.toUpperCase(java.util.Locale.ROOT))
						+ "\"}";
				List<RawHttp.Response> teams = race(threads, () -> one.post("/api/teams", body),
						() -> two.post("/api/teams", body.replace(name, name.toLowerCase(java.util.Locale.ROOT))));
				teamOutcomes.merge(outcome(teams), 1, Integer::sum);
				assertThat(outcome(teams)).as("creating %s through both", name).isEqualTo("201+409");

				RawHttp.Response hero = one.post("/api/heroes",
						"{\"name\":\"Twin hero " + round + "\",\"secretName\":\"SECRET-twin\",\"age\":1}");
				assertThat(hero.status()).isEqualTo(201);
				String path = "/api/heroes/" + hero.json().get("id").asLong();
				Map<String, String> ifMatch = Map.of("If-Match", hero.header("ETag"));
				List<RawHttp.Response> patches = race(threads, () -> one.patch(path, "{\"age\":100}", ifMatch),
						() -> two.patch(path, "{\"age\":200}", ifMatch));
				String patchOutcome = outcome(patches);
				patchOutcomes.merge(patchOutcome, 1, Integer::sum);
				assertThat(patchOutcome).as("patching %s through both", path).isIn("200+412", "200+409");
				int winnerAge = (patches.get(0).status() == 200) ? 100 : 200;
				assertThat(jdbc.sql("SELECT age FROM hero WHERE id = ?")
					.param(hero.json().get("id").asLong())
					.query(Integer.class)
					.single()).isEqualTo(winnerAge);
			}
			long teamsStored = jdbc.sql("SELECT count(*) FROM team WHERE lower(name) LIKE 'twin team %'")
				.query(Long.class)
				.single();

			this.figures.put("startTimes", startTimes.stream().map(Figures::millis).toList())
				.put("changeSetsInChangelog", changeSetFiles)
				.put("changeLogRows", rows)
				.put("distinctChangeSets", distinct)
				.put("migratingDeployments", deployments)
				.put("lockHeldAfterStart", locked)
				.put("rounds", ROUNDS)
				.put("sameTeamThroughBoth", teamOutcomes)
				.put("teamsStored", teamsStored)
				.put("samePatchSameIfMatchThroughBoth", patchOutcomes);

			assertThat(rows).isEqualTo(changeSetFiles).isEqualTo(distinct);
			assertThat(deployments).as("one instance ran every changeset").isEqualTo(1);
			assertThat(locked).isFalse();
			assertThat(one.get("/actuator/health").status()).isEqualTo(200);
			assertThat(two.get("/actuator/health").status()).isEqualTo(200);
			assertThat(teamsStored).isEqualTo(ROUNDS);
		}
		finally {
			System.clearProperty("liquibase.changelogLockPollRate");
			instances.forEach(SampleInstance::close);
			threads.shutdownNow();
			TestPostgres.server().dropDatabase(database);
		}
	}

	private static List<RawHttp.Response> race(ExecutorService threads, Callable<RawHttp.Response> a,
			Callable<RawHttp.Response> b) throws Exception {
		CountDownLatch gate = new CountDownLatch(1);
		Future<RawHttp.Response> first = threads.submit(() -> {
			gate.await();
			return a.call();
		});
		Future<RawHttp.Response> second = threads.submit(() -> {
			gate.await();
			return b.call();
		});
		gate.countDown();
		return List.of(first.get(30, TimeUnit.SECONDS), second.get(30, TimeUnit.SECONDS));
	}

	private static String outcome(List<RawHttp.Response> responses) {
		return responses.stream()
			.map(RawHttp.Response::status)
			.sorted()
			.map(String::valueOf)
			.reduce((x, y) -> x + "+" + y)
			.orElse("");
	}

	record Started(SampleInstance instance, long nanos) {

	}

}
