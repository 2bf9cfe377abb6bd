package io.github.crudkit.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.github.crudkit.sample.support.Api;
import io.github.crudkit.sample.support.Api.Response;
import io.github.crudkit.sample.support.SampleIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The write-only {@code secretName} never reaches a log line: every error path of the
 * sample is driven with secrets (400, 409, 412, 413, 422, 503, a failing JDBC batch, a
 * failing row whose database error lists its values, races of writes), then every line
 * the application logged is scanned for them. The database rejects rows of a few names (a
 * CHECK constraint, a slow trigger) so that failures happen where the secret is bound to
 * a statement.
 */
@SampleIntegrationTest
@TestPropertySource(properties = { "crudkit.test.context=secrets-never-logged",
		"spring.datasource.hikari.data-source-properties.options=-c statement_timeout=1000" })
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverLoggedIntegrationTests {

	private static final String REFUSED = "Refused by the database";

	private static final String SLOW = "Slower than the statement timeout";

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void databaseRefusesSomeRows() {
		this.jdbc.sql("ALTER TABLE hero DROP CONSTRAINT IF EXISTS ck_hero_name_probe").update();
		this.jdbc.sql("ALTER TABLE hero ADD CONSTRAINT ck_hero_name_probe CHECK (name <> '" + REFUSED + "')").update();
		this.jdbc.sql("""
				CREATE OR REPLACE FUNCTION hero_slow_probe() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN
				  IF NEW.name = '%s' THEN PERFORM pg_sleep(2); END IF;
				  RETURN NEW;
				END $$""".formatted(SLOW)).update();
		this.jdbc.sql("DROP TRIGGER IF EXISTS hero_slow_probe ON hero").update();
		this.jdbc
			.sql("CREATE TRIGGER hero_slow_probe BEFORE INSERT OR UPDATE ON hero FOR EACH ROW "
					+ "EXECUTE FUNCTION hero_slow_probe()")
			.update();
	}

	@Test
	void noErrorPathLogsTheSecret(CapturedOutput output) throws Exception {
		List<String> secrets = new ArrayList<>();
		Map<Integer, Integer> statuses = new HashMap<>();
		long team = this.api.post("/api/teams", Map.of("name", Api.unique("Secretive"))).id();

		// 400: Bean Validation, strict JSON, an unknown property, a value the database
		// refuses.
		count(statuses, this.api.post("/api/heroes", hero(secrets, "", team)));
		count(statuses,
				this.api.post("/api/heroes", Map.of("name", "Typed", "secretName", secret(secrets), "age", "old")));
		count(statuses,
				this.api.post("/api/heroes", Map.of("name", "Unknown", "secretName", secret(secrets), "power", 1)));
		count(statuses, this.api.post("/api/heroes", hero(secrets, REFUSED, team)));
		// 422: a team that does not exist, in a single create and in a bulk.
		count(statuses, this.api.post("/api/heroes", hero(secrets, "Lost", 9_000_000_000L)));
		count(statuses, this.api.post("/api/heroes/bulk",
				Map.of("items", List.of(hero(secrets, "Bulk one", team), hero(secrets, "Bulk two", 9_000_000_000L)))));
		// A JDBC batch the database refuses: the driver reports its entry.
		count(statuses, this.api.post("/api/heroes/bulk",
				Map.of("items", List.of(hero(secrets, "Fine", team), hero(secrets, REFUSED, team)))));
		// 413: too many items.
		List<Map<String, Object>> tooMany = new ArrayList<>();
		for (int i = 0; i < 1001; i++) {
			tooMany.add(hero(secrets, "Many " + i, team));
		}
		count(statuses, this.api.post("/api/heroes/bulk", Map.of("items", tooMany)));
		// 412 and 409: a stale If-Match, and a team that still has heroes.
		long hero = this.api.post("/api/heroes", hero(secrets, "Versioned", team)).id();
		count(statuses, this.api.patch("/api/heroes/" + hero, Map.of("secretName", secret(secrets)),
				Map.of("If-Match", "\"41\"")));
		count(statuses, this.api.delete("/api/teams/" + team));
		// 503: a statement that outlives the statement timeout, with the secret bound to
		// it.
		count(statuses, this.api.post("/api/heroes", hero(secrets, SLOW, team)));
		count(statuses, this.api.patch("/api/heroes/" + hero, Map.of("name", SLOW, "secretName", secret(secrets))));
		// Races: patches against a delete of the same hero.
		races(secrets, statuses, team);

		assertThat(statuses).containsKeys(400, 409, 412, 413, 422, 503);
		List<String> lines = output.getAll().lines().toList();
		System.out.println("SECRETS: scanned " + lines.size() + " log lines for " + secrets.size() + " secrets; "
				+ "statuses " + statuses);
		for (String secret : secrets) {
			assertThat(lines).as("log lines carrying %s", secret).noneMatch((line) -> line.contains(secret));
		}
		assertThat(lines).noneMatch((line) -> line.contains(Api.SECRET));
	}

	private void races(List<String> secrets, Map<Integer, Integer> statuses, long team) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			for (int round = 0; round < 5; round++) {
				long hero = this.api.post("/api/heroes", hero(secrets, "Raced " + round, team)).id();
				List<Future<Response>> answers = new ArrayList<>();
				for (int i = 0; i < 3; i++) {
					String secret = secret(secrets);
					answers.add(pool.submit(() -> this.api.patch("/api/heroes/" + hero, Map.of("secretName", secret))));
				}
				answers.add(pool.submit(() -> this.api.delete("/api/heroes/" + hero)));
				for (Future<Response> answer : answers) {
					count(statuses, answer.get());
				}
			}
		}
		finally {
			pool.shutdown();
		}
	}

	private static Map<String, Object> hero(List<String> secrets, String name, long team) {
		return Map.of("name", name, "secretName", secret(secrets), "teamId", team);
	}

	private static String secret(List<String> secrets) {
		String secret = Api.secret() + "-logged";
		secrets.add(secret);
		return secret;
	}

	private static void count(Map<Integer, Integer> statuses, Response response) {
		assertThat(response.status()).as(response.body()).isNotEqualTo(500);
		statuses.merge(response.status(), 1, Integer::sum);
	}

}
