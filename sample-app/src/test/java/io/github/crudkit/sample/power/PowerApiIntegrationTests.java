package io.github.crudkit.sample.power;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * Powers against the contract: an enum, an array column and soft delete.
 */
@SampleIntegrationTest
class PowerApiIntegrationTests {

	@Autowired
	Api api;

	@Autowired
	JdbcClient jdbc;

	@Test
	void createAnswers201WithPowerPublicTagsSortedAndNoHolders() {
		String name = Api.unique("Flight");
		Response response = this.api.post("/api/powers",
				Map.of("name", name, "category", "PHYSICAL", "tags", List.of("sky", "air-2", "Z".toLowerCase())));

		assertThat(response.status()).isEqualTo(201);
		JsonNode power = response.json();
		assertThat(response.header("Location")).isEqualTo("/api/powers/" + power.get("id").asLong());
		assertThat(response.header("ETag")).isEqualTo("\"0\"");
		assertThat(power.propertyNames()).containsExactlyInAnyOrder("id", "name", "category", "tags", "heroCount",
				"createdAt", "updatedAt");
		assertThat(power.get("category").asString()).isEqualTo("PHYSICAL");
		assertThat(power.get("tags").valueStream().map(JsonNode::asString)).containsExactly("air-2", "sky", "z");
		assertThat(power.get("heroCount").asInt()).isZero();
		assertThat(this.api.get("/api/powers/" + power.get("id").asLong()).json()).isEqualTo(power);
	}

	@Test
	void absentTagsAreNoneAndNullTagsAreRefused() {
		Response absent = this.api.post("/api/powers", Map.of("name", Api.unique("Bare"), "category", "MENTAL"));
		assertThat(absent.status()).isEqualTo(201);
		assertThat(absent.json().get("tags").isEmpty()).isTrue();

		Map<String, Object> nullTags = new HashMap<>(Map.of("name", Api.unique("Null"), "category", "MENTAL"));
		nullTags.put("tags", null);
		assertFieldProblem(this.api.post("/api/powers", nullTags), 400, "/api/powers", "tags");
	}

	@Test
	void aCategoryOutsideTheEnumIsA400ListingTheValues() {
		JsonNode body = assertFieldProblem(
				this.api.post("/api/powers", Map.of("name", Api.unique("Odd"), "category", "COSMIC")), 400,
				"/api/powers", "category");
		assertThat(body.get("errors").get(0).get("message").asString())
			.isEqualTo("must be one of PHYSICAL, MENTAL, ENERGY, MAGIC, TECH");

		JsonNode query = assertFieldProblem(this.api.get("/api/powers?category=COSMIC"), 400, "/api/powers",
				"category");
		assertThat(query.get("detail").asString()).contains("PHYSICAL, MENTAL, ENERGY, MAGIC, TECH");
	}

	@Test
	void eachTagIsValidatedAndNamedByItsIndex() {
		assertFieldProblem(this.api.post("/api/powers",
				Map.of("name", Api.unique("Tags"), "category", "TECH", "tags", List.of("ok", "Not-OK", "-dash"))), 400,
				"/api/powers", "tags[1]", "tags[2]");
		assertFieldProblem(
				this.api.post("/api/powers",
						Map.of("name", Api.unique("Twice"), "category", "TECH", "tags", List.of("a", "b", "a"))),
				400, "/api/powers", "tags[2]");
		List<String> eleven = new ArrayList<>();
		for (int i = 0; i < 11; i++) {
			eleven.add("t" + i);
		}
		assertFieldProblem(
				this.api.post("/api/powers", Map.of("name", Api.unique("Many"), "category", "TECH", "tags", eleven)),
				400, "/api/powers", "tags");
		long id = create(Api.unique("Patched"), "TECH", List.of("a"));
		assertFieldProblem(this.api.patch("/api/powers/" + id, Map.of("tags", List.of("ok", "BAD"))), 400,
				"/api/powers/" + id, "tags[1]");
	}

	@Test
	void namesAreUniqueRegardlessOfCaseAmongLivePowers() {
		String name = Api.unique("Telepathy");
		long first = create(name, "MENTAL", List.of());

		assertFieldProblem(this.api.post("/api/powers", Map.of("name", name.toUpperCase(), "category", "MENTAL")), 409,
				"/api/powers", "name");

		assertThat(this.api.delete("/api/powers/" + first).status()).isEqualTo(204);
		long second = create(name.toUpperCase(), "MENTAL", List.of());
		assertThat(second).isNotEqualTo(first);
	}

	@Test
	void patchChangesFieldsRefusesNullsAndClearsTagsWithAnEmptyArray() {
		long id = create(Api.unique("Shift"), "MAGIC", List.of("a", "b"));
		String path = "/api/powers/" + id;

		Response patched = this.api.patch(path, Map.of("category", "ENERGY", "tags", List.of()));
		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().get("category").asString()).isEqualTo("ENERGY");
		assertThat(patched.json().get("tags").isEmpty()).isTrue();
		assertThat(patched.header("ETag")).isEqualTo("\"1\"");

