package io.github.crudkit.sample.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.github.crudkit.test.faults.TcpProxy;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients that retry every 503 with the request's {@code Idempotency-Key}, as the
 * contract tells them to, while the connection to PostgreSQL breaks: every connection
 * reset; a cut during {@code COMMIT}, which never lands; and a cut of the answer to
 * {@code COMMIT}, which did land, so that the write is in the database while its client
 * got a 503. Each write ends acknowledged exactly once: no write is lost, none is
 * doubled, and a retry of a write that was committed unbeknown to its client is answered
 * from the record ({@code Idempotent-Replayed: true}) with the id of the row. The same
 * clients without a key, through the lost answers, store such writes twice.
 */
class ReliabilityIdempotentRetriesIntegrationTests {

	private static final int WRITERS = 4;

	private static final int ROUNDS = 2;

	/**
	 * How long a client waits before a retry. A real client waits Retry-After (5 s); the
	 * test retries sooner to stay short.
	 */
	private static final Duration BACKOFF = Duration.ofMillis(50);

	/**
	 * How long a client retries one write before it counts the write as lost.
	 */
	private static final Duration GIVE_UP = Duration.ofSeconds(60);

	private static ProxiedDatabase database;

	/**
	 * The sample with {@code prepareThreshold=0}, so that the driver sends the text of
	 * every {@code COMMIT} and the proxy can cut on it.
	 */
	private static SampleInstance sample;

	@BeforeAll
	static void start() {
		database = ProxiedDatabase.create();
		List<String> arguments = new ArrayList<>(List.of(database.proxiedArguments()));
		arguments.add("--spring.datasource.hikari.data-source-properties.prepareThreshold=0");
		sample = SampleInstance.start(arguments.toArray(String[]::new));
	}

	@AfterAll
	static void stop() {
		sample.close();
		database.close();
	}

	@Test
	void connectionsResetRetriedWritesLandOnce() throws Exception {
		Scenario scenario = new Scenario("reset");
		scenario.run(() -> {
			proxy().cut();
			Thread.sleep(1_500);
		});
		scenario.verify(false);
	}

	@Test
	void commitCutBeforeItLandsRetriedWritesLandOnce() throws Exception {
		Scenario scenario = new Scenario("commit-lost");
		scenario.run(() -> cutInRounds(scenario, (proxy) -> proxy.cutOnUpstream("COMMIT")));
		scenario.verify(false);
	}

	@Test
	void answerToALandedCommitLostRetriedWritesAreAnsweredFromTheRecord() throws Exception {
		Scenario scenario = new Scenario("answer-lost");
		scenario.run(() -> cutInRounds(scenario, (proxy) -> proxy.cutAnswerTo("COMMIT")));
		scenario.verify(true);
	}

	@Test
	void withoutAKeyTheSameRetriesStoreWritesTwice() throws Exception {
		Scenario scenario = new Scenario("unkeyed", false);
		scenario.run(() -> cutInRounds(scenario, (proxy) -> proxy.cutAnswerTo("COMMIT")));
		scenario.verifyDoubled();
	}

	private static void cutInRounds(Scenario scenario, Consumer<TcpProxy> arm) throws Exception {
		for (int round = 1; round <= ROUNDS; round++) {
			database.awaitCut(arm, "cut in round " + round);
			Thread.sleep(300);
			if (round < ROUNDS) {
				proxy().restore();
				scenario.awaitAcknowledged(10);
			}
		}
	}

	private static TcpProxy proxy() {
		return database.proxy();
	}

	/**
	 * One fault under load: four clients, each sending one write after another (a new
	 * hero, with a new key), each write retried with its key after every 503 until it is
	 * acknowledged.
	 */
	private static final class Scenario {

		private final String name;

		private final RawHttp http;

		private final Figures figures;

		private final List<Write> writes = Collections.synchronizedList(new ArrayList<>());

		private final AtomicInteger sequence = new AtomicInteger();

		private final AtomicBoolean stop = new AtomicBoolean();

