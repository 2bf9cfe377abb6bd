package io.github.crudkit.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.crudkit.sample.support.Api;
import io.github.crudkit.sample.support.Api.Response;
import io.github.crudkit.sample.support.SampleIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keyset ("after id") paging of the list endpoints: every row once, in id order, with the
 * filters (the 400s for what it cannot honour are rows of
 * {@code PagingIntegrationTests}).
 */
@SampleIntegrationTest
class KeysetPagingIntegrationTests {

	@Autowired
	Api api;

	long team;

	List<Long> heroes;

	@BeforeEach
	void setUp() {
		this.team = this.api.post("/api/teams", Map.of("name", Api.unique("Keyset"))).id();
		this.heroes = new ArrayList<>();
		for (int i = 0; i < 7; i++) {
			this.heroes.add(
					this.api
						.post("/api/heroes",
								Map.of("name", "Walker " + i, "secretName", Api.secret(), "age", i, "teamId",
										this.team))
						.id());
		}
	}

	@Test
	void walkingTheKeysetPagesVisitsEveryRowOnceInIdOrder() {
		List<Long> seen = new ArrayList<>();
		long after = 0;
		int pages = 0;
		while (true) {
			JsonNode page = this.api.get("/api/heroes?teamId=" + this.team + "&size=3&after=" + after).json();
			pages++;
			page.get("content").forEach((hero) -> {
				seen.add(hero.get("id").asLong());
				assertThat(hero.get("team").get("id").asLong()).isEqualTo(this.team);
				assertThat(hero.has("secretName")).isFalse();
			});
			assertThat(page.get("page").get("size").asInt()).isEqualTo(3);
			assertThat(page.get("page").get("after").asLong()).isEqualTo(after);
			assertThat(page.get("page").has("totalElements")).isFalse();
			JsonNode next = page.get("page").get("next");
			if (next.isNull()) {
				break;
			}
			after = next.asLong();
		}

		assertThat(seen).containsExactlyElementsOf(this.heroes);
		assertThat(pages).isEqualTo(3);
	}

	@Test
	void filtersApplyToKeysetPages() {
		JsonNode page = this.api
			.get("/api/heroes?teamId=" + this.team + "&minAge=2&maxAge=4&name=WALKER&after=" + this.heroes.get(2))
			.json();

		assertThat(field(page, "name")).containsExactly("Walker 3", "Walker 4");
		assertThat(page.get("page").get("next").isNull()).isTrue();
	}

	@Test
	void teamsHaveAKeysetModeWithTheirHeroCounts() {
		long second = this.api.post("/api/teams", Map.of("name", Api.unique("Keyset"))).id();

		JsonNode page = this.api.get("/api/teams?size=1&after=" + (this.team - 1)).json();
		JsonNode last = this.api.get("/api/teams?size=5&after=" + this.team).json();

		assertThat(page.get("content").get(0).get("id").asLong()).isEqualTo(this.team);
		assertThat(page.get("content").get(0).get("heroCount").asInt()).isEqualTo(7);
		assertThat(page.get("page").get("next").asLong()).isEqualTo(this.team);
		assertThat(field(last, "id")).containsExactly(String.valueOf(second));
		assertThat(last.get("page").get("next").isNull()).isTrue();
	}

	@Test
	void theHeroesOfATeamHaveAKeysetMode() {
		JsonNode first = this.api.get("/api/teams/" + this.team + "/heroes?size=4&after=0").json();
		JsonNode second = this.api
			.get("/api/teams/" + this.team + "/heroes?size=4&after=" + first.get("page").get("next").asLong())
			.json();

		List<String> ids = new ArrayList<>(field(first, "id"));
		ids.addAll(field(second, "id"));
		assertThat(ids).containsExactlyElementsOf(this.heroes.stream().map(String::valueOf).toList());
		assertThat(second.get("page").get("next").isNull()).isTrue();
		assertThat(this.api.get("/api/teams/" + this.team + "/heroes?after=" + Long.MAX_VALUE).json().get("content"))
			.isEmpty();
		assertThat(this.api.get("/api/teams/999999999/heroes?after=0").status()).isEqualTo(404);
	}

	@Test
	void sortingByIdAscendingIsTheKeysetOrderAndAccepted() {
		Response response = this.api.get("/api/heroes?teamId=" + this.team + "&sort=id&size=2&after=0");

		assertThat(response.status()).isEqualTo(200);
		assertThat(field(response.json(), "id")).containsExactly(String.valueOf(this.heroes.get(0)),
				String.valueOf(this.heroes.get(1)));
	}

	private static List<String> field(JsonNode page, String name) {
		List<String> values = new ArrayList<>();
		page.get("content").forEach((row) -> values.add(row.get(name).asString()));
		return values;
	}

}
