package io.github.crudkit.sample;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.github.crudkit.sample.support.Api;
import io.github.crudkit.sample.support.Api.Response;
import io.github.crudkit.sample.support.SampleIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.github.crudkit.sample.support.Problems.assertFieldProblem;
import static io.github.crudkit.sample.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract's "Retries: Idempotency-Key": every POST and PATCH takes a key; a retry
 * with it gets the recorded answer (same status, body and headers, plus
 * {@code Idempotent-Replayed: true}) and runs nothing; the key with another request is a
 * 422, while its first request runs a 409; a malformed key is a 400 naming the header; a
 * failed request records nothing; PUT and DELETE ignore the key; concurrent requests with
 * one key write once.
 */
@SampleIntegrationTest
class IdempotencyIntegrationTests {

	private static final String KEY = "Idempotency-Key";

	private static final String REPLAYED = "Idempotent-Replayed";

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	Environment environment;

	@Test
	void aRetriedCreateAnswersTheRecordedResponseAndCreatesNothing() {
		String key = key();
		String name = Api.unique("Replayed");
		Map<String, Object> hero = Map.of("name", name, "secretName", Api.secret(), "age", 30);

		Response first = this.api.post("/api/heroes", hero, Map.of(KEY, key));
		Response retry = this.api.post("/api/heroes", hero, Map.of(KEY, key));

		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(first.header(REPLAYED)).isNull();
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.header(REPLAYED)).isEqualTo("true");
		assertThat(retry.body()).isEqualTo(first.body());
		for (String header : List.of("Location", "ETag", "Content-Type")) {
			assertThat(retry.header(header)).as(header).isNotNull().isEqualTo(first.header(header));
		}
		assertThat(heroesNamed(name)).containsExactly(first.id());
		assertThat(recordsOf(key)).isOne();
	}

	@Test
	void aRetriedPatchAnswersTheRecordedResponseAndChangesNothingMore() {
		Response created = this.api.post("/api/heroes",
				Map.of("name", Api.unique("Patched"), "secretName", Api.secret(), "age", 1));
		String path = "/api/heroes/" + created.id();
		String key = key();

		Response first = this.api.patch(path, Map.of("age", 2), Map.of(KEY, key));
		Response retry = this.api.patch(path, Map.of("age", 2), Map.of(KEY, key));

		assertThat(first.status()).as(first.body()).isEqualTo(200);
		assertThat(first.header("ETag")).isEqualTo("\"1\"");
		assertThat(retry.status()).isEqualTo(200);
		assertThat(retry.header(REPLAYED)).isEqualTo("true");
		assertThat(retry.header("ETag")).isEqualTo("\"1\"");
		assertThat(retry.body()).isEqualTo(first.body());
		assertThat(
				this.jdbc.sql("select version from hero where id = ?").param(created.id()).query(Long.class).single())
			.isOne();
	}

	@Test
	void aRetriedBulkCreateAnswersTheSameIdsAndInsertsNothingMore() {
		String name = Api.unique("Bulk replayed");
		Map<String, Object> bulk = Map.of("items", List.of(Map.of("name", name, "secretName", Api.secret()),
				Map.of("name", name, "secretName", Api.secret())));
		String key = key();

		Response first = this.api.post("/api/heroes/bulk", bulk, Map.of(KEY, key));
		Response retry = this.api.post("/api/heroes/bulk", bulk, Map.of(KEY, key));

		assertThat(first.status()).as(first.body()).isEqualTo(201);
		assertThat(retry.status()).isEqualTo(201);
		assertThat(retry.header(REPLAYED)).isEqualTo("true");
		assertThat(retry.json().get("ids")).isEqualTo(first.json().get("ids"));
		assertThat(heroesNamed(name)).hasSize(2);
	}

	@Test
	void theSameKeyWithAnotherRequestIsUnprocessableAndRunsNothing() {
		String key = key();
		String name = Api.unique("Original");
		Response first = this.api.post("/api/teams", Map.of("name", name), Map.of(KEY, key));
		assertThat(first.status()).isEqualTo(201);
		String other = Api.unique("Other body");

		Response otherBody = this.api.post("/api/teams", Map.of("name", other), Map.of(KEY, key));
		Response otherQuery = this.api.post("/api/teams?x=1", Map.of("name", name), Map.of(KEY, key));
		Response otherPath = this.api.post("/api/heroes", Map.of("name", name), Map.of(KEY, key));
		Response otherMethod = this.api.patch("/api/teams/" + first.id(), Map.of("name", name), Map.of(KEY, key));

		JsonNode problem = assertProblem(otherBody, 422, "/api/teams");
		assertThat(problem.get("detail").asString()).contains("Idempotency-Key").contains("different request");
		assertProblem(otherQuery, 422, "/api/teams");
		assertProblem(otherPath, 422, "/api/heroes");
		assertProblem(otherMethod, 422, "/api/teams/" + first.id());
		assertThat(this.jdbc.sql("select count(*) from team where name = ?").param(other).query(Long.class).single())
			.isZero();
		assertThat(this.jdbc.sql("select version from team where id = ?").param(first.id()).query(Long.class).single())
			.isZero();
	}

	@Test
	void aMalformedKeyIsABadRequestNamingTheHeader() throws Exception {
		for (String key : List.of("", "x".repeat(256), "tab\there")) {
			Response response = this.api.post("/api/teams", Map.of("name", Api.unique("Malformed")), Map.of(KEY, key));

			JsonNode problem = assertFieldProblem(response, 400, "/api/teams", KEY);
			assertThat(problem.get("detail").asString()).as("%s", key).contains(KEY);
		}
		// java.net.http sends "?" for what is not ASCII: raw bytes, UTF-8.
		String nonAscii = rawPost("/api/teams", "{\"name\":\"" + Api.unique("Accented") + "\"}", KEY + ": caf\u00e9");
		assertThat(nonAscii).startsWith("HTTP/1.1 400 ").contains("\"field\":\"" + KEY + "\"");
		assertThat(this.api.post("/api/teams", Map.of("name", Api.unique("Longest")), Map.of(KEY, "x".repeat(255)))
			.status()).isEqualTo(201);
		assertThat(
				this.api.post("/api/teams", Map.of("name", Api.unique("Printable")), Map.of(KEY, " !~:\"{}")).status())
			.isEqualTo(201);
		// Sent twice: which one would count?
		HttpResponse<String> twice = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port() + "/api/teams"))
				.header("Content-Type", "application/json")
				.header(KEY, key())
				.header(KEY, key())
				.POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"" + Api.unique("Twice") + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(twice.statusCode()).isEqualTo(400);
		assertThat(twice.body()).contains("\"field\":\"" + KEY + "\"").contains("once");
	}

	@Test
	void aFailedRequestRecordsNothingAndTheKeyMayBeUsedAgain() {
		String key = key();
		String name = Api.unique("Retried after failures");

		Response invalid = this.api.post("/api/heroes", Map.of("name", name), Map.of(KEY, key));
		Response unknownTeam = this.api.post("/api/heroes",
				Map.of("name", name, "secretName", Api.secret(), "teamId", 999_999_999), Map.of(KEY, key));
		assertThat(recordsOf(key)).isZero();
		Response created = this.api.post("/api/heroes", Map.of("name", name, "secretName", Api.secret()),
				Map.of(KEY, key));

		assertFieldProblem(invalid, 400, "/api/heroes", "secretName");
		assertFieldProblem(unknownTeam, 422, "/api/heroes", "teamId");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		assertThat(created.header(REPLAYED)).isNull();
		assertThat(heroesNamed(name)).containsExactly(created.id());
		assertThat(recordsOf(key)).isOne();
	}

	@Test
	void aConflictRollsBackAndRecordsNothing() {
		String name = Api.unique("Taken");
		assertThat(this.api.post("/api/teams", Map.of("name", name)).status()).isEqualTo(201);
		String key = key();

		Response duplicate = this.api.post("/api/teams", Map.of("name", name), Map.of(KEY, key));
		Response again = this.api.post("/api/teams", Map.of("name", name), Map.of(KEY, key));

		assertFieldProblem(duplicate, 409, "/api/teams", "name");
		assertFieldProblem(again, 409, "/api/teams", "name");
		assertThat(again.header(REPLAYED)).isNull();
		assertThat(recordsOf(key)).isZero();
	}

	@Test
	void putAndDeleteIgnoreTheKey() {
		Response created = this.api.post("/api/heroes",
				Map.of("name", Api.unique("Deleted"), "secretName", Api.secret()));
		String path = "/api/heroes/" + created.id();
		String key = key();

		// Not even read: a malformed key is no 400 here.
		Response put = this.api.send("PUT", path, Map.of("name", "x"), "application/json", Map.of(KEY, ""));
		Response deleted = this.api.delete(path, Map.of(KEY, key));
		Response deletedAgain = this.api.delete(path, Map.of(KEY, key));

		assertThat(put.status()).isEqualTo(405);
		assertThat(deleted.status()).isEqualTo(204);
		assertProblem(deletedAgain, 404, path);
		assertThat(deletedAgain.header(REPLAYED)).isNull();
		assertThat(recordsOf(key)).isZero();
	}

	@Test
	void theSameKeyWhileItsFirstRequestRunsIsAConflictWithoutWaiting() throws Exception {
		String name = Api.unique("Held");
		String key = key();
		ExecutorService client = Executors.newSingleThreadExecutor();
		try (Connection holder = this.dataSource.getConnection()) {
			// An uncommitted team of the same name: the first request's insert waits
			// for it on the unique index, holding the key.
			holder.setAutoCommit(false);
			try (PreparedStatement insert = holder.prepareStatement(
					"insert into team (id, name, version, created_at, updated_at) values (nextval('team_seq'), ?, 0, now(), now())")) {
				insert.setString(1, name);
				insert.executeUpdate();
			}
			Future<Response> first = client
				.submit(() -> this.api.post("/api/teams", Map.of("name", name), Map.of(KEY, key)));
			awaitKeyLockHeld();

			long start = System.nanoTime();
			Response second = this.api.post("/api/teams", Map.of("name", name), Map.of(KEY, key));
			Duration waited = Duration.ofNanos(System.nanoTime() - start);
			boolean firstStillRunning = !first.isDone();
			holder.rollback();
			Response firstResponse = first.get(10, TimeUnit.SECONDS);
			Response third = this.api.post("/api/teams", Map.of("name", name), Map.of(KEY, key));

			JsonNode problem = assertProblem(second, 409, "/api/teams");
			assertThat(problem.get("detail").asString()).contains("still being processed");
			assertThat(firstStillRunning).as("the first request was still running").isTrue();
			assertThat(waited).isLessThan(Duration.ofSeconds(1));
			assertThat(firstResponse.status()).as(firstResponse.body()).isEqualTo(201);
			assertThat(third.status()).isEqualTo(201);
			assertThat(third.header(REPLAYED)).isEqualTo("true");
			assertThat(third.body()).isEqualTo(firstResponse.body());
		}
		finally {
			client.shutdownNow();
		}
	}

	@Test
	void concurrentRequestsWithOneKeyWriteOnce() throws Exception {
		int requests = 16;
		String name = Api.unique("Raced");
		String key = key();
		Map<String, Object> hero = Map.of("name", name, "secretName", Api.secret(), "age", 7);
		ExecutorService pool = Executors.newFixedThreadPool(requests);
		List<Response> responses = new ArrayList<>();
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<CompletableFuture<Response>> futures = new ArrayList<>();
			for (int i = 0; i < requests; i++) {
				futures.add(CompletableFuture.supplyAsync(() -> {
					try {
						start.await();
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
					}
					return this.api.post("/api/heroes", hero, Map.of(KEY, key));
				}, pool));
			}
			start.countDown();
			for (CompletableFuture<Response> future : futures) {
				responses.add(future.get(60, TimeUnit.SECONDS));
			}
		}
		finally {
			pool.shutdownNow();
		}

		List<Response> ran = responses.stream()
			.filter((response) -> response.status() == 201 && response.header(REPLAYED) == null)
			.toList();
		List<Response> replayed = responses.stream()
			.filter((response) -> response.status() == 201 && "true".equals(response.header(REPLAYED)))
			.toList();
		List<Response> inUse = responses.stream().filter((response) -> response.status() == 409).toList();
		assertThat(ran).as("answers that ran the request").hasSize(1);
		assertThat(replayed.size() + inUse.size()).as("replays and 409s").isEqualTo(requests - 1);
		assertThat(replayed).allSatisfy((response) -> assertThat(response.body()).isEqualTo(ran.get(0).body()));
		inUse.forEach((response) -> assertProblem(response, 409, "/api/heroes"));
		assertThat(heroesNamed(name)).containsExactly(ran.get(0).id());
	}

	@Test
	void aRecordHoldsTheAnswerNotTheSecret() {
		String key = key();
		String secret = Api.secret();
		Response created = this.api.post("/api/heroes", Map.of("name", Api.unique("Recorded"), "secretName", secret),
				Map.of(KEY, key));

		Map<String, Object> record = this.jdbc.sql(
				"select status, content_type, headers, convert_from(body, 'UTF8') as body, length(fingerprint) as fingerprint"
						+ " from crudkit_idempotency_key where idempotency_key = ?")
			.param(key)
			.query()
			.singleRow();

		assertThat(record.get("status")).isEqualTo(201);
		assertThat(record.get("content_type")).isEqualTo(created.header("Content-Type"));
		assertThat(record.get("headers"))
			.isEqualTo("Location: " + created.header("Location") + "\nETag: " + created.header("ETag"));
		assertThat(record.get("body")).isEqualTo(created.body());
		assertThat(record.get("body").toString()).doesNotContain(secret);
		assertThat(record.get("fingerprint")).isEqualTo(32);
	}

	private void awaitKeyLockHeld() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(2).toNanos();
		while (System.nanoTime() < deadline) {
			long held = this.jdbc
				.sql("select count(*) from pg_locks where locktype = 'advisory' and granted"
						+ " and database = (select oid from pg_database where datname = current_database())")
				.query(Long.class)
				.single();
			if (held > 0) {
				return;
			}
			Thread.sleep(5);
		}
		throw new AssertionError("the first request did not take the key's lock within 2 s");
	}

	private List<Long> heroesNamed(String name) {
		return this.jdbc.sql("select id from hero where name = ? order by id").param(name).query(Long.class).list();
	}

	private long recordsOf(String key) {
		return this.jdbc.sql("select count(*) from crudkit_idempotency_key where idempotency_key = ?")
			.param(key)
			.query(Long.class)
			.single();
	}

	private String rawPost(String path, String body, String header) throws IOException {
		try (Socket socket = new Socket("localhost", port())) {
			socket.setSoTimeout(10_000);
			byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
			String head = "POST " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n"
					+ "Content-Type: application/json\r\nContent-Length: " + bytes.length + "\r\n" + header
					+ "\r\n\r\n";
			OutputStream out = socket.getOutputStream();
			out.write(head.getBytes(StandardCharsets.UTF_8));
			out.write(bytes);
			out.flush();
			return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	private int port() {
		return this.environment.getRequiredProperty("local.server.port", Integer.class);
	}

	private static String key() {
		return UUID.randomUUID().toString();
	}

}
