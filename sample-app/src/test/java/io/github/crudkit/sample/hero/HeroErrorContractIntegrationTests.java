package io.github.crudkit.sample.hero;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.github.crudkit.sample.support.Api;
import io.github.crudkit.sample.support.Api.Response;
import io.github.crudkit.sample.support.SampleIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.github.crudkit.sample.support.Problems.assertFieldProblem;
import static io.github.crudkit.sample.support.Problems.assertProblem;
import static io.github.crudkit.sample.support.Problems.fieldsOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The error rows of the hero endpoints in the API contract (bulk create aside), plus the
 * {@code ETag}/{@code If-Match} and merge-patch rules they rest on.
 */
@SampleIntegrationTest
class HeroErrorContractIntegrationTests {

	private static final long MISSING = 9_000_000_000L;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Api api;

	// POST /api/heroes

	static Stream<Arguments> invalidCreates() {
		return Stream.of(arguments("blank name", hero("name", "  "), List.of("name")),
				arguments("missing name", without(hero(), "name"), List.of("name")),
				arguments("null name", hero("name", null), List.of("name")),
				arguments("name of 101 characters", hero("name", "n".repeat(101)), List.of("name")),
				arguments("missing secretName", without(hero(), "secretName"), List.of("secretName")),
				arguments("blank secretName", hero("secretName", " "), List.of("secretName")),
				arguments("secretName of 101 characters", hero("secretName", Api.SECRET + "s".repeat(94)),
						List.of("secretName")),
				arguments("age -1", hero("age", -1), List.of("age")),
				arguments("age 10001", hero("age", 10001), List.of("age")),
				arguments("teamId 0", hero("teamId", 0), List.of("teamId")),
				arguments("teamId -5", hero("teamId", -5), List.of("teamId")),
				arguments("empty object", Map.of(), List.of("name", "secretName")),
				arguments("every field invalid", Map.of("name", " ", "secretName", " ", "age", 10001, "teamId", -1),
						List.of("name", "secretName", "age", "teamId")),
				arguments("unknown property", hero("power", "flight"), List.of("power")),
				arguments("read-only property", hero("createdAt", "2020-01-01T00:00:00Z"), List.of("createdAt")),
				arguments("response-only property", hero("team", Map.of("id", 1)), List.of("team")),
				arguments("age of the wrong type", hero("age", "old"), List.of("age")),
				arguments("age as an object", hero("age", Map.of("years", 30)), List.of("age")),
				arguments("teamId of the wrong type", hero("teamId", "abc"), List.of("teamId")),
				arguments("name of the wrong type", hero("name", List.of("a", "b")), List.of("name")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidCreates")
	void createWithAnInvalidBodyIs400NamingEachOffendingField(String description, Map<String, Object> body,
			List<String> fields) {
		long before = countHeroes();

		Response response = this.api.post("/api/heroes", body);

		assertFieldProblem(response, 400, "/api/heroes", fields.toArray(String[]::new));
		assertThat(countHeroes()).isEqualTo(before);
	}

	@Test
	void emptyNameAndSecretNameAre400NamingOnlyThoseFields() {
		long before = countHeroes();

		Response response = this.api.post("/api/heroes", Map.of("name", "", "secretName", ""));

		assertThat(fieldsOf(assertProblem(response, 400, "/api/heroes"))).containsOnly("name", "secretName")
			.contains("name", "secretName");
		assertThat(countHeroes()).isEqualTo(before);
	}

	@Test
	void emptyNameAndSecretNameAreOneErrorsEntryEach() {
		Snapshot created = createHero();

		assertFieldProblem(this.api.post("/api/heroes", Map.of("name", "", "secretName", "")), 400, "/api/heroes",
				"name", "secretName");
		assertFieldProblem(this.api.patch(created.path(), Map.of("secretName", "")), 400, created.path(), "secretName");
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "{\"age\": 99999999999}", "{\"age\": -99999999999}", "{\"teamId\": 99999999999999999999}" })
	void numberOutOfRangeIs400(String properties) {
		long before = countHeroes();

		assertProblem(this.api.post("/api/heroes", withNameAndSecret(properties)), 400, "/api/heroes");
		assertThat(countHeroes()).isEqualTo(before);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', value = { "{\"age\": 99999999999}|age", "{\"teamId\": 99999999999999999999}|teamId" })
	void numberOutOfRangeIs400NamingTheField(String properties, String field) {
		assertFieldProblem(this.api.post("/api/heroes", withNameAndSecret(properties)), 400, "/api/heroes", field);
	}

	@Test
	void fractionForAnIntegerFieldIs400NamingIt() {
		long teamId = this.api.post("/api/teams", Map.of("name", Api.unique("Truncated"))).id();
		long before = countHeroes();

		assertFieldProblem(this.api.post("/api/heroes", withNameAndSecret("{\"age\": 1.5}")), 400, "/api/heroes",
				"age");
		assertFieldProblem(this.api.post("/api/heroes", withNameAndSecret("{\"teamId\": " + teamId + ".9}")), 400,
				"/api/heroes", "teamId");
		assertThat(countHeroes()).isEqualTo(before);

		Snapshot created = createHero();
		assertFieldProblem(this.api.patch(created.path(), "{\"age\": 40.99}"), 400, created.path(), "age");
		assertUnchanged(created);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "\"age\": \"42\"|age", "\"teamId\": \"1\"|teamId", "\"name\": 123|name", "\"name\": true|name" })
	void valueOfTheWrongJsonTypeIsNotCoerced(String property, String field) {
		long teamId = this.api.post("/api/teams", Map.of("name", Api.unique("Coerced"))).id();
		Map<String, Object> hero = hero();
		hero.remove(field);
		String body = Api.json().writeValueAsString(hero);
		body = body.substring(0, body.length() - 1) + ", " + property.replace("\"1\"", "\"" + teamId + "\"") + "}";
		long before = countHeroes();

		assertFieldProblem(this.api.post("/api/heroes", body), 400, "/api/heroes", field);
		assertThat(countHeroes()).isEqualTo(before);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\": \"Cut off\"", "{name: 'Unquoted', secretName: 'x'}",
			"{\"name\": \"A\", \"name\": }", "", "null", "[]", "\"a string\"", "true" })
	void createWithABodyThatIsNotAHeroObjectIs400(String body) {
		long before = countHeroes();

		assertProblem(this.api.post("/api/heroes", body), 400, "/api/heroes");
		assertThat(countHeroes()).isEqualTo(before);
	}

	@Test
	void createAcceptsTheBoundaryValues() {
		Response youngest = this.api.post("/api/heroes",
				Map.of("name", "n".repeat(100), "secretName", Api.SECRET + "s".repeat(93), "age", 0));
		Response oldest = this.api.post("/api/heroes", Map.of("name", "N", "secretName", Api.secret(), "age", 10000));

		assertThat(youngest.status()).isEqualTo(201);
		assertThat(youngest.json().get("name").asString()).hasSize(100);
		assertThat(youngest.json().get("age").asInt()).isZero();
		assertThat(oldest.status()).isEqualTo(201);
		assertThat(oldest.json().get("age").asInt()).isEqualTo(10000);
	}

	@Test
	void createWithAnUnknownTeamIs422NamingTeamIdAndStoresNothing() {
		String name = Api.unique("Orphan");

		Response response = this.api.post("/api/heroes",
				Map.of("name", name, "secretName", Api.secret(), "teamId", MISSING));

		JsonNode problem = assertFieldProblem(response, 422, "/api/heroes", "teamId");
		// The foreign key refuses the row; no lookup ran before the insert.
		assertThat(problem.get("detail").asString()).isEqualTo("'teamId' refers to a resource that does not exist.");
		assertThat(this.jdbc.sql("select count(*) from hero where name = ?").param(name).query(Long.class).single())
			.isZero();
	}

	// GET /api/heroes (paging and sorting errors are covered elsewhere)

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = '|', value = { "minAge=abc|minAge", "maxAge=1.5|maxAge", "minAge=99999999999|minAge",
			"teamId=abc|teamId", "teamId=0|teamId", "teamId=-1|teamId", "teamId=99999999999999999999|teamId" })
	void listWithAnInvalidFilterIs400NamingIt(String query, String field) {
		assertFieldProblem(this.api.get("/api/heroes?" + query), 400, "/api/heroes", field);
	}

