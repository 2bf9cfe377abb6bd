package io.github.crudkit.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import io.github.crudkit.sample.support.Api;
import io.github.crudkit.sample.support.Api.Response;
import io.github.crudkit.sample.support.SampleIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.github.crudkit.sample.support.Problems.assertFieldProblem;
import static io.github.crudkit.sample.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sixteen requests released at once against one resource: unique names hold,
 * {@code If-Match} lets exactly one writer win, and without it no update is ever lost
 * silently.
 */
@SampleIntegrationTest
class ConcurrencyIntegrationTests {

	private static final int REQUESTS = 16;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Api api;

	ExecutorService pool;

	@BeforeEach
	void setUp() {
		this.pool = Executors.newFixedThreadPool(REQUESTS);
	}

	@AfterEach
	void tearDown() throws InterruptedException {
		this.pool.shutdownNow();
		assertThat(this.pool.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
	}

	@Test
	void concurrentCreatesOfOneNameMakeExactlyOneTeam() throws Exception {
		String name = Api.unique("Rush");

		List<Response> responses = race((i) -> this.api.post("/api/teams", Map.of("name", name)));

		assertOneCreatedRestConflicting(responses, name);
	}

	@Test
	void concurrentCreatesOfOneNameInDifferentCasesMakeExactlyOneTeam() throws Exception {
		String name = Api.unique("Stampede");

		List<Response> responses = race((i) -> this.api.post("/api/teams",
				Map.of("name", (i % 2 == 0) ? name.toUpperCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT))));

		assertOneCreatedRestConflicting(responses, name);
	}

	@Test
	void concurrentPatchesWithTheSameIfMatchHaveExactlyOneWinner() throws Exception {
		Response hero = createHero();
		String path = "/api/heroes/" + hero.id();
		long version = versionOf(hero);

		List<Response> responses = race(
				(i) -> this.api.patch(path, Map.of("age", 100 + i), Map.of("If-Match", hero.header("ETag"))));

		List<Integer> winners = indexesWithStatus(responses, 200);
		assertThat(winners).as(statuses(responses)).hasSize(1);
		int winner = winners.get(0);
		for (int i = 0; i < REQUESTS; i++) {
			if (i != winner) {
				Response loser = responses.get(i);
				assertThat(loser.status()).as(loser.body()).isIn(409, 412);
				assertProblem(loser, loser.status(), path);
			}
		}
		Response won = responses.get(winner);
		assertThat(won.json().get("age").asInt()).isEqualTo(100 + winner);
		assertThat(versionOf(won)).isEqualTo(version + 1);
		assertThat(storedAge(hero.id())).isEqualTo(100 + winner);
		assertThat(storedVersion(hero.id())).isEqualTo(version + 1);
		Response read = this.api.get(path);
		assertThat(read.json().get("age").asInt()).isEqualTo(100 + winner);
		assertThat(read.header("ETag")).isEqualTo(won.header("ETag"));
	}

	@Test
	void concurrentPatchesWithoutIfMatchNeverLoseAnUpdateSilently() throws Exception {
		Response hero = createHero();
		String path = "/api/heroes/" + hero.id();
		long version = versionOf(hero);

		List<Response> responses = race((i) -> this.api.patch(path, Map.of("age", 200 + i)));

		assertThat(responses).as(statuses(responses)).allSatisfy((response) -> {
			assertThat(response.status()).isIn(200, 409);
			if (response.status() == 409) {
				assertProblem(response, 409, path);
			}
		});
		List<Response> applied = responses.stream().filter((response) -> response.status() == 200).toList();
		assertThat(applied).isNotEmpty();
		// Every 200 is one committed change: the versions it reports are consecutive, one
		// each.
		assertThat(applied.stream().map(ConcurrencyIntegrationTests::versionOf).sorted().toList())
			.isEqualTo(LongStream.rangeClosed(version + 1, version + applied.size()).boxed().toList());
		assertThat(storedVersion(hero.id())).isEqualTo(version + applied.size());
		Response last = applied.stream().max(Comparator.comparingLong(ConcurrencyIntegrationTests::versionOf)).get();
		int stored = storedAge(hero.id());
		assertThat(applied.stream().map((response) -> response.json().get("age").asInt()).toList()).contains(stored);
		assertThat(stored).isEqualTo(last.json().get("age").asInt());
		assertThat(this.api.get(path).header("ETag")).isEqualTo(last.header("ETag"));
	}