		private final boolean keyed;

		Scenario(String name) {
			this(name, true);
		}

		Scenario(String name, boolean keyed) {
			this.name = name;
			this.keyed = keyed;
			this.http = sample.http(Duration.ofSeconds(30));
			this.figures = new Figures("idempotent-retries-" + name);
		}

		void run(Fault fault) throws Exception {
			ExecutorService clients = Executors.newFixedThreadPool(WRITERS);
			try {
				List<Future<?>> running = new ArrayList<>();
				for (int i = 0; i < WRITERS; i++) {
					running.add(clients.submit(this::write));
				}
				awaitAcknowledged(10);
				fault.run();
				proxy().restore();
				awaitAcknowledged(10);
				Thread.sleep(300);
				this.stop.set(true);
				for (Future<?> client : running) {
					client.get(GIVE_UP.toSeconds() + 30, TimeUnit.SECONDS);
				}
			}
			finally {
				this.stop.set(true);
				proxy().restore();
				clients.shutdownNow();
			}
		}

		/**
		 * Wait until the given number of writes more are acknowledged.
		 */
		void awaitAcknowledged(int count) throws InterruptedException {
			int target = acknowledged() + count;
			long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
			while (acknowledged() < target) {
				if (System.nanoTime() > deadline) {
					throw new AssertionError(this.name + ": fewer than " + count + " writes acknowledged within 30 s");
				}
				Thread.sleep(10);
			}
		}

		private int acknowledged() {
			synchronized (this.writes) {
				return (int) this.writes.stream().filter(Write::acknowledged).count();
			}
		}

		/**
		 * Verify the control: the answers as with keys, and at least one write stored
		 * twice per cut.
		 */
		void verifyDoubled() {
			Map<String, List<Long>> rows = rows();
			List<String> doubled = rows.entrySet()
				.stream()
				.filter((entry) -> entry.getValue().size() > 1)
				.map(Map.Entry::getKey)
				.toList();
			this.figures.put("writes", this.writes.size())
				.put("rowsInTable", rows.values().stream().mapToInt(List::size).sum())
				.put("duplicates", doubled.size());
			assertThat(doubled).as("writes stored twice without a key").hasSizeGreaterThanOrEqualTo(ROUNDS);
		}

		private Map<String, List<Long>> rows() {
			Map<String, List<Long>> rows = new TreeMap<>();
			database.direct()
				.sql("SELECT name, id FROM hero WHERE name LIKE ? ORDER BY id")
				.param("retries-" + this.name + "-%")
				.query()
				.listOfRows()
				.forEach((row) -> rows.computeIfAbsent((String) row.get("name"), (key) -> new ArrayList<>())
					.add(((Number) row.get("id")).longValue()));
			return rows;
		}

