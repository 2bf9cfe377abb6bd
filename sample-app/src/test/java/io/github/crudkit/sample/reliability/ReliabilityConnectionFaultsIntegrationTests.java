package io.github.crudkit.sample.reliability;

import java.io.IOException;
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
import io.github.crudkit.test.faults.TcpProxy;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connection to PostgreSQL breaks while four clients write and two read: every
 * connection reset; new connections refused while the server ends the open sessions (as a
 * server shutting down does); a partition that silently drops everything; and a cut that
 * falls during a statement, during a {@code COMMIT} and during a {@code ROLLBACK}. Every
 * answer is a 2xx or a 4xx, or a 503 problem with {@code Retry-After}, never a 500, and
 * comes within 5 s; the service recovers after the restore; every write acknowledged with
 * a 201 is in the database.
 */
class ReliabilityConnectionFaultsIntegrationTests {

	private static final int WRITERS = 4;

	private static final List<String> READS = List.of("/api/heroes?size=5", "/api/teams?size=5");

	/**
	 * What any client waits at most, in every mode.
	 */
	private static final Duration LIMIT = Duration.ofSeconds(5);

	/**
	 * How long the reset and refused modes last.
	 */
	private static final Duration OUTAGE = Duration.ofMillis(1_500);

	/**
	 * How long the partition lasts: longer than every timeout, so that requests caught in
	 * it must be ended by a timeout.
	 */
	private static final Duration PARTITION = Duration.ofMillis(5_500);

	private static final int ROUNDS = 2;

	private static final String TAKEN = "Taken team";

	private static ProxiedDatabase database;

	/**
	 * The sample with the starter's defaults.
	 */
	private static SampleInstance sample;

	/**
	 * The sample with {@code prepareThreshold=0}, so that the driver sends the text of
	 * every statement, {@code COMMIT} and {@code ROLLBACK} each time and the proxy can
	 * cut on it.
	 */
	private static SampleInstance unprepared;

	@BeforeAll
	static void start() throws IOException {
		database = ProxiedDatabase.create();
		sample = SampleInstance.start(List.of(SlowHeroes.class), database.proxiedArguments());
		List<String> arguments = new ArrayList<>(List.of(database.proxiedArguments()));
		arguments.add("--spring.datasource.hikari.data-source-properties.prepareThreshold=0");
		unprepared = SampleInstance.start(arguments.toArray(String[]::new));
		assertThat(sample.http(Duration.ofSeconds(30)).post("/api/teams", "{\"name\":\"" + TAKEN + "\"}").status())
			.isEqualTo(201);
	}

	@AfterAll
	static void stop() {
		unprepared.close();
		sample.close();
		database.close();
	}

	@Test
	void connectionsResetAnswer503AndLoseNothing() throws Exception {
		Scenario scenario = new Scenario("reset", sample);
		scenario.run(() -> {
			proxy().cut();
			Thread.sleep(OUTAGE.toMillis());
		});
		scenario.verify();
	}

	@Test
	void newConnectionsRefusedWhileTheServerEndsTheSessionsAnswer503AndLoseNothing() throws Exception {
		Scenario scenario = new Scenario("refused", sample);
		scenario.run(() -> {
			proxy().refuse();
			// As PostgreSQL shutting down: the sessions end with 57P01.
			database.direct()
				.sql("SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity"
						+ " WHERE datname = current_database() AND pid <> pg_backend_pid()")
				.query(Long.class)
				.single();
			Thread.sleep(OUTAGE.toMillis());
		});
		scenario.verify();
	}

	@Test
	void partitionAnswers503WithinFiveSecondsAndLosesNothing() throws Exception {
		Scenario scenario = new Scenario("partition", sample);
		scenario.run(() -> {
			proxy().blackhole();
			Thread.sleep(PARTITION.toMillis());
		});
		scenario.verify();
	}

	@Test
	void cutDuringAStatementAnswers503AndLosesNothing() throws Exception {
		cutOn("during-statement", "insert into hero ");
	}

	@Test
	void cutDuringCommitAnswers503AndLosesNothing() throws Exception {
		cutOn("during-commit", "COMMIT");
	}

	@Test
	void cutDuringRollbackAnswers503AndLosesNothing() throws Exception {
		cutOn("during-rollback", "ROLLBACK");
	}