	@Test
	void concurrentDeletesOfOneHeroDeleteItOnce() throws Exception {
		Response hero = createHero();
		String path = "/api/heroes/" + hero.id();

		List<Response> responses = race((i) -> this.api.delete(path));

		assertThat(indexesWithStatus(responses, 204)).as(statuses(responses)).hasSize(1);
		assertThat(responses).allSatisfy((response) -> {
			assertThat(response.status()).isIn(204, 404, 409);
			if (response.status() != 204) {
				assertProblem(response, response.status(), path);
			}
		});
		assertThat(this.jdbc.sql("select count(*) from hero where id = ?").param(hero.id()).query(Long.class).single())
			.isZero();
	}

	/**
	 * Send {@value #REQUESTS} requests from as many threads, released together by one
	 * start gate.
	 */
	private List<Response> race(IntFunction<Response> request) throws InterruptedException, ExecutionException {
		CountDownLatch ready = new CountDownLatch(REQUESTS);
		CountDownLatch start = new CountDownLatch(1);
		List<Future<Response>> futures = new ArrayList<>();
		for (int i = 0; i < REQUESTS; i++) {
			int index = i;
			futures.add(this.pool.submit(() -> {
				ready.countDown();
				start.await();
				return request.apply(index);
			}));
		}
		assertThat(ready.await(30, TimeUnit.SECONDS)).as("all threads ready").isTrue();
		start.countDown();
		List<Response> responses = new ArrayList<>();
		for (Future<Response> future : futures) {
			try {
				responses.add(future.get(60, TimeUnit.SECONDS));
			}
			catch (ExecutionException ex) {
				if (ex.getCause() instanceof AssertionError failure) {
					throw failure;
				}
				throw ex;
			}
			catch (TimeoutException ex) {
				throw new AssertionError("a request did not finish within 60 seconds", ex);
			}
		}
		return responses;
	}

	private void assertOneCreatedRestConflicting(List<Response> responses, String name) {
		List<Integer> created = indexesWithStatus(responses, 201);
		assertThat(created).as(statuses(responses)).hasSize(1);
		assertThat(indexesWithStatus(responses, 409)).hasSize(REQUESTS - 1);
		responses.stream()
			.filter((response) -> response.status() == 409)
			.forEach((response) -> assertFieldProblem(response, 409, "/api/teams", "name"));
		long id = responses.get(created.get(0)).id();
		assertThat(
				this.jdbc.sql("select id from team where lower(name) = lower(?)").param(name).query(Long.class).list())
			.containsExactly(id);
	}

	private Response createHero() {
		Response response = this.api.post("/api/heroes",
				Map.of("name", Api.unique("Contested"), "secretName", Api.secret(), "age", 1));
		assertThat(response.status()).isEqualTo(201);
		return response;
	}

	private static List<Integer> indexesWithStatus(List<Response> responses, int status) {
		return IntStream.range(0, responses.size()).filter((i) -> responses.get(i).status() == status).boxed().toList();
	}

	private static String statuses(List<Response> responses) {
		return "statuses " + responses.stream().map(Response::status).toList();
	}

	private static long versionOf(Response response) {
		String eTag = response.header("ETag");
		assertThat(eTag).as("ETag").matches("\"\\d+\"");
		return Long.parseLong(eTag.substring(1, eTag.length() - 1));
	}

	private int storedAge(long id) {
		return this.jdbc.sql("select age from hero where id = ?").param(id).query(Integer.class).single();
	}

	private long storedVersion(long id) {
		return this.jdbc.sql("select version from hero where id = ?").param(id).query(Long.class).single();
	}

}