		void verify(boolean commitsLandUnacknowledged) {
			List<Write> all = List.copyOf(this.writes);
			Map<String, List<Long>> rows = rows();
			List<Write> unacknowledged = all.stream().filter((write) -> !write.acknowledged()).toList();
			List<Write> lost = all.stream()
				.filter(Write::acknowledged)
				.filter((write) -> !List.of(write.id()).equals(rows.get(write.hero())))
				.toList();
			List<String> doubled = rows.entrySet()
				.stream()
				.filter((entry) -> entry.getValue().size() > 1)
				.map(Map.Entry::getKey)
				.toList();
			List<String> strays = rows.keySet()
				.stream()
				.filter((hero) -> all.stream().noneMatch((write) -> write.hero().equals(hero)))
				.toList();
			List<Write> retried = all.stream().filter((write) -> write.attempts().size() > 1).toList();
			List<Write> replayedAfter503 = retried.stream()
				.filter((write) -> write.attempts().get(0).status() == 503 && write.replayed())
				.toList();
			Map<Integer, Long> statuses = all.stream()
				.flatMap((write) -> write.attempts().stream())
				.collect(Collectors.groupingBy(Attempt::status, TreeMap::new, Collectors.counting()));
			List<Attempt> wrong = all.stream()
				.flatMap((write) -> write.attempts().stream())
				.filter((attempt) -> !attempt.isAcceptable())
				.toList();
			this.figures.put("writes", all.size())
				.put("attempts", all.stream().mapToInt((write) -> write.attempts().size()).sum())
				.put("statuses", statuses)
				.put("retriedWrites", retried.size())
				.put("committedDespite503AnsweredByReplay", replayedAfter503.size())
				.put("rowsInTable", rows.values().stream().mapToInt(List::size).sum())
				.put("unacknowledged", unacknowledged.size())
				.put("lost", lost.size())
				.put("duplicates", doubled.size())
				.put("wrong", wrong);

			assertThat(wrong).as("answers other than 201, a 503 problem with Retry-After, or 409 for a key in use")
				.isEmpty();
			assertThat(statuses).as("the fault must be seen").containsKey(503);
			assertThat(unacknowledged).as("writes never acknowledged").isEmpty();
			assertThat(lost).as("acknowledged writes missing from the database, or with another id").isEmpty();
			assertThat(doubled).as("writes stored twice").isEmpty();
			assertThat(strays).as("rows no client wrote").isEmpty();
			assertThat(rows).hasSize(all.size());
			if (commitsLandUnacknowledged) {
				assertThat(replayedAfter503)
					.as("writes committed although their client got a 503, answered from the " + "record on retry")
					.hasSizeGreaterThanOrEqualTo(ROUNDS);
			}
		}

		private @Nullable Void write() throws InterruptedException {
			while (!this.stop.get()) {
				int n = this.sequence.incrementAndGet();
				String hero = "retries-" + this.name + "-" + n;
				String key = "key-" + hero;
				byte[] body = ("{\"name\":\"" + hero + "\",\"secretName\":\"SECRET-" + n + "\",\"age\":" + (n % 100)
						+ "}")
					.getBytes(StandardCharsets.UTF_8);
				List<Attempt> attempts = new ArrayList<>();
				long deadline = System.nanoTime() + GIVE_UP.toNanos();
				Attempt last;
				do {
					if (!attempts.isEmpty()) {
						Thread.sleep(BACKOFF.toMillis());
					}
					last = send(key, body);
					attempts.add(last);
				}
				while (last.status() != 201 && last.isRetryable() && System.nanoTime() < deadline);
				this.writes.add(new Write(hero, List.copyOf(attempts)));
			}
			return null;
		}

		private Attempt send(String key, byte[] body) {
			try {
				RawHttp.Response response = this.http.send("POST", "/api/heroes", "application/json", body,
						this.keyed ? Map.of("Idempotency-Key", key) : Map.of());
				long id = (response.status() == 201) ? response.json().get("id").asLong() : 0;
				return new Attempt(response.status(), id, "true".equals(response.header("Idempotent-Replayed")),
						response.header("Retry-After"), response.isProblem());
			}
			catch (IOException ex) {
				// No answer at all: status 0, retried, but not acceptable.
				return new Attempt(0, 0, false, null, false);
			}
		}

	}

	@FunctionalInterface
	private interface Fault {

		void run() throws Exception;

	}

	/**
	 * One write: a hero, sent with one key until it was acknowledged.
	 */
	private record Write(String hero, List<Attempt> attempts) {

		boolean acknowledged() {
			return last().status() == 201;
		}

		long id() {
			return last().id();
		}

		boolean replayed() {
			return last().replayed();
		}

		private Attempt last() {
			return this.attempts.get(this.attempts.size() - 1);
		}

	}

	private record Attempt(int status, long id, boolean replayed, @Nullable String retryAfter, boolean problem) {

		boolean isRetryable() {
			return this.status == 503 || this.status == 409 || this.status == 0;
		}

		boolean isAcceptable() {
			if (this.status == 503) {
				return this.retryAfter != null && !this.retryAfter.isBlank() && this.problem;
			}
			return this.status == 201 || (this.status == 409 && this.problem);
		}

	}

}
