package io.github.crudkit.sample.hero;

import java.util.List;
import java.util.Map;

import io.github.crudkit.sample.support.Api;
import io.github.crudkit.sample.support.Api.Response;
import io.github.crudkit.sample.support.SampleIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

@SampleIntegrationTest
class HeroApiIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Api api;

	@Test
	void createAnswers201WithHeroPublicAndStoresTheSecretName() {
		String teamName = Api.unique("Justice");
		long teamId = this.api.post("/api/teams", Map.of("name", teamName)).id();
		String secret = Api.secret();

		Response response = this.api.post("/api/heroes",
				Map.of("name", "Diana", "secretName", secret, "age", 5000, "teamId", teamId));

		assertThat(response.status()).isEqualTo(201);
		JsonNode hero = response.json();
		assertThat(response.header("Location")).isEqualTo("/api/heroes/" + hero.get("id").asLong());
		assertThat(hero.propertyNames()).containsExactlyInAnyOrder("id", "name", "age", "team", "mentor", "powers",
				"createdAt", "updatedAt");
		assertThat(hero.get("mentor").isNull()).isTrue();
		assertThat(hero.get("powers").isEmpty()).isTrue();
		assertThat(hero.get("age").asInt()).isEqualTo(5000);
		assertThat(hero.get("team").get("id").asLong()).isEqualTo(teamId);
		assertThat(hero.get("team").get("name").asString()).isEqualTo(teamName);
		String stored = this.jdbc.sql("select secret_name from hero where id = ?")
			.param(hero.get("id").asLong())
			.query(String.class)
			.single();
		assertThat(stored).isEqualTo(secret);
	}

	@Test
	void aHeroReadsBackExactlyAsItsWriteAnsweredIt() {
		for (int i = 0; i < 20; i++) {
			JsonNode created = this.api.post("/api/heroes", Map.of("name", "Timed " + i, "secretName", Api.secret()))
				.json();
			JsonNode read = this.api.get("/api/heroes/" + created.get("id").asLong()).json();
			assertThat(read.get("createdAt").asString()).isEqualTo(created.get("createdAt").asString());
			assertThat(read.get("updatedAt").asString()).isEqualTo(created.get("updatedAt").asString());

			JsonNode patched = this.api.patch("/api/heroes/" + created.get("id").asLong(), Map.of("age", i)).json();
			JsonNode readAgain = this.api.get("/api/heroes/" + created.get("id").asLong()).json();
			assertThat(readAgain.get("updatedAt").asString()).isEqualTo(patched.get("updatedAt").asString());
		}
	}

	@Test
	void readAnswersHeroPublicWithoutATeam() {
		long id = this.api.post("/api/heroes", Map.of("name", "Loner", "secretName", Api.secret())).id();

		Response response = this.api.get("/api/heroes/" + id);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("name").asString()).isEqualTo("Loner");
		assertThat(response.json().get("team").isNull()).isTrue();
		assertThat(response.json().get("age").isNull()).isTrue();
	}

	@Test
	void listAnswersThePageShapeInIdOrder() {
		String marker = Api.unique("Listed");
		long first = this.api.post("/api/heroes", Map.of("name", marker + " a", "secretName", Api.secret())).id();
		long second = this.api.post("/api/heroes", Map.of("name", marker + " b", "secretName", Api.secret())).id();

		Response response = this.api.get("/api/heroes?page=0&size=20&name=" + marker.replace(" ", "%20"));

		assertThat(response.status()).isEqualTo(200);
		JsonNode page = response.json();
		assertThat(page.get("page").get("size").asInt()).isEqualTo(20);
		assertThat(page.get("page").get("number").asInt()).isZero();
		assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(2);
		assertThat(page.get("page").get("totalPages").asInt()).isEqualTo(1);
		List<Long> ids = page.get("content").valueStream().map((hero) -> hero.get("id").asLong()).toList();
		assertThat(ids).containsExactly(first, second);
	}

	@Test
	void defaultPageHasTwentyHeroes() {
		for (int i = 0; i < 21; i++) {
			this.api.post("/api/heroes", Map.of("name", Api.unique("Filler"), "secretName", Api.secret()));
		}

		JsonNode page = this.api.get("/api/heroes").json();

		assertThat(page.get("content").size()).isEqualTo(20);
		assertThat(page.get("page").get("size").asInt()).isEqualTo(20);
		assertThat(page.get("page").get("totalElements").asLong()).isGreaterThanOrEqualTo(21);
	}

	@Test
	void patchChangesTheSecretNameWithoutEverReturningIt() {
		long id = this.api.post("/api/heroes", Map.of("name", "Bruce", "secretName", Api.secret(), "age", 40)).id();
		String newSecret = Api.secret();

		Response response = this.api.patch("/api/heroes/" + id, Map.of("secretName", newSecret));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("age").asInt()).isEqualTo(40);
		assertThat(this.jdbc.sql("select secret_name from hero where id = ?").param(id).query(String.class).single())
			.isEqualTo(newSecret);
	}

	@Test
	void patchWithNullClearsAgeAndTeam() {
		long teamId = this.api.post("/api/teams", Map.of("name", Api.unique("Leaving"))).id();
		long id = this.api
			.post("/api/heroes", Map.of("name", "Quitter", "secretName", Api.secret(), "age", 30, "teamId", teamId))
			.id();

		Response response = this.api.patch("/api/heroes/" + id, "{\"age\": null, \"teamId\": null}");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("age").isNull()).isTrue();
		assertThat(response.json().get("team").isNull()).isTrue();
		assertThat(response.json().get("name").asString()).isEqualTo("Quitter");
	}

	@Test
	void deleteAnswers204AndTheHeroIsGone() {
		long id = this.api.post("/api/heroes", Map.of("name", "Gone", "secretName", Api.secret())).id();

		assertThat(this.api.delete("/api/heroes/" + id).status()).isEqualTo(204);
		assertThat(this.api.get("/api/heroes/" + id).status()).isEqualTo(404);
	}

	@Test
	void unknownHeroIsA404Problem() {
		Response response = this.api.get("/api/heroes/424242424242");

		assertThat(response.status()).isEqualTo(404);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("status").asInt()).isEqualTo(404);
		assertThat(problem.get("instance").asString()).isEqualTo("/api/heroes/424242424242");
	}

}
