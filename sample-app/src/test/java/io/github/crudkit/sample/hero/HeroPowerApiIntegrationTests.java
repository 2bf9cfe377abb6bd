package io.github.crudkit.sample.hero;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.crudkit.sample.support.Api;
import io.github.crudkit.sample.support.Api.Response;
import io.github.crudkit.sample.support.SampleIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.github.crudkit.sample.support.Problems.assertFieldProblem;
import static io.github.crudkit.sample.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A hero's powers against the contract: a many-to-many link with data, part of the hero's
 * version, at most 20 per hero, retired powers left out of every read.
 */
@SampleIntegrationTest
class HeroPowerApiIntegrationTests {

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void putCreatesThenReplacesTheLinkAndEveryWriteChangesTheHerosETag() {
		long hero = hero();
		long power = power("Flight");
		String path = "/api/heroes/" + hero + "/powers/" + power;
		String before = this.api.get("/api/heroes/" + hero).header("ETag");

		Response created = this.api.put(path, Map.of("level", 3, "acquiredOn", "2020-01-02"));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.header("Location")).isEqualTo(path);
		JsonNode link = created.json();
		assertThat(link.propertyNames()).containsExactlyInAnyOrder("power", "level", "acquiredOn");
		assertThat(link.get("power").propertyNames()).containsExactlyInAnyOrder("id", "name", "category");
		assertThat(link.get("level").asInt()).isEqualTo(3);
		assertThat(link.get("acquiredOn").asString()).isEqualTo("2020-01-02");
		String afterCreate = created.header("ETag");
		assertThat(afterCreate).isNotEqualTo(before).isEqualTo(this.api.get("/api/heroes/" + hero).header("ETag"));

		Response same = this.api.put(path, Map.of("level", 3, "acquiredOn", "2020-01-02"));
		assertThat(same.status()).isEqualTo(200);
		assertThat(same.header("Location")).isNull();
		assertThat(same.header("ETag")).isNotEqualTo(afterCreate);

		Response replaced = this.api.put(path, Map.of("level", 7));
		assertThat(replaced.status()).isEqualTo(200);
		assertThat(replaced.json().get("level").asInt()).isEqualTo(7);
		assertThat(replaced.json().get("acquiredOn").asString()).isEqualTo(LocalDate.now(ZoneOffset.UTC).toString());