	@Test
	void listWithAFilterForAnUnknownTeamIsAnEmptyPage() {
		Response response = this.api.get("/api/heroes?teamId=" + MISSING);

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("page").get("totalElements").asLong()).isZero();
	}

	// GET /api/heroes/{id}

	@Test
	void readUnknownHeroIs404() {
		String path = "/api/heroes/" + MISSING;

		assertThat(assertProblem(this.api.get(path), 404, path).get("detail").asString()).contains("Hero " + MISSING);
	}

	// PATCH /api/heroes/{id}

	static Stream<Arguments> invalidPatches() {
		return Stream.of(arguments("null name", "{\"name\": null}", List.of("name")),
				arguments("null secretName", "{\"secretName\": null}", List.of("secretName")),
				arguments("blank name", "{\"name\": \"  \"}", List.of("name")),
				arguments("blank secretName", "{\"secretName\": \" \"}", List.of("secretName")),
				arguments("name of 101 characters", "{\"name\": \"" + "n".repeat(101) + "\"}", List.of("name")),
				arguments("age -1", "{\"age\": -1}", List.of("age")),
				arguments("age 10001", "{\"age\": 10001}", List.of("age")),
				arguments("teamId 0", "{\"teamId\": 0}", List.of("teamId")),
				arguments("null name and secretName", "{\"name\": null, \"secretName\": null}",
						List.of("name", "secretName")),
				arguments("unknown property", "{\"power\": \"flight\"}", List.of("power")),
				arguments("id", "{\"id\": 1}", List.of("id")),
				arguments("response-only property", "{\"team\": {\"id\": 1}}", List.of("team")),
				arguments("age of the wrong type", "{\"age\": \"old\"}", List.of("age")),
				arguments("teamId of the wrong type", "{\"teamId\": {\"id\": 1}}", List.of("teamId")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidPatches")
	void patchWithAnInvalidPropertyIs400NamingItAndChangesNothing(String description, String patch,
			List<String> fields) {
		Snapshot created = createHero();

		assertFieldProblem(this.api.patch(created.path(), patch), 400, created.path(), fields.toArray(String[]::new));
		assertUnchanged(created);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"age\": 3", "{age: 3}", "", "null", "[]", "[{\"age\": 3}]", "\"a string\"", "7" })
	void patchWithABodyThatIsNotAJsonObjectIs400AndChangesNothing(String body) {
		Snapshot created = createHero();

		assertProblem(this.api.patch(created.path(), body), 400, created.path());
		assertUnchanged(created);
	}

	@Test
	void patchUnknownHeroIs404() {
		String path = "/api/heroes/" + MISSING;

		assertProblem(this.api.patch(path, Map.of("age", 1)), 404, path);
	}

	@Test
	void patchToAnUnknownTeamIs422NamingTeamIdAndChangesNothing() {
		Snapshot created = createHero();

		Response response = this.api.patch(created.path(), Map.of("teamId", MISSING, "age", 99));

		assertFieldProblem(response, 422, created.path(), "teamId");
		assertUnchanged(created);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"old\"", "\"next\"", "W/\"current\"", "\"old\", \"next\"" })
	void patchWithAStaleIfMatchIs412AndChangesNothing(String ifMatch) {
		Snapshot created = createHero();
		Snapshot changed = created.after(this.api.patch(created.path(), Map.of("age", 31)));

		Response response = this.api.patch(created.path(), Map.of("age", 32, "secretName", Api.secret()),
				Map.of("If-Match", tags(ifMatch, changed.version())));

		assertProblem(response, 412, created.path());
		assertUnchanged(changed);
	}

	// DELETE /api/heroes/{id}

	@Test
	void deleteUnknownHeroIs404() {
		String path = "/api/heroes/" + MISSING;

		assertProblem(this.api.delete(path), 404, path);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"old\"", "\"next\"", "W/\"current\"", "\"old\", \"next\"" })
	void deleteWithAStaleIfMatchIs412AndKeepsTheHero(String ifMatch) {
		Snapshot created = createHero();
		Snapshot changed = created.after(this.api.patch(created.path(), Map.of("age", 31)));

		Response response = this.api.delete(created.path(), Map.of("If-Match", tags(ifMatch, changed.version())));

		assertProblem(response, 412, created.path());
		assertUnchanged(changed);
	}

	// Path ids: anything but a positive int64 is a 400 on every {id} route

	static Stream<Arguments> badIdsOnEveryRoute() {
		return Stream.of("abc", "0", "-1", "99999999999999999999", "1.5")
			.flatMap((id) -> Stream.of(arguments("GET", "/api/heroes/" + id), arguments("PATCH", "/api/heroes/" + id),
					arguments("DELETE", "/api/heroes/" + id)));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("badIdsOnEveryRoute")
	void pathIdThatIsNotAPositiveInt64Is400NamingTheId(String method, String path) {
		Object body = method.equals("PATCH") ? Map.of("age", 1) : null;
		String contentType = method.equals("PATCH") ? "application/merge-patch+json" : null;

		assertFieldProblem(this.api.send(method, path, body, contentType, Map.of()), 400, path, "id");
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "GET, 0x{id}", "GET, %20{id}", "PATCH, 0x{id}", "DELETE, 0x{id}" })
	void pathIdThatOnlyLooksLikeAnIdIs400(String method, String template) {
		Snapshot created = createHero();
		String path = "/api/heroes/" + template.replace("{id}",
				template.startsWith("0x") ? Long.toHexString(created.id()) : Long.toString(created.id()));
		Object body = method.equals("PATCH") ? Map.of("age", 99) : null;

		Response response = this.api.send(method, path, body,
				method.equals("PATCH") ? "application/merge-patch+json" : null, Map.of());

		assertFieldProblem(response, 400, path, "id");
		assertUnchanged(created);
	}

	// ETag and If-Match

	@Test
	void everySingleHeroResponseCarriesItsVersionAsETagWhichGrowsWithEachChange() {
		Snapshot created = createHero();
		assertThat(this.api.get(created.path()).header("ETag")).isEqualTo(created.eTag());

		Response patched = this.api.patch(created.path(), Map.of("age", 77));

		assertThat(patched.status()).isEqualTo(200);
		assertThat(versionOf(patched)).isEqualTo(created.version() + 1);
		assertThat(this.api.get(created.path()).header("ETag")).isEqualTo(patched.header("ETag"));
		assertThat(storedVersion(created.id())).isEqualTo(created.version() + 1);
	}

	@Test
	void changingOnlyTheSecretNameAlsoChangesTheETag() {
		Snapshot created = createHero();

		Response patched = this.api.patch(created.path(), Map.of("secretName", Api.secret()));

		assertThat(patched.status()).isEqualTo(200);
		assertThat(versionOf(patched)).isEqualTo(created.version() + 1);
	}

	@Test
	void patchAndDeleteWithTheCurrentETagSucceed() {
		Snapshot created = createHero();

		Response patched = this.api.patch(created.path(), Map.of("age", 50), Map.of("If-Match", created.eTag()));
		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().get("age").asInt()).isEqualTo(50);

		assertThat(this.api.delete(created.path(), Map.of("If-Match", patched.header("ETag"))).status()).isEqualTo(204);
		assertThat(this.api.get(created.path()).status()).isEqualTo(404);
	}

	@Test
	void patchAndDeleteWithIfMatchAnySucceed() {
		Snapshot created = createHero();

		Response patched = this.api.patch(created.path(), Map.of("age", 51), Map.of("If-Match", "*"));
		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().get("age").asInt()).isEqualTo(51);

		assertThat(this.api.delete(created.path(), Map.of("If-Match", "*")).status()).isEqualTo(204);
		assertThat(this.api.get(created.path()).status()).isEqualTo(404);
	}

	@Test
	void emptyPatchIsA200NoOpThatKeepsTheETag() {
		Snapshot created = createHero();

		Response response = this.api.patch(created.path(), "{}");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("ETag")).isEqualTo(created.eTag());
		assertThat(response.json()).isEqualTo(created.json());
		assertUnchanged(created);
	}

	// Media types of PATCH

	@ParameterizedTest
	@ValueSource(strings = { "application/merge-patch+json", "application/json" })
	void patchAcceptsBothMergePatchMediaTypes(String contentType) {
		Snapshot created = createHero();

		Response response = this.api.send("PATCH", created.path(), Map.of("age", 64), contentType, Map.of());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("age").asInt()).isEqualTo(64);
	}

	@Test
	void patchAsPlainTextIs415AndChangesNothing() {
		Snapshot created = createHero();

		Response response = this.api.send("PATCH", created.path(), "{\"age\": 65}", "text/plain", Map.of());

		assertProblem(response, 415, created.path());
		assertUnchanged(created);
	}

	private static Map<String, Object> hero() {
		Map<String, Object> hero = new HashMap<>();
		hero.put("name", Api.unique("Valid"));
		hero.put("secretName", Api.secret());
		hero.put("age", 30);
		return hero;
	}

	private static Map<String, Object> hero(String property, Object value) {
		Map<String, Object> hero = hero();
		hero.put(property, value);
		return hero;
	}

	private static String withNameAndSecret(String properties) {
		return "{\"name\": \"" + Api.unique("Ranged") + "\", \"secretName\": \"" + Api.secret() + "\", "
				+ properties.substring(1);
	}

	private static Map<String, Object> without(Map<String, Object> hero, String property) {
		hero.remove(property);
		return hero;
	}

	/**
	 * Create a hero in a team of its own, so that a change of team would show.
	 */
	private Snapshot createHero() {
		long teamId = this.api.post("/api/teams", Map.of("name", Api.unique("Home"))).id();
		String secret = Api.secret();
		Response response = this.api.post("/api/heroes",
				Map.of("name", Api.unique("Steady"), "secretName", secret, "age", 30, "teamId", teamId));
		assertThat(response.status()).isEqualTo(201);
		return new Snapshot(response, secret);
	}

	/**
	 * Assert that the hero still is as the given snapshot showed it: same fields, same
	 * secret name, same ETag and stored version.
	 */
	private void assertUnchanged(Snapshot before) {
		Response now = this.api.get(before.path());
		assertThat(now.status()).isEqualTo(200);
		assertThat(now.header("ETag")).isEqualTo(before.eTag());
		assertThat(now.json()).isEqualTo(before.json());
		assertThat(this.jdbc.sql("select secret_name from hero where id = ?")
			.param(before.id())
			.query(String.class)
			.single()).isEqualTo(before.secret());
		assertThat(storedVersion(before.id())).isEqualTo(before.version());
	}

	private static String tags(String template, long current) {
		return template.replace("old", Long.toString(current - 1))
			.replace("current", Long.toString(current))
			.replace("next", Long.toString(current + 1));
	}

	private static long versionOf(Response response) {
		String eTag = response.header("ETag");
		assertThat(eTag).as("ETag").matches("\"\\d+\"");
		return Long.parseLong(eTag.substring(1, eTag.length() - 1));
	}

	private long storedVersion(long id) {
		return this.jdbc.sql("select version from hero where id = ?").param(id).query(Long.class).single();
	}

	private long countHeroes() {
		return this.jdbc.sql("select count(*) from hero").query(Long.class).single();
	}

	/**
	 * A hero as a response showed it, with the secret name it was given.
	 */
	private record Snapshot(Response response, String secret) {

		long id() {
			return this.response.id();
		}

		String path() {
			return "/api/heroes/" + id();
		}

		JsonNode json() {
			return this.response.json();
		}

		String eTag() {
			return this.response.header("ETag");
		}

		long version() {
			return versionOf(this.response);
		}

		Snapshot after(Response change) {
			assertThat(change.status()).isEqualTo(200);
			return new Snapshot(change, this.secret);
		}

	}

}