	@Test
	void statementPastTheStatementTimeoutIsCancelledBeforeTheSocketTimeout() throws Exception {
		RawHttp http = sample.http(Duration.ofSeconds(30));

		RawHttp.Response response = http.send("POST", "/test/slow-heroes?name=faults-too-slow&millis=6000", null, null,
				Map.of());

		new Figures("connection-faults").put("tooSlowStatement",
				response.status() + " after " + Figures.millis(response.nanos()));
		assertThat(response.status()).as(response.body()).isEqualTo(503);
		assertThat(response.header("Retry-After")).isNotBlank();
		// The statement timeout (3 s) ended it, not the socket timeout (4 s): the
		// connection was not lost.
		assertThat(response.latency()).isBetween(Duration.ofMillis(2_900), Duration.ofMillis(3_900));
		assertThat(database.direct()
			.sql("SELECT count(*) FROM hero WHERE name = 'faults-too-slow'")
			.query(Long.class)
			.single()).isZero();
	}

	private void cutOn(String name, String text) throws Exception {
		Scenario scenario = new Scenario(name, unprepared);
		scenario.run(() -> {
			for (int round = 1; round <= ROUNDS; round++) {
				database.awaitCut((proxy) -> proxy.cutOnUpstream(text), "cut on " + text + " in round " + round);
				Thread.sleep(300);
				if (round < ROUNDS) {
					scenario.restoreAndAwaitRecovery();
				}
			}
		});
		scenario.verify();
	}

	private static TcpProxy proxy() {
		return database.proxy();
	}

	/**
	 * One fault under load: four writers (every third request a team whose name is taken,
	 * a 409 after a failed insert, so that transactions roll back) and two readers (pages
	 * of heroes and of teams, read without a transaction), from before the fault until
	 * shortly after the restore.
	 */
	private static final class Scenario {

		private final String name;

		private final RawHttp http;

		private final Figures figures;

		private final List<Answer> answers = Collections.synchronizedList(new ArrayList<>());

		private final AtomicInteger sequence = new AtomicInteger();

		private final AtomicBoolean stop = new AtomicBoolean();

		private long faultAt;

		private long restoredAt;

		private final List<Long> recoveries = new ArrayList<>();

		Scenario(String name, SampleInstance instance) {
			this.name = name;
			this.http = instance.http(Duration.ofSeconds(60));
			this.figures = new Figures("connection-faults-" + name);
		}

		void run(Fault fault) throws Exception {
			ExecutorService clients = Executors.newFixedThreadPool(WRITERS + READS.size());
			try {
				List<Future<?>> running = new ArrayList<>();
				for (int i = 0; i < WRITERS; i++) {
					running.add(clients.submit(this::write));
				}
				for (String target : READS) {
					running.add(clients.submit(() -> read(target)));
				}
				awaitCreatedAfter(Long.MIN_VALUE, 10);
				this.faultAt = System.nanoTime();
				fault.run();
				restoreAndAwaitRecovery();
				Thread.sleep(500);
				this.stop.set(true);
				for (Future<?> client : running) {
					client.get(90, TimeUnit.SECONDS);
				}
			}
			finally {
				this.stop.set(true);
				proxy().restore();
				clients.shutdownNow();
			}
		}

		void restoreAndAwaitRecovery() throws InterruptedException {
			this.restoredAt = System.nanoTime();
			proxy().restore();
			Answer first = awaitCreatedAfter(this.restoredAt, 1);
			this.recoveries.add(first.endedAt() - this.restoredAt);
		}