		Response read = this.api.get(path);
		assertThat(read.status()).isEqualTo(200);
		assertThat(read.json()).isEqualTo(replaced.json());
		assertThat(read.header("ETag")).isEqualTo(replaced.header("ETag"));
	}

	@Test
	void theHeroListsItsPowersByLevelThenNameRegardlessOfCaseThenId() {
		long hero = hero();
		long b = power("beta");
		long a = power("Alpha");
		long c = power("gamma");
		long top = power("Zed");
		assign(hero, b, 5);
		assign(hero, a, 5);
		assign(hero, c, 5);
		assign(hero, top, 9);

		JsonNode publicHero = this.api.get("/api/heroes/" + hero).json();
		assertThat(publicHero.get("powers").valueStream().map((power) -> power.get("id").asLong())).containsExactly(top,
				a, b, c);
		assertThat(publicHero.get("powers").get(0).propertyNames()).containsExactlyInAnyOrder("id", "name", "level");

		Response list = this.api.get("/api/heroes/" + hero + "/powers");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.header("ETag")).isEqualTo(this.api.get("/api/heroes/" + hero).header("ETag"));
		assertThat(list.json().valueStream().map((link) -> link.get("power").get("id").asLong())).containsExactly(top,
				a, b, c);
		JsonNode page = this.api.get("/api/heroes?size=100&name=" + nameOf(hero).replace(" ", "%20")).json();
		assertThat(page.get("content").get(0).get("powers")).isEqualTo(publicHero.get("powers"));
	}

	@Test
	void assignmentsAreValidated() {
		long hero = hero();
		long power = power("Checked");
		String path = "/api/heroes/" + hero + "/powers/" + power;

		assertFieldProblem(this.api.put(path, Map.of("level", 0)), 400, path, "level");
		assertFieldProblem(this.api.put(path, Map.of("level", 11)), 400, path, "level");
		assertFieldProblem(this.api.put(path, Map.of()), 400, path, "level");
		assertFieldProblem(
				this.api.put(path,
						Map.of("level", 2, "acquiredOn", LocalDate.now(ZoneOffset.UTC).plusDays(2).toString())),
				400, path, "acquiredOn");
		Map<String, Object> nullDate = new HashMap<>(Map.of("level", 2));
		nullDate.put("acquiredOn", null);
		assertFieldProblem(this.api.put(path, nullDate), 400, path, "acquiredOn");
		assertFieldProblem(this.api.put(path, Map.of("level", 2, "extra", 1)), 400, path, "extra");
		assertThat(this.api.get("/api/heroes/" + hero + "/powers").json().isEmpty()).isTrue();

		assertProblem(this.api.put("/api/heroes/9000000000/powers/" + power, Map.of("level", 1)), 404,
				"/api/heroes/9000000000/powers/" + power);
		assertProblem(this.api.put("/api/heroes/" + hero + "/powers/9000000000", Map.of("level", 1)), 404,
				"/api/heroes/" + hero + "/powers/9000000000");
		assertProblem(this.api.put("/api/heroes/0/powers/" + power, Map.of("level", 1)), 400,
				"/api/heroes/0/powers/" + power);
	}

	@Test
	void ifMatchGuardsEveryLinkWriteWithTheHerosVersion() {
		long hero = hero();
		long power = power("Guarded");
		String path = "/api/heroes/" + hero + "/powers/" + power;
		String etag = this.api.get("/api/heroes/" + hero).header("ETag");

		assertProblem(this.api.put(path, Map.of("level", 1), Map.of("If-Match", "\"999\"")), 412, path);
		Response created = this.api.put(path, Map.of("level", 1), Map.of("If-Match", etag));
		assertThat(created.status()).isEqualTo(201);
		assertProblem(this.api.patch(path, Map.of("level", 2), Map.of("If-Match", etag)), 412, path);
		Response patched = this.api.patch(path, Map.of("level", 2), Map.of("If-Match", created.header("ETag")));
		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().get("level").asInt()).isEqualTo(2);
		assertProblem(this.api.delete(path, Map.of("If-Match", created.header("ETag"))), 412, path);
		Response removed = this.api.delete(path, Map.of("If-Match", patched.header("ETag")));
		assertThat(removed.status()).isEqualTo(204);
		assertThat(removed.header("ETag")).isNotEqualTo(patched.header("ETag"))
			.isEqualTo(this.api.get("/api/heroes/" + hero).header("ETag"));
		assertProblem(this.api.get(path), 404, path);
		assertProblem(this.api.delete(path), 404, path);
		assertProblem(this.api.patch(path, Map.of("level", 2)), 404, path);
	}

	@Test
	void patchRefusesNullsAndChangesOnlyWhatItNames() {
		long hero = hero();
		long power = power("Patched");
		String path = "/api/heroes/" + hero + "/powers/" + power;
		this.api.put(path, Map.of("level", 4, "acquiredOn", "2021-05-06"));

		for (String field : List.of("level", "acquiredOn")) {
			Map<String, Object> body = new HashMap<>();
			body.put(field, null);
			assertFieldProblem(this.api.patch(path, body), 400, path, field);
		}
		Response patched = this.api.patch(path, Map.of("acquiredOn", "2019-01-01"));
		assertThat(patched.json().get("level").asInt()).isEqualTo(4);
		assertThat(patched.json().get("acquiredOn").asString()).isEqualTo("2019-01-01");
	}

	@Test
	void aHeroHoldsAtMostTwentyPowersCountingRetiredOnes() {
		long hero = hero();
		long retired = power("Retired");
		assign(hero, retired, 1);
		for (int i = 0; i < 19; i++) {
			assign(hero, power("Power " + i), 1);
		}
		assertThat(this.api.delete("/api/powers/" + retired).status()).isEqualTo(204);
		assertThat(this.api.get("/api/heroes/" + hero + "/powers").json().size()).isEqualTo(19);

		long extra = power("Extra");
		assertFieldProblem(this.api.put("/api/heroes/" + hero + "/powers/" + extra, Map.of("level", 1)), 409,
				"/api/heroes/" + hero + "/powers/" + extra, "powerId");

		assertThat(this.api.post("/api/powers/" + retired + "/restore", Map.of()).status()).isEqualTo(200);
		assertThat(this.api.get("/api/heroes/" + hero + "/powers").json().size()).isEqualTo(20);
	}

	@Test
	void aRetiredPowerLeavesEveryReadButKeepsItsLinksAndTheHerosVersion() {
		long hero = hero();
		long kept = power("Kept");
		long retired = power("Gone");
		assign(hero, kept, 2);
		assign(hero, retired, 8);
		String etag = this.api.get("/api/heroes/" + hero).header("ETag");

		assertThat(this.api.patch("/api/powers/" + retired, Map.of("name", Api.unique("Renamed"))).status())
			.isEqualTo(200);
		assertThat(this.api.get("/api/heroes/" + hero).header("ETag")).isEqualTo(etag);
		assertThat(this.api.delete("/api/powers/" + retired).status()).isEqualTo(204);
		assertThat(this.api.get("/api/heroes/" + hero).header("ETag")).isEqualTo(etag);

		JsonNode publicHero = this.api.get("/api/heroes/" + hero).json();
		assertThat(publicHero.get("powers").valueStream().map((power) -> power.get("id").asLong()))
			.containsExactly(kept);
		assertThat(this.api.get("/api/heroes/" + hero + "/powers").json().size()).isEqualTo(1);
		String path = "/api/heroes/" + hero + "/powers/" + retired;
		assertProblem(this.api.get(path), 404, path);
		assertProblem(this.api.put(path, Map.of("level", 1)), 404, path);
		assertProblem(this.api.patch(path, Map.of("level", 1)), 404, path);
		assertProblem(this.api.delete(path), 404, path);
		assertThat(this.jdbc.sql("select count(*) from hero_power where hero_id = ?")
			.param(hero)
			.query(Long.class)
			.single()).isEqualTo(2);
		assertThat(this.api.get("/api/powers?retired=true&size=100")
			.json()
			.get("content")
			.valueStream()
			.filter((power) -> power.get("id").asLong() == retired)
			.findFirst()
			.orElseThrow()
			.get("heroCount")
			.asInt()).isEqualTo(1);
	}

	@Test
	void theHeroesOfAPowerFilterByLevelSortByItAndPageByKeyset() {
		long power = power("Shared");
		long low = hero();
		long high = hero();
		long middle = hero();
		assign(low, power, 2);
		assign(high, power, 9);
		assign(middle, power, 5);
		String path = "/api/powers/" + power + "/heroes";

		assertThat(ids(this.api.get(path + "?size=100").json())).containsExactly(low, high, middle);
		assertThat(ids(this.api.get(path + "?size=100&sort=level,desc").json())).containsExactly(high, middle, low);
		assertThat(ids(this.api.get(path + "?size=100&sort=level&minLevel=3").json())).containsExactly(middle, high);
		assertThat(
				this.api.get(path + "?size=1&sort=level,desc&page=1").json().get("page").get("totalElements").asInt())
			.isEqualTo(3);
		JsonNode keyset = this.api.get(path + "?after=" + low + "&size=1").json();
		assertThat(ids(keyset)).containsExactly(high);
		assertFieldProblem(this.api.get(path + "?minLevel=11"), 400, path, "minLevel");
		assertFieldProblem(this.api.get(path + "?sort=secretName"), 400, path, "sort");
		assertProblem(this.api.get("/api/powers/9000000000/heroes"), 404, "/api/powers/9000000000/heroes");
		assertThat(this.api.get("/api/powers/" + power("Unheld") + "/heroes").json().get("content").isEmpty()).isTrue();
	}

	@Test
	void deletingAHeroDeletesItsLinks() {
		long hero = hero();
		long power = power("Orphaned");
		assign(hero, power, 3);

		assertThat(this.api.delete("/api/heroes/" + hero).status()).isEqualTo(204);

		assertThat(this.jdbc.sql("select count(*) from hero_power where hero_id = ?")
			.param(hero)
			.query(Long.class)
			.single()).isZero();
		assertThat(this.api.get("/api/powers/" + power).json().get("heroCount").asInt()).isZero();
	}

	private long hero() {
		Response response = this.api.post("/api/heroes",
				Map.of("name", Api.unique("Holder"), "secretName", Api.secret()));
		assertThat(response.status()).isEqualTo(201);
		return response.id();
	}

	private String nameOf(long hero) {
		return this.api.get("/api/heroes/" + hero).json().get("name").asString();
	}

	private long power(String name) {
		Response response = this.api.post("/api/powers", Map.of("name", Api.unique(name), "category", "MAGIC"));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.id();
	}

	private void assign(long hero, long power, int level) {
		Response response = this.api.put("/api/heroes/" + hero + "/powers/" + power, Map.of("level", level));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
	}

	private static List<Long> ids(JsonNode page) {
		return page.get("content").valueStream().map((hero) -> hero.get("id").asLong()).toList();
	}

}