		for (String field : List.of("name", "category", "tags")) {
			Map<String, Object> body = new HashMap<>();
			body.put(field, null);
			assertFieldProblem(this.api.patch(path, body), 400, path, field);
		}
		assertThat(this.api.patch(path, Map.of()).status()).isEqualTo(200);
		assertProblem(this.api.patch(path, Map.of("name", "x"), Map.of("If-Match", "\"0\"")), 412, path);
	}

	@Test
	void aRetiredPowerIsUnknownToEveryEndpointButTheRetiredListAndRestore() {
		String name = Api.unique("Invisibility");
		long id = create(name, "MAGIC", List.of("stealth"));
		String path = "/api/powers/" + id;

		assertThat(this.api.delete(path).status()).isEqualTo(204);

		assertProblem(this.api.get(path), 404, path);
		assertProblem(this.api.patch(path, Map.of("name", "Again")), 404, path);
		assertProblem(this.api.delete(path), 404, path);
		assertProblem(this.api.get(path + "/heroes"), 404, path + "/heroes");
		assertThat(ids(this.api.get("/api/powers?size=100&name=" + encoded(name)).json())).doesNotContain(id);
		assertThat(ids(this.api.get("/api/powers?size=100&retired=true&name=" + encoded(name)).json()))
			.containsExactly(id);
		assertThat(ids(this.api.get("/api/powers?after=0&size=100&retired=true&name=" + encoded(name)).json()))
			.containsExactly(id);
		assertThat(this.jdbc.sql("select retired from power where id = ?").param(id).query(Boolean.class).single())
			.isTrue();

		Response restored = this.api.post(path + "/restore", Map.of());
		assertThat(restored.status()).isEqualTo(200);
		assertThat(restored.json().get("name").asString()).isEqualTo(name);
		assertThat(this.api.get(path).status()).isEqualTo(200);
		assertThat(ids(this.api.get("/api/powers?size=100&retired=true&name=" + encoded(name)).json())).isEmpty();

		Response again = this.api.post(path + "/restore", Map.of());
		assertThat(again.status()).isEqualTo(200);
		assertThat(again.json()).isEqualTo(this.api.get(path).json());
	}

	@Test
	void restoringAPowerWhoseNameWasTakenIsA409NamingName() {
		String name = Api.unique("Speed");
		long retired = create(name, "PHYSICAL", List.of());
		assertThat(this.api.delete("/api/powers/" + retired).status()).isEqualTo(204);
		create(name, "PHYSICAL", List.of());

		assertFieldProblem(this.api.post("/api/powers/" + retired + "/restore", Map.of()), 409,
				"/api/powers/" + retired + "/restore", "name");
		assertProblem(this.api.post("/api/powers/9000000000/restore", Map.of()), 404, "/api/powers/9000000000/restore");
	}

	@Test
	void listsFilterByNameCategoryAndEveryTagGiven() {
		String prefix = Api.unique("Filter");
		long a = create(prefix + " a", "TECH", List.of("red", "blue"));
		long b = create(prefix + " b", "TECH", List.of("red"));
		long c = create(prefix + " c", "MAGIC", List.of("red", "blue", "green"));

		assertThat(ids(this.api.get("/api/powers?size=100&name=" + encoded(prefix)).json())).containsExactly(a, b, c);
		assertThat(ids(this.api.get("/api/powers?size=100&name=" + encoded(prefix) + "&category=TECH").json()))
			.containsExactly(a, b);
		assertThat(ids(this.api.get("/api/powers?size=100&name=" + encoded(prefix) + "&tag=red&tag=blue").json()))
			.containsExactly(a, c);
		assertThat(ids(this.api.get("/api/powers?size=100&name=" + encoded(prefix) + "&tag=green").json()))
			.containsExactly(c);
		assertThat(
				ids(this.api.get("/api/powers?size=100&name=" + encoded(prefix) + "&sort=category,desc&sort=name,desc")
					.json()))
			.containsExactly(b, a, c);
		assertFieldProblem(this.api.get("/api/powers?sort=tags"), 400, "/api/powers", "sort");
		JsonNode keyset = this.api.get("/api/powers?after=" + a + "&size=1&name=" + encoded(prefix)).json();
		assertThat(ids(keyset)).containsExactly(b);
		assertThat(keyset.get("page").get("next").asLong()).isEqualTo(b);
	}

	private long create(String name, String category, List<String> tags) {
		Response response = this.api.post("/api/powers", Map.of("name", name, "category", category, "tags", tags));
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		return response.id();
	}

	private static String encoded(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8);
	}

	private static List<Long> ids(JsonNode page) {
		return page.get("content").valueStream().map((power) -> power.get("id").asLong()).toList();
	}

}
