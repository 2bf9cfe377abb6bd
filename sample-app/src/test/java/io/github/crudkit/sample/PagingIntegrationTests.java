package io.github.crudkit.sample;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.crudkit.sample.support.Api;
import io.github.crudkit.sample.support.Api.Response;
import io.github.crudkit.sample.support.SampleIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

@SampleIntegrationTest
class PagingIntegrationTests {

	@Autowired
	Api api;

	@ParameterizedTest(name = "{0}?{1} is a 400 naming {2}")
	@CsvSource({ "/api/heroes, page=-1, page", "/api/heroes, size=0, size", "/api/heroes, size=-5, size",
			"/api/heroes, page=abc, page", "/api/heroes, size=9999999999, size", "/api/heroes, sort=secretName, sort",
			"/api/heroes, sort=bogus, sort", "/api/heroes, 'sort=name,sideways', sort", "/api/heroes, sort=team, sort",
			"/api/teams, page=-1, page", "/api/teams, sort=heroCount, sort", "/api/teams, sort=headquarters, sort",
			"/api/teams/1/heroes, sort=secretName, sort", "/api/teams/1/heroes, size=0, size",
			// Keyset mode (after): what it cannot honour.
			"/api/heroes, after=0&page=1, page", "/api/heroes, after=0&sort=name, sort",
			"/api/heroes, 'after=0&sort=id,desc', sort", "/api/heroes, after=-1, after", "/api/heroes, after=, after",
			"/api/heroes, after=abc, after", "/api/heroes, after=99999999999999999999, after",
			"/api/heroes, after=0&size=0, size", "/api/teams, after=0&page=2, page", "/api/teams, after=x, after",
			"/api/teams/1/heroes, after=-5, after", "/api/teams/1/heroes, after=0&sort=name, sort" })
	void badPagingIsA400ProblemNamingTheParameter(String path, String query, String parameter) {
		Response response = this.api.get(path + "?" + query);

		assertThat(response.status()).isEqualTo(400);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(parameter);
		assertThat(problem.get("instance").asString()).isEqualTo(path);
	}

	@Test
	void sizeAboveTheMaximumIsClamped() {
		Response response = this.api.get("/api/heroes?size=1000");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("page").get("size").asInt()).isEqualTo(100);
	}

	@Test
	void defaultPageIsTheFirstTwentyInIdOrder() {
		for (int i = 0; i < 21; i++) {
			this.api.post("/api/heroes", Map.of("name", Api.unique("Default order"), "secretName", Api.secret()));
		}

		JsonNode page = this.api.get("/api/heroes").json();

		assertThat(page.get("page").get("size").asInt()).isEqualTo(20);
		assertThat(page.get("page").get("number").asInt()).isZero();
		List<Long> ids = ids(page);
		assertThat(ids).hasSize(20).isSorted();
	}

	@Test
	void pagesSortedByADuplicatedValueNeitherRepeatNorSkipRows() {
		String name = Api.unique("Twin");
		long team = this.api.post("/api/teams", Map.of("name", Api.unique("Twins"))).id();
		Set<Long> created = new HashSet<>();
		for (int i = 0; i < 25; i++) {
			created.add(this.api
				.post("/api/heroes", Map.of("name", name, "secretName", Api.secret(), "age", 30, "teamId", team))
				.id());
		}

		List<Long> seen = new ArrayList<>();
		for (int page = 0; page < 5; page++) {
			seen.addAll(ids(this.api.get("/api/heroes?teamId=" + team + "&sort=age,desc&sort=name&size=6&page=" + page)
				.json()));
		}

		assertThat(seen).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
		assertThat(seen).isSorted();
	}

	@Test
	void sortDescendingByName() {
		long team = this.api.post("/api/teams", Map.of("name", Api.unique("Sorted"))).id();
		for (String name : List.of("Bravo", "Alpha", "Charlie")) {
			this.api.post("/api/heroes", Map.of("name", name, "secretName", Api.secret(), "teamId", team));
		}

		JsonNode page = this.api.get("/api/teams/" + team + "/heroes?sort=name,desc").json();

		assertThat(page.get("content").valueStream().map((hero) -> hero.get("name").asString()))
			.containsExactly("Charlie", "Bravo", "Alpha");
	}

	@Test
	void heroFiltersNarrowTheList() {
		String marker = Api.unique("Filt");
		long team = this.api.post("/api/teams", Map.of("name", Api.unique("Filter team"))).id();
		long young = this.api
			.post("/api/heroes", Map.of("name", marker + " Young", "secretName", Api.secret(), "age", 10))
			.id();
		long old = this.api
			.post("/api/heroes", Map.of("name", marker + " Old", "secretName", Api.secret(), "age", 90, "teamId", team))
			.id();
		long percent = this.api
			.post("/api/heroes", Map.of("name", marker + " 100%_sure", "secretName", Api.secret(), "age", 50))
			.id();
		String encoded = marker.replace(" ", "%20");

		assertThat(ids(this.api.get("/api/heroes?name=" + encoded.toUpperCase()).json())).containsExactly(young, old,
				percent);
		assertThat(ids(this.api.get("/api/heroes?name=" + encoded + "&minAge=50").json())).containsExactly(old,
				percent);
		assertThat(ids(this.api.get("/api/heroes?name=" + encoded + "&maxAge=50").json())).containsExactly(young,
				percent);
		assertThat(ids(this.api.get("/api/heroes?teamId=" + team).json())).containsExactly(old);
		assertThat(ids(this.api.get("/api/heroes?name=" + encoded + "%20100%25_").json())).containsExactly(percent);
		assertThat(ids(this.api.get("/api/heroes?name=" + encoded + "%20_").json())).isEmpty();
	}

	@Test
	void teamNameFilterIsACaseInsensitiveSubstring() {
		String marker = Api.unique("Guild");
		long team = this.api.post("/api/teams", Map.of("name", "The " + marker + " of Heroes")).id();

		JsonNode page = this.api.get("/api/teams?name=" + marker.toLowerCase().replace(" ", "%20")).json();

		assertThat(ids(page)).containsExactly(team);
	}

	@Test
	void openApiDocumentsPagingDefaultsMaximumAndSortValues() {
		JsonNode parameters = this.api.get("/v3/api-docs")
			.json()
			.get("paths")
			.get("/api/heroes")
			.get("get")
			.get("parameters");
		List<String> names = parameters.valueStream().map((parameter) -> parameter.get("name").asString()).toList();
		assertThat(names).contains("page", "size", "sort", "name", "minAge", "maxAge", "teamId")
			.doesNotContain("pageable");
		JsonNode size = parameters.valueStream()
			.filter((parameter) -> parameter.get("name").asString().equals("size"))
			.findFirst()
			.orElseThrow();
		assertThat(size.get("schema").get("default").asInt()).isEqualTo(20);
		assertThat(size.get("schema").get("maximum").asInt()).isEqualTo(100);
		JsonNode sort = parameters.valueStream()
			.filter((parameter) -> parameter.get("name").asString().equals("sort"))
			.findFirst()
			.orElseThrow();
		assertThat(sort.get("schema").get("items").get("enum").valueStream().map(JsonNode::asString))
			.contains("name", "age,desc", "createdAt,asc", "id")
			.noneMatch((value) -> value.startsWith("secretName"));
	}

	private static List<Long> ids(JsonNode page) {
		return page.get("content").valueStream().map((item) -> item.get("id").asLong()).toList();
	}

}
