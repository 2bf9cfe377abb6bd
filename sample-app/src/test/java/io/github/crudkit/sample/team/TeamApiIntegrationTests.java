package io.github.crudkit.sample.team;

import java.util.List;
import java.util.Map;

import io.github.crudkit.sample.support.Api;
import io.github.crudkit.sample.support.Api.Response;
import io.github.crudkit.sample.support.SampleIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@SampleIntegrationTest
class TeamApiIntegrationTests {

	@Autowired
	Api api;

	@Test
	void createAnswers201WithLocationAndTeamPublic() {
		String name = Api.unique("Avengers");
		Response response = this.api.post("/api/teams", Map.of("name", name, "headquarters", "New York"));

		assertThat(response.status()).isEqualTo(201);
		JsonNode team = response.json();
		assertThat(response.header("Location")).isEqualTo("/api/teams/" + team.get("id").asLong());
		assertThat(team.propertyNames()).containsExactlyInAnyOrder("id", "name", "headquarters", "heroCount",
				"createdAt", "updatedAt");
		assertThat(team.get("id").asLong()).isPositive();
		assertThat(team.get("name").asString()).isEqualTo(name);
		assertThat(team.get("headquarters").asString()).isEqualTo("New York");
		assertThat(team.get("heroCount").asInt()).isZero();
		assertThat(team.get("createdAt").asString()).endsWith("Z");
	}

	@Test
	void readAnswersTeamWithHeroesOrderedByNameThenId() {
		long teamId = this.api.post("/api/teams", Map.of("name", Api.unique("Order"))).id();
		long zed = createHero("Zed", teamId);
		long ann1 = createHero("Ann", teamId);
		long ann2 = createHero("Ann", teamId);
		createHero("Elsewhere", null);

		Response response = this.api.get("/api/teams/" + teamId);

		assertThat(response.status()).isEqualTo(200);
		JsonNode team = response.json();
		assertThat(team.get("heroCount").asInt()).isEqualTo(3);
		List<Long> ids = team.get("heroes").valueStream().map((hero) -> hero.get("id").asLong()).toList();
		assertThat(ids).containsExactly(ann1, ann2, zed);
		assertThat(team.get("heroes").get(0).propertyNames()).containsExactlyInAnyOrder("id", "name", "age");
	}

	@Test
	void listAnswersThePageShapeWithHeroCounts() {
		String marker = Api.unique("Paged");
		long teamId = this.api.post("/api/teams", Map.of("name", marker)).id();
		createHero("Counted", teamId);

		Response response = this.api.get("/api/teams?page=0&size=20&name=" + marker.replace(" ", "%20"));

		assertThat(response.status()).isEqualTo(200);
		JsonNode page = response.json();
		assertThat(page.propertyNames()).containsExactlyInAnyOrder("content", "page");
		assertThat(page.get("page").propertyNames()).containsExactlyInAnyOrder("size", "number", "totalElements",
				"totalPages");
		assertThat(page.get("page").get("size").asInt()).isEqualTo(20);
		assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(1);
		assertThat(page.get("content").get(0).get("id").asLong()).isEqualTo(teamId);
		assertThat(page.get("content").get(0).get("heroCount").asInt()).isEqualTo(1);
	}

	@Test
	void patchChangesOnlyThePropertiesItNames() {
		String name = Api.unique("Patchable");
		long teamId = this.api.post("/api/teams", Map.of("name", name, "headquarters", "Gotham")).id();

		Response renamed = this.api.patch("/api/teams/" + teamId, Map.of("name", name + " II"));
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.json().get("name").asString()).isEqualTo(name + " II");
		assertThat(renamed.json().get("headquarters").asString()).isEqualTo("Gotham");

		Response cleared = this.api.patch("/api/teams/" + teamId, "{\"headquarters\": null}");
		assertThat(cleared.status()).isEqualTo(200);
		assertThat(cleared.json().get("headquarters").isNull()).isTrue();
		assertThat(this.api.get("/api/teams/" + teamId).json().get("name").asString()).isEqualTo(name + " II");
	}

	@Test
	void deleteAnswers204AndTheTeamIsGone() {
		long teamId = this.api.post("/api/teams", Map.of("name", Api.unique("Doomed"))).id();

		assertThat(this.api.delete("/api/teams/" + teamId).status()).isEqualTo(204);
		assertThat(this.api.get("/api/teams/" + teamId).status()).isEqualTo(404);
	}

	@Test
	void heroesOfATeamArePagedHeroPublics() {
		long teamId = this.api.post("/api/teams", Map.of("name", Api.unique("Members"))).id();
		long heroId = createHero("Member", teamId);
		createHero("Outsider", null);

		Response response = this.api.get("/api/teams/" + teamId + "/heroes");

		assertThat(response.status()).isEqualTo(200);
		JsonNode page = response.json();
		assertThat(page.get("page").get("totalElements").asLong()).isEqualTo(1);
		JsonNode hero = page.get("content").get(0);
		assertThat(hero.get("id").asLong()).isEqualTo(heroId);
		assertThat(hero.get("team").get("id").asLong()).isEqualTo(teamId);
	}

	@Test
	void unknownTeamIsA404ProblemEverywhere() {
		long missing = 9_000_000_000L;
		for (Response response : List.of(this.api.get("/api/teams/" + missing),
				this.api.patch("/api/teams/" + missing, Map.of("name", "x")), this.api.delete("/api/teams/" + missing),
				this.api.get("/api/teams/" + missing + "/heroes"))) {
			assertThat(response.status()).isEqualTo(404);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat(response.json().get("detail").asString()).contains("Team " + missing);
		}
	}

	private long createHero(String name, Long teamId) {
		Map<String, Object> hero = new java.util.HashMap<>(Map.of("name", name, "secretName", Api.secret()));
		if (teamId != null) {
			hero.put("teamId", teamId);
		}
		Response response = this.api.post("/api/heroes", hero);
		assertThat(response.status()).isEqualTo(201);
		return response.id();
	}

}