		void verify() {
			List<Answer> all = List.copyOf(this.answers);
			Map<Integer, Long> statuses = all.stream()
				.collect(Collectors.groupingBy(Answer::status, TreeMap::new, Collectors.counting()));
			List<Answer> wrong = all.stream().filter((answer) -> !answer.isAcceptable()).toList();
			Answer slowest = all.stream().max(java.util.Comparator.comparingLong(Answer::nanos)).orElseThrow();
			List<Answer> created = all.stream().filter((answer) -> answer.status() == 201).toList();
			Map<String, Long> stored = new TreeMap<>();
			database.direct()
				.sql("SELECT name, id FROM hero WHERE name LIKE ?")
				.param("faults-" + this.name + "-%")
				.query()
				.listOfRows()
				.forEach((row) -> stored.put((String) row.get("name"), ((Number) row.get("id")).longValue()));
			List<Answer> lost = created.stream()
				.filter((answer) -> !Long.valueOf(answer.id()).equals(stored.get(answer.hero())))
				.toList();
			Set<String> unacknowledged = all.stream()
				.filter((answer) -> answer.status() == 503 && answer.hero() != null)
				.map(Answer::hero)
				.filter(stored::containsKey)
				.collect(Collectors.toSet());
			this.figures.put("requests", all.size())
				.put("statuses", statuses)
				.put("slowest", Figures.millis(slowest.nanos()) + " (" + slowest.status() + ")")
				.put("faultLasted", Figures.millis(this.restoredAt - this.faultAt))
				.put("recoveryFirst201",
						this.recoveries.stream().map(Figures::millis).collect(Collectors.joining(", ")))
				.put("created201", created.size())
				.put("lost", lost.size())
				.put("committedDespite503", unacknowledged.size())
				.put("wrong", wrong);

			assertThat(wrong).as("answers other than 2xx, 4xx or a 503 problem with Retry-After: %s", statuses)
				.isEmpty();
			assertThat(statuses).as("the fault must be seen").containsKey(503);
			assertThat(all).allSatisfy((answer) -> assertThat(Duration.ofNanos(answer.nanos()))
				.as("latency of %s %s (%d)", answer.method(), answer.target(), answer.status())
				.isLessThan(LIMIT));
			assertThat(lost).as("acknowledged writes missing from the database").isEmpty();
		}

		private @Nullable Void write() {
			while (!this.stop.get()) {
				int n = this.sequence.incrementAndGet();
				if (n % 3 == 0) {
					this.answers.add(send("POST", "/api/teams", null, "{\"name\":\"" + TAKEN + "\"}"));
				}
				else {
					String hero = "faults-" + this.name + "-" + n;
					this.answers.add(send("POST", "/api/heroes", hero, "{\"name\":\"" + hero
							+ "\",\"secretName\":\"SECRET-" + n + "\",\"age\":" + (n % 100) + "}"));
				}
			}
			return null;
		}

		private @Nullable Void read(String target) {
			while (!this.stop.get()) {
				this.answers.add(send("GET", target, null, null));
			}
			return null;
		}

		private Answer send(String method, String target, @Nullable String hero, @Nullable String body) {
			long start = System.nanoTime();
			try {
				RawHttp.Response response = (body != null) ? this.http.post(target, body) : this.http.get(target);
				long id = (hero != null && response.status() == 201) ? response.json().get("id").asLong() : 0;
				return new Answer(method, target, hero, response.status(), id, response.header("Retry-After"),
						response.isProblem(), start, System.nanoTime());
			}
			catch (IOException ex) {
				// No answer at all: status 0, which is not acceptable.
				return new Answer(method, target, hero, 0, 0, null, false, start, System.nanoTime());
			}
		}

		private Answer awaitCreatedAfter(long after, int count) throws InterruptedException {
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (System.nanoTime() < deadline) {
				List<Answer> created;
				synchronized (this.answers) {
					created = this.answers.stream()
						.filter((answer) -> answer.status() == 201 && answer.hero() != null
								&& answer.startedAt() >= after)
						.toList();
				}
				if (created.size() >= count) {
					return created.get(count - 1);
				}
				Thread.sleep(10);
			}
			throw new AssertionError(this.name + ": fewer than " + count + " heroes created within 30 s");
		}

	}

	@FunctionalInterface
	private interface Fault {

		void run() throws Exception;

	}

	private record Answer(String method, String target, @Nullable String hero, int status, long id,
			@Nullable String retryAfter, boolean problem, long startedAt, long endedAt) {

		long nanos() {
			return this.endedAt - this.startedAt;
		}

		boolean isAcceptable() {
			if (status() == 503) {
				return this.retryAfter != null && !this.retryAfter.isBlank() && this.problem;
			}
			return status() >= 200 && status() < 500;
		}

		@Override
		public String toString() {
			return this.method + " " + this.target + " " + this.status + " in " + Figures.millis(nanos());
		}

	}

}
