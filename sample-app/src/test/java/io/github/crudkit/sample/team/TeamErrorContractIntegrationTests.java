package io.github.crudkit.sample.team;

import java.util.List;
import java.util.Locale;
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
 * The error rows of the team endpoints in the API contract, plus the
 * {@code ETag}/{@code If-Match} and merge-patch rules they rest on.
 */
@SampleIntegrationTest
class TeamErrorContractIntegrationTests {

	private static final long MISSING = 9_000_000_000L;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Api api;

	// POST /api/teams

	static Stream<Arguments> invalidCreates() {
		String name = Api.unique("Invalid");
		return Stream.of(arguments("blank name", Map.of("name", "   "), List.of("name")),
				arguments("missing name", Map.of("headquarters", "Gotham"), List.of("name")),
				arguments("null name", "{\"name\": null}", List.of("name")),
				arguments("name of 101 characters", Map.of("name", "n".repeat(101)), List.of("name")),
				arguments("headquarters of 201 characters", Map.of("name", name, "headquarters", "h".repeat(201)),
						List.of("headquarters")),
				arguments("both fields invalid", Map.of("name", " ", "headquarters", "h".repeat(201)),
						List.of("name", "headquarters")),
				arguments("unknown property", Map.of("name", name, "motto", "Assemble"), List.of("motto")),
				arguments("read-only property", Map.of("name", name, "heroCount", 3), List.of("heroCount")),
				arguments("name of the wrong type", "{\"name\": {\"first\": \"Teen\"}}", List.of("name")),
				arguments("headquarters of the wrong type",
						"{\"name\": \"" + name + "\", \"headquarters\": [\"a\", \"b\"]}", List.of("headquarters")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidCreates")
	void createWithAnInvalidBodyIs400NamingEachOffendingField(String description, Object body, List<String> fields) {
		long before = countTeams();

		Response response = this.api.post("/api/teams", body);

		assertFieldProblem(response, 400, "/api/teams", fields.toArray(String[]::new));
		assertThat(countTeams()).isEqualTo(before);
	}

	@Test
	void emptyNameIs400NamingOnlyTheName() {
		Response created = createTeam(Api.unique("Named"), null);
		String path = "/api/teams/" + created.id();

		assertThat(fieldsOf(assertProblem(this.api.post("/api/teams", Map.of("name", "")), 400, "/api/teams")))
			.isNotEmpty()
			.containsOnly("name");
		assertThat(fieldsOf(assertProblem(this.api.patch(path, Map.of("name", "")), 400, path))).isNotEmpty()
			.containsOnly("name");
		assertUnchanged(created);
	}

	@Test
	void emptyNameIsOneErrorsEntry() {
		String path = "/api/teams/" + createTeam(Api.unique("Named"), null).id();

		assertFieldProblem(this.api.post("/api/teams", Map.of("name", "")), 400, "/api/teams", "name");
		assertFieldProblem(this.api.patch(path, Map.of("name", "")), 400, path, "name");
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\": \"Cut off\"", "{name: 'Unquoted'}", "{\"name\": \"Trailing\",}",
			"{\"name\": \"Two\"} {\"name\": \"Documents\"}", "", "null", "[]", "\"a string\"", "42" })
	void createWithABodyThatIsNotATeamObjectIs400(String body) {
		long before = countTeams();

		assertProblem(this.api.post("/api/teams", body), 400, "/api/teams");
		assertThat(countTeams()).isEqualTo(before);
	}

	@Test
	void createWithANameTakenInAnyCaseIs409NamingTheName() {
		String name = Api.unique("Titans");
		assertThat(this.api.post("/api/teams", Map.of("name", name)).status()).isEqualTo(201);

		for (String taken : List.of(name, name.toUpperCase(Locale.ROOT), name.toLowerCase(Locale.ROOT))) {
			JsonNode problem = assertFieldProblem(this.api.post("/api/teams", Map.of("name", taken)), 409, "/api/teams",
					"name");
			assertThat(problem.get("detail").asString()).contains("name");
		}
		assertThat(countTeamsNamedIgnoringCase(name)).isEqualTo(1);
	}

	// GET /api/teams/{id} and /api/teams/{id}/heroes

	@Test
	void readUnknownTeamIs404() {
		String path = "/api/teams/" + MISSING;

		assertThat(assertProblem(this.api.get(path), 404, path).get("detail").asString()).contains("Team " + MISSING);
		assertProblem(this.api.get(path + "/heroes"), 404, path + "/heroes");
	}

	// PATCH /api/teams/{id}

	static Stream<Arguments> invalidPatches() {
		return Stream.of(arguments("null name", "{\"name\": null}", List.of("name")),
				arguments("blank name", "{\"name\": \" \"}", List.of("name")),
				arguments("name of 101 characters", "{\"name\": \"" + "n".repeat(101) + "\"}", List.of("name")),
				arguments("headquarters of 201 characters", "{\"headquarters\": \"" + "h".repeat(201) + "\"}",
						List.of("headquarters")),
				arguments("unknown property", "{\"motto\": \"Assemble\"}", List.of("motto")),
				arguments("id", "{\"id\": 1}", List.of("id")),
				arguments("read-only property", "{\"heroCount\": 0}", List.of("heroCount")),
				arguments("name of the wrong type", "{\"name\": {\"first\": \"Teen\"}}", List.of("name")),
				arguments("name as an array", "{\"name\": [\"Teen\"]}", List.of("name")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("invalidPatches")
	void patchWithAnInvalidPropertyIs400NamingItAndChangesNothing(String description, String patch,
			List<String> fields) {
		Response created = createTeam(Api.unique("Steady"), "Star City");
		String path = "/api/teams/" + created.id();

		assertFieldProblem(this.api.patch(path, patch), 400, path, fields.toArray(String[]::new));
		assertUnchanged(created);
	}

	@ParameterizedTest
	@ValueSource(strings = { "{\"name\": \"Cut off\"", "{name: 'Unquoted'}", "", "null", "[]",
			"[{\"name\": \"In an array\"}]", "\"a string\"", "42" })
	void patchWithABodyThatIsNotAJsonObjectIs400AndChangesNothing(String body) {
		Response created = createTeam(Api.unique("Steady"), "Star City");
		String path = "/api/teams/" + created.id();

		assertProblem(this.api.patch(path, body), 400, path);
		assertUnchanged(created);
	}

	@Test
	void patchUnknownTeamIs404() {
		String path = "/api/teams/" + MISSING;

		assertProblem(this.api.patch(path, Map.of("name", Api.unique("Nobody"))), 404, path);
	}

	@Test
	void patchToANameTakenInAnotherCaseIs409NamingTheNameAndChangesNothing() {
		String taken = Api.unique("Outsiders");
		createTeam(taken, null);
		Response other = createTeam(Api.unique("Insiders"), "Bludhaven");
		String path = "/api/teams/" + other.id();

		assertFieldProblem(this.api.patch(path, Map.of("name", taken.toUpperCase(Locale.ROOT))), 409, path, "name");
		assertUnchanged(other);
		assertThat(countTeamsNamedIgnoringCase(taken)).isEqualTo(1);
	}

	@Test
	void patchToTheTeamsOwnNameInAnotherCaseIsNoConflict() {
		String name = Api.unique("Doom Patrol");
		String path = "/api/teams/" + createTeam(name, null).id();

		Response response = this.api.patch(path, Map.of("name", name.toUpperCase(Locale.ROOT)));

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("name").asString()).isEqualTo(name.toUpperCase(Locale.ROOT));
	}

	/**
	 * Stale {@code If-Match} values, written with {@code old} (the version before the
	 * last change), {@code current} and {@code next}: weak tags never match, as RFC
	 * 9110's strong comparison demands.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "\"old\"", "\"next\"", "W/\"current\"", "\"old\", \"next\"" })
	void patchWithAStaleIfMatchIs412AndChangesNothing(String ifMatch) {
		Response created = createTeam(Api.unique("Stale"), "Metropolis");
		String path = "/api/teams/" + created.id();
		Response changed = this.api.patch(path, Map.of("headquarters", "Smallville"),
				Map.of("If-Match", created.header("ETag")));
		assertThat(changed.status()).isEqualTo(200);
		long current = versionOf(changed);
		assertThat(current).isEqualTo(versionOf(created) + 1);

		Response response = this.api.patch(path, Map.of("headquarters", "Keystone"),
				Map.of("If-Match", tags(ifMatch, current)));

		assertProblem(response, 412, path);
		assertUnchanged(changed);
	}

	// DELETE /api/teams/{id}

	@Test
	void deleteUnknownTeamIs404() {
		String path = "/api/teams/" + MISSING;

		assertProblem(this.api.delete(path), 404, path);
	}

	@Test
	void deleteTeamThatStillHasHeroesIs409AndKeepsTheTeam() {
		Response created = createTeam(Api.unique("Crowded"), "Atlantis");
		String path = "/api/teams/" + created.id();
		long heroId = this.api
			.post("/api/heroes", Map.of("name", "Member", "secretName", Api.secret(), "teamId", created.id()))
			.id();

		assertProblem(this.api.delete(path), 409, path);

		JsonNode team = this.api.get(path).json();
		assertThat(team.get("heroCount").asInt()).isEqualTo(1);
		assertThat(team.get("heroes").get(0).get("id").asLong()).isEqualTo(heroId);
		assertThat(this.api.get("/api/heroes/" + heroId).json().get("team").get("id").asLong()).isEqualTo(created.id());

		assertThat(this.api.patch("/api/heroes/" + heroId, "{\"teamId\": null}").status()).isEqualTo(200);
		assertThat(this.api.delete(path).status()).isEqualTo(204);
	}

	@ParameterizedTest
	@ValueSource(strings = { "\"old\"", "\"next\"", "W/\"current\"", "\"old\", \"next\"" })
	void deleteWithAStaleIfMatchIs412AndKeepsTheTeam(String ifMatch) {
		Response created = createTeam(Api.unique("Survivors"), null);
		String path = "/api/teams/" + created.id();
		Response changed = this.api.patch(path, Map.of("headquarters", "Earth"));
		assertThat(changed.status()).isEqualTo(200);

		assertProblem(this.api.delete(path, Map.of("If-Match", tags(ifMatch, versionOf(changed)))), 412, path);

		assertUnchanged(changed);
	}

	// Path ids: anything but a positive int64 is a 400 on every {id} route

	static Stream<Arguments> badIdsOnEveryRoute() {
		return Stream.of("abc", "0", "-1", "99999999999999999999", "1.5")
			.flatMap((id) -> Stream.of(arguments("GET", "/api/teams/" + id), arguments("PATCH", "/api/teams/" + id),
					arguments("DELETE", "/api/teams/" + id), arguments("GET", "/api/teams/" + id + "/heroes")));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("badIdsOnEveryRoute")
	void pathIdThatIsNotAPositiveInt64Is400NamingTheId(String method, String path) {
		Object body = method.equals("PATCH") ? Map.of("headquarters", "Nowhere") : null;
		String contentType = method.equals("PATCH") ? "application/merge-patch+json" : null;

		assertFieldProblem(this.api.send(method, path, body, contentType, Map.of()), 400, path, "id");
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({ "GET, 0x{id}", "GET, %20{id}", "GET, {id}%20", "PATCH, 0x{id}", "DELETE, 0x{id}", "DELETE, %09{id}" })
	void pathIdThatOnlyLooksLikeAnIdIs400(String method, String template) {
		Response created = createTeam(Api.unique("Aliased"), null);
		String path = "/api/teams/" + template.replace("{id}",
				template.startsWith("0x") ? Long.toHexString(created.id()) : Long.toString(created.id()));
		Object body = method.equals("PATCH") ? Map.of("headquarters", "Alias") : null;

		Response response = this.api.send(method, path, body,
				method.equals("PATCH") ? "application/merge-patch+json" : null, Map.of());

		assertFieldProblem(response, 400, path, "id");
		assertUnchanged(created);
	}

	// ETag and If-Match

	@Test
	void everySingleTeamResponseCarriesItsVersionAsETagWhichGrowsWithEachChange() {
		Response created = createTeam(Api.unique("Tagged"), null);
		String path = "/api/teams/" + created.id();
		long version = versionOf(created);
		assertThat(this.api.get(path).header("ETag")).isEqualTo("\"" + version + "\"");

		Response patched = this.api.patch(path, Map.of("headquarters", "Hall of Justice"));

		assertThat(patched.status()).isEqualTo(200);
		assertThat(versionOf(patched)).isEqualTo(version + 1);
		assertThat(this.api.get(path).header("ETag")).isEqualTo("\"" + (version + 1) + "\"");
		assertThat(storedVersion(created.id())).isEqualTo(version + 1);
	}

	@Test
	void patchAndDeleteWithTheCurrentETagSucceed() {
		Response created = createTeam(Api.unique("Current"), null);
		String path = "/api/teams/" + created.id();

		Response patched = this.api.patch(path, Map.of("headquarters", "Titans Tower"),
				Map.of("If-Match", created.header("ETag")));
		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().get("headquarters").asString()).isEqualTo("Titans Tower");

		Response listed = this.api.patch(path, Map.of("headquarters", "Jump City"),
				Map.of("If-Match", "\"41\", " + patched.header("ETag")));
		assertThat(listed.status()).isEqualTo(200);

		assertThat(this.api.delete(path, Map.of("If-Match", listed.header("ETag"))).status()).isEqualTo(204);
		assertThat(this.api.get(path).status()).isEqualTo(404);
	}

	@Test
	void patchAndDeleteWithIfMatchAnySucceed() {
		String path = "/api/teams/" + createTeam(Api.unique("Anything"), null).id();

		Response patched = this.api.patch(path, Map.of("headquarters", "Anywhere"), Map.of("If-Match", "*"));
		assertThat(patched.status()).isEqualTo(200);
		assertThat(patched.json().get("headquarters").asString()).isEqualTo("Anywhere");

		assertThat(this.api.delete(path, Map.of("If-Match", "*")).status()).isEqualTo(204);
		assertThat(this.api.get(path).status()).isEqualTo(404);
	}

	@Test
	void emptyPatchIsA200NoOpThatKeepsTheETag() {
		Response created = createTeam(Api.unique("Idle"), "Limbo");
		String path = "/api/teams/" + created.id();

		Response response = this.api.patch(path, "{}");

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.header("ETag")).isEqualTo(created.header("ETag"));
		assertThat(response.json()).isEqualTo(created.json());
		assertUnchanged(created);
	}

	// Media types of PATCH

	@ParameterizedTest
	@ValueSource(strings = { "application/merge-patch+json", "application/json" })
	void patchAcceptsBothMergePatchMediaTypes(String contentType) {
		String path = "/api/teams/" + createTeam(Api.unique("Typed"), null).id();

		Response response = this.api.send("PATCH", path, Map.of("headquarters", contentType), contentType, Map.of());

		assertThat(response.status()).isEqualTo(200);
		assertThat(response.json().get("headquarters").asString()).isEqualTo(contentType);
	}

	@Test
	void patchAsPlainTextIs415AndChangesNothing() {
		Response created = createTeam(Api.unique("Plain"), null);
		String path = "/api/teams/" + created.id();

		Response response = this.api.send("PATCH", path, "{\"headquarters\": \"Text\"}", "text/plain", Map.of());

		assertProblem(response, 415, path);
		assertUnchanged(created);
	}

	private Response createTeam(String name, String headquarters) {
		Map<String, Object> team = new java.util.HashMap<>(Map.of("name", name));
		if (headquarters != null) {
			team.put("headquarters", headquarters);
		}
		Response response = this.api.post("/api/teams", team);
		assertThat(response.status()).isEqualTo(201);
		return response;
	}

	/**
	 * Assert that the team still is as the given response showed it: same fields, same
	 * ETag, same stored version.
	 */
	private void assertUnchanged(Response before) {
		JsonNode expected = before.json();
		Response now = this.api.get("/api/teams/" + before.id());
		assertThat(now.status()).isEqualTo(200);
		assertThat(now.header("ETag")).isEqualTo(before.header("ETag"));
		JsonNode actual = now.json();
		for (String property : List.of("name", "headquarters", "createdAt", "updatedAt")) {
			assertThat(actual.get(property)).as(property).isEqualTo(expected.get(property));
		}
		assertThat(storedVersion(before.id())).isEqualTo(versionOf(before));
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
		return this.jdbc.sql("select version from team where id = ?").param(id).query(Long.class).single();
	}

	private long countTeams() {
		return this.jdbc.sql("select count(*) from team").query(Long.class).single();
	}

	private long countTeamsNamedIgnoringCase(String name) {
		return this.jdbc.sql("select count(*) from team where lower(name) = lower(?)")
			.param(name)
			.query(Long.class)
			.single();
	}

}
