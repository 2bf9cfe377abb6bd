package io.github.crudkit.sample.hero;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.github.crudkit.sample.support.Api;
import io.github.crudkit.sample.support.Api.Response;
import io.github.crudkit.sample.support.SampleIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static io.github.crudkit.sample.support.Problems.assertFieldProblem;
import static io.github.crudkit.sample.support.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Mentors against the contract: a self-reference that never closes a cycle, its mentees
 * and its lineage.
 */
@SampleIntegrationTest
class MentorApiIntegrationTests {

	private static final long MISSING = 9_000_000_000L;

	@Autowired
	Api api;

	@Test
	void aHeroCreatedWithAMentorShowsItAsASummary() {
		long mentor = hero("Yoda", null, 900);
		Response created = this.api.post("/api/heroes",
				Map.of("name", Api.unique("Luke"), "secretName", Api.secret(), "mentorId", mentor));

		assertThat(created.status()).isEqualTo(201);
		JsonNode summary = created.json().get("mentor");
		assertThat(summary.propertyNames()).containsExactlyInAnyOrder("id", "name", "age");
		assertThat(summary.get("id").asLong()).isEqualTo(mentor);
		assertThat(summary.get("age").asInt()).isEqualTo(900);
		assertThat(this.api.get("/api/heroes/" + created.id()).json().get("mentor")).isEqualTo(summary);
	}

	@Test
	void anUnknownMentorIsA422NamingMentorId() {
		assertFieldProblem(
				this.api.post("/api/heroes",
						Map.of("name", Api.unique("Orphan"), "secretName", Api.secret(), "mentorId", MISSING)),
				422, "/api/heroes", "mentorId");
		long hero = hero("Lonely", null, null);
		assertFieldProblem(this.api.patch("/api/heroes/" + hero, Map.of("mentorId", MISSING)), 422,
				"/api/heroes/" + hero, "mentorId");
		assertFieldProblem(
				this.api.post("/api/heroes/bulk",
						Map.of("items",
								List.of(Map.of("name", "A", "secretName", Api.secret()),
										Map.of("name", "B", "secretName", Api.secret(), "mentorId", MISSING)))),
				422, "/api/heroes/bulk", "items[1].mentorId");
	}

	@Test
	void aMentorThatIsTheHeroOrOneOfItsMenteesIsA409NamingMentorId() {
		long root = hero("Root", null, null);
		long child = hero("Child", root, null);
		long grandchild = hero("Grandchild", child, null);

		assertFieldProblem(this.api.patch("/api/heroes/" + root, Map.of("mentorId", root)), 409, "/api/heroes/" + root,
				"mentorId");
		assertFieldProblem(this.api.patch("/api/heroes/" + root, Map.of("mentorId", child)), 409, "/api/heroes/" + root,
				"mentorId");
		assertFieldProblem(this.api.patch("/api/heroes/" + root, Map.of("mentorId", grandchild)), 409,
				"/api/heroes/" + root, "mentorId");
		assertThat(this.api.get("/api/heroes/" + root).json().get("mentor").isNull()).isTrue();

		long other = hero("Other", null, null);
		Response moved = this.api.patch("/api/heroes/" + child, Map.of("mentorId", other));
		assertThat(moved.status()).isEqualTo(200);
		assertThat(moved.json().get("mentor").get("id").asLong()).isEqualTo(other);
		Map<String, Object> none = new HashMap<>();
		none.put("mentorId", null);
		assertThat(this.api.patch("/api/heroes/" + child, none).json().get("mentor").isNull()).isTrue();
	}

	@Test
	void theLineageListsMentorsClosestFirst() {
		long root = hero("Founder", null, 99);
		long child = hero("Heir", root, 50);
		long grandchild = hero("Scion", child, null);

		JsonNode lineage = this.api.get("/api/heroes/" + grandchild + "/lineage").json();
		assertThat(lineage.valueStream().map((hero) -> hero.get("id").asLong())).containsExactly(child, root);
		assertThat(lineage.get(0).propertyNames()).containsExactlyInAnyOrder("id", "name", "age");
		assertThat(lineage.get(1).get("age").asInt()).isEqualTo(99);
		assertThat(this.api.get("/api/heroes/" + root + "/lineage").json().isEmpty()).isTrue();
		assertProblem(this.api.get("/api/heroes/" + MISSING + "/lineage"), 404, "/api/heroes/" + MISSING + "/lineage");
	}

	@Test
	void theMenteesOfAHeroArePagedAndKeysetPaged() {
		long mentor = hero("Teacher", null, null);
		long first = hero("Pupil", mentor, null);
		long second = hero("Pupil", mentor, null);
		hero("Unrelated", null, null);

		JsonNode page = this.api.get("/api/heroes/" + mentor + "/mentees?size=10").json();
		assertThat(page.get("content").valueStream().map((hero) -> hero.get("id").asLong())).containsExactly(first,
				second);
		assertThat(page.get("page").get("totalElements").asInt()).isEqualTo(2);
		JsonNode keyset = this.api.get("/api/heroes/" + mentor + "/mentees?after=" + first + "&size=10").json();
		assertThat(keyset.get("content").valueStream().map((hero) -> hero.get("id").asLong())).containsExactly(second);
		assertThat(this.api.get("/api/heroes/" + first + "/mentees").json().get("content").isEmpty()).isTrue();
		assertProblem(this.api.get("/api/heroes/" + MISSING + "/mentees"), 404, "/api/heroes/" + MISSING + "/mentees");
		assertProblem(this.api.get("/api/heroes/" + MISSING + "/mentees?after=0"), 404,
				"/api/heroes/" + MISSING + "/mentees");
	}

	@Test
	void deletingAMentorClearsItsMenteesMentorAndChangesTheirVersions() {
		long mentor = hero("Leaving", null, null);
		long mentee = hero("Staying", mentor, null);
		String etag = this.api.get("/api/heroes/" + mentee).header("ETag");

		assertThat(this.api.delete("/api/heroes/" + mentor).status()).isEqualTo(204);

		Response after = this.api.get("/api/heroes/" + mentee);
		assertThat(after.json().get("mentor").isNull()).isTrue();
		assertThat(after.header("ETag")).isNotEqualTo(etag);
		assertProblem(this.api.patch("/api/heroes/" + mentee, Map.of("age", 3), Map.of("If-Match", etag)), 412,
				"/api/heroes/" + mentee);
	}

	private long hero(String name, Long mentor, Integer age) {
		Map<String, Object> body = new HashMap<>(Map.of("name", Api.unique(name), "secretName", Api.secret()));
		if (mentor != null) {
			body.put("mentorId", mentor);
		}
		if (age != null) {
			body.put("age", age);
		}
		Response response = this.api.post("/api/heroes", body);
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.id();
	}

}
