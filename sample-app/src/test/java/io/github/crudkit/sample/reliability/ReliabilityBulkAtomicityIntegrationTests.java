package io.github.crudkit.sample.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code POST /api/heroes/bulk} is all or nothing: a bad 1000th item, or the database cut
 * away in the middle of the transaction, leaves no hero of the request behind.
 */
class ReliabilityBulkAtomicityIntegrationTests {

	private static final int ITEMS = 1000;

	private static ProxiedDatabase database;

	private static SampleInstance sample;

	private static RawHttp http;

	private final Figures figures = new Figures("bulk-atomicity");

	@BeforeAll
	static void start() {
		database = ProxiedDatabase.create();
		sample = SampleInstance.start(database.proxiedArguments());
		http = sample.http(Duration.ofSeconds(30));
	}

	@AfterAll
	static void stop() {
		sample.close();
		database.close();
	}

	@Test
	void invalidThousandthItemInsertsNothing() throws Exception {
		long before = heroes();

		RawHttp.Response response = http.post("/api/heroes/bulk",
				bulk("invalid", ITEMS, (i) -> (i == ITEMS - 1) ? "{\"name\":\"\",\"secretName\":\"SECRET-x\"}" : null));

		this.figures.put("invalidLastItem", response.status() + " " + response.json().get("errors"))
			.put("invalidLastItemRowsInserted", heroes() - before);
		assertThat(response.status()).isEqualTo(400);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("items[999].name");
		assertThat(heroes()).isEqualTo(before);
	}

	@Test
	void unknownTeamInThousandthItemInsertsNothing() throws Exception {
		RawHttp.Response team = http.post("/api/teams", "{\"name\":\"Bulk team\"}");
		assertThat(team.status()).isEqualTo(201);
		long teamId = team.json().get("id").asLong();
		long before = heroes();

		RawHttp.Response response = http
			.post("/api/heroes/bulk", bulk("unknown-team", ITEMS, (i) -> "{\"name\":\"unknown-team-" + i
					+ "\",\"secretName\":\"SECRET-x\",\"teamId\":" + ((i == ITEMS - 1) ? 999_999_999L : teamId) + "}"));

		this.figures.put("unknownTeamLastItem", response.status() + " " + response.json().get("errors"))
			.put("unknownTeamLastItemRowsInserted", heroes() - before);
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.json().get("errors").get(0).get("field").asString()).isEqualTo("items[999].teamId");
		assertThat(heroes()).isEqualTo(before);
	}

	@Test
	void databaseCutInTheMiddleOfTheTransactionInsertsNothing() throws Exception {
		// A bulk that goes through, to learn how many bytes one such transaction sends to
		// PostgreSQL.
		assertThat(http.post("/api/heroes/bulk", bulk("warm", ITEMS, (i) -> null)).status()).isEqualTo(201);
		long start = database.proxy().upstreamBytes();
		assertThat(http.post("/api/heroes/bulk", bulk("measure", ITEMS, (i) -> null)).status()).isEqualTo(201);
		long transactionBytes = database.proxy().upstreamBytes() - start;
		this.figures.put("bytesSentByOneBulkTransaction", transactionBytes);

		List<String> outcomes = new ArrayList<>();
		for (double fraction : new double[] { 0.2, 0.5, 0.8 }) {
			String prefix = "cut" + Math.round(fraction * 100);
			long before = heroes();
			database.proxy().cutAfterUpstreamBytes(Math.round(transactionBytes * fraction));

			RawHttp.Response response = http.post("/api/heroes/bulk", bulk(prefix, ITEMS, (i) -> null));

			boolean cut = !database.proxy().isForwarding();
			database.proxy().restore();
			long inserted = database.direct()
				.sql("SELECT count(*) FROM hero WHERE name LIKE ?")
				.param(prefix + "-%")
				.query(Long.class)
				.single();
			outcomes.add(prefix + ": " + response.status() + ", " + inserted + " inserted");
			assertThat(cut).as("the proxy cut the connection during %s", prefix).isTrue();
			assertThat(response.status()).as(response.body()).isEqualTo(503);
			assertThat(response.header("Retry-After")).isNotBlank();
			assertThat(inserted).as("heroes of %s in the database", prefix).isZero();
			assertThat(heroes()).isEqualTo(before);
			awaitHealthy();
		}
		this.figures.put("cutMidTransaction", outcomes);
		// And the service goes on: the next bulk is stored whole.
		assertThat(http.post("/api/heroes/bulk", bulk("after", ITEMS, (i) -> null)).status()).isEqualTo(201);
		assertThat(
				database.direct().sql("SELECT count(*) FROM hero WHERE name LIKE 'after-%'").query(Long.class).single())
			.isEqualTo(ITEMS);
	}

	private static long heroes() {
		return database.direct().sql("SELECT count(*) FROM hero").query(Long.class).single();
	}

	private static void awaitHealthy() throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (http.get("/actuator/health").status() != 200) {
			assertThat(System.nanoTime()).as("healthy again within 30 s").isLessThan(deadline);
			Thread.sleep(100);
		}
	}

	private static String bulk(String prefix, int size, java.util.function.IntFunction<String> override) {
		StringBuilder body = new StringBuilder("{\"items\":[");
		for (int i = 0; i < size; i++) {
			if (i > 0) {
				body.append(',');
			}
			String item = override.apply(i);
			body.append((item != null) ? item : "{\"name\":\"" + prefix + "-" + i + "\",\"secretName\":\"SECRET-" + i
					+ "\",\"age\":" + (i % 100) + "}");
		}
		return body.append("]}").toString();
	}

}
