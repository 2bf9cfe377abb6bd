package io.github.crudkit.sample;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.crudkit.sample.support.Api;
import io.github.crudkit.sample.support.Api.Response;
import io.github.crudkit.sample.support.SampleIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.registry.HealthContributorRegistry;

import static org.assertj.core.api.Assertions.assertThat;

@SampleIntegrationTest
class OpenApiIntegrationTests {

	@Autowired
	Api api;

	@Autowired
	HealthContributorRegistry health;

	@Test
	void publishesTheContractSchemasUnderTheirNames() {
		JsonNode schemas = this.api.get("/v3/api-docs").json().get("components").get("schemas");

		assertThat(schemas.propertyNames()).contains("TeamCreate", "TeamUpdate", "TeamPublic", "TeamPublicWithHeroes",
				"HeroCreate", "HeroUpdate", "HeroPublic", "HeroSummary", "TeamSummary", "PowerCreate", "PowerUpdate",
				"PowerPublic", "PowerSummary", "HeroPowerAssign", "HeroPowerUpdate", "HeroPower", "HeroPowerSummary");
		assertThat(schemas.get("HeroPublic").get("properties").propertyNames()).containsExactlyInAnyOrder("id", "name",
				"age", "team", "mentor", "powers", "createdAt", "updatedAt");
		assertThat(schemas.get("HeroPower").get("properties").propertyNames()).containsExactlyInAnyOrder("power",
				"level", "acquiredOn");
		assertThat(schemas.get("PowerPublic").get("properties").propertyNames()).containsExactlyInAnyOrder("id", "name",
				"category", "tags", "heroCount", "createdAt", "updatedAt");
		assertThat(schemas.get("PowerCreate").get("properties").get("category").get("enum"))
			.extracting(JsonNode::asString)
			.containsExactly("PHYSICAL", "MENTAL", "ENERGY", "MAGIC", "TECH");
		assertThat(schemas.get("HeroCreate").get("properties").get("secretName").get("writeOnly").asBoolean()).isTrue();
	}

	@Test
	void noResponseSchemaMentionsTheSecretName() {
		JsonNode document = this.api.get("/v3/api-docs").json();
		JsonNode schemas = document.get("components").get("schemas");
		List<String> responseSchemas = new ArrayList<>();
		document.get("paths").forEachEntry((path, operations) -> operations.forEachEntry((method, operation) -> {
			JsonNode responses = operation.get("responses");
			if (responses != null) {
				responses.findValues("$ref").forEach((ref) -> responseSchemas.add(ref.asString()));
			}
		}));
		assertThat(responseSchemas).isNotEmpty();

		List<String> reachable = new ArrayList<>();
		responseSchemas.forEach((ref) -> collect(schemas, ref.substring(ref.lastIndexOf('/') + 1), reachable));

		assertThat(reachable).contains("HeroPublic", "TeamPublicWithHeroes", "HeroSummary");
		for (String name : reachable) {
			assertThat(schemas.get(name).toString()).as("response schema %s", name).doesNotContain("secretName");
		}
	}

	@Test
	void patchDocumentsBothMergePatchMediaTypes() {
		JsonNode patch = this.api.get("/v3/api-docs").json().get("paths").get("/api/heroes/{id}").get("patch");

		assertThat(patch.get("requestBody").get("content").propertyNames()).contains("application/merge-patch+json",
				"application/json");
	}

	@Test
	void createsAnswerCreatedWithTheNewResourcesLocationAndETag() {
		JsonNode paths = document().get("paths");

		for (String path : List.of("/api/teams", "/api/heroes")) {
			JsonNode responses = paths.get(path).get("post").get("responses");
			assertThat(responses.has("200")).as(path).isFalse();
			assertThat(responses.get("201").get("headers").propertyNames()).as(path)
				.containsExactlyInAnyOrder("Location", "ETag", "Idempotent-Replayed", "Crudkit-Read-After");
			assertThat(responses.get("201").get("content").propertyNames()).as(path)
				.containsExactly("application/json");
		}
		JsonNode bulk = paths.get("/api/heroes/bulk").get("post").get("responses").get("201");
		assertThat(bulk.get("headers").propertyNames()).containsExactlyInAnyOrder("Idempotent-Replayed",
				"Crudkit-Read-After");
	}

	@Test
	void everySuccessfulAnswerDocumentsTheReadYourWritesPosition() {
		Set<String> documented = new HashSet<>();
		document().get("paths")
			.forEachEntry((path, item) -> item
				.forEachEntry((method, operation) -> operation.get("responses").forEachEntry((status, response) -> {
					if (status.startsWith("2")) {
						assertThat(response.path("headers").has("Crudkit-Read-After"))
							.as("%s %s %s", method, path, status)
							.isTrue();
						documented.add(method + " " + path);
					}
					else {
						assertThat(response.path("headers").has("Crudkit-Read-After"))
							.as("%s %s %s", method, path, status)
							.isFalse();
					}
				})));
		assertThat(documented).as("operations").hasSize(26);
	}

	@Test
	void everyOperationAnswersJsonAndDocumentsItsErrorsAsProblems() {
		JsonNode document = document();
		List<String> operations = new ArrayList<>();
		document.get("paths").forEachEntry((path, item) -> item.forEachEntry((method, operation) -> {
			String name = method + " " + path;
			operations.add(name);
			JsonNode responses = operation.get("responses");
			assertThat(responses.propertyNames()).as(name).contains("503").doesNotContain("500", "default");
			responses.forEachEntry((status, response) -> {
				JsonNode content = response.path("content");
				if (status.startsWith("2")) {
					assertThat(content.propertyNames()).as("%s %s", name, status)
						.allMatch((type) -> type.equals("application/json"));
				}
				else {
					assertThat(content.propertyNames()).as("%s %s", name, status)
						.containsExactly("application/problem+json");
					assertThat(content.get("application/problem+json").get("schema").get("$ref").asString())
						.isEqualTo("#/components/schemas/Problem");
				}
			});
		}));
		assertThat(operations).hasSize(26);
		JsonNode problem = document.get("components").get("schemas").get("Problem");
		assertThat(problem.get("required").valueStream().map(JsonNode::asString)).containsExactlyInAnyOrder("type",
				"title", "status", "detail", "instance");
		assertThat(problem.get("properties").get("errors").get("items").get("$ref").asString())
			.isEqualTo("#/components/schemas/FieldViolation");
	}

	@Test
	void errorStatusesAreThoseTheEndpointCanAnswer() {
		JsonNode paths = document().get("paths");

		assertThat(statuses(paths, "/api/heroes", "get")).containsExactly("200", "400", "503");
		assertThat(statuses(paths, "/api/heroes/{id}", "get")).containsExactly("200", "400", "404", "503");
		assertThat(statuses(paths, "/api/heroes/{id}", "patch")).containsExactly("200", "400", "404", "409", "412",
				"413", "415", "422", "503");
		assertThat(statuses(paths, "/api/heroes/{id}", "delete")).containsExactly("204", "400", "404", "409", "412",
				"503");
		// 409 and 422 for the Idempotency-Key of every POST and PATCH: its first request
		// still runs; it came with another request.
		assertThat(statuses(paths, "/api/heroes", "post")).containsExactly("201", "400", "409", "413", "415", "422",
				"503");
		// Declared by the controller: a duplicate name is a 409; a team refers to
		// nothing, so its 422 is the key's alone.
		assertThat(statuses(paths, "/api/teams", "post")).containsExactly("201", "400", "409", "413", "415", "422",
				"503");
		assertThat(paths.get("/api/teams").get("post").get("responses").get("422").get("description").asString())
			.isEqualTo("The Idempotency-Key was sent before with a different request (method, path, query or body).");
		assertThat(paths.get("/api/teams/{id}").get("delete").get("responses").get("409").get("description").asString())
			.startsWith("Heroes still belong to the team");
	}

	@Test
	void everyPostAndPatchTakesAnIdempotencyKeyAndSaysWhatItAnswers() {
		List<String> keyed = new ArrayList<>();
		document().get("paths").forEachEntry((path, item) -> item.forEachEntry((method, operation) -> {
			List<JsonNode> keys = operation.path("parameters")
				.valueStream()
				.filter((parameter) -> parameter.get("name").asString().equals("Idempotency-Key"))
				.toList();
			if (!method.equals("post") && !method.equals("patch")) {
				assertThat(keys).as("%s %s", method, path).isEmpty();
				return;
			}
			keyed.add(method + " " + path);
			assertThat(keys).as("%s %s", method, path).singleElement().satisfies((key) -> {
				assertThat(key.get("in").asString()).isEqualTo("header");
				assertThat(key.path("required").asBoolean(false)).isFalse();
				assertThat(key.get("schema").get("maxLength").asInt()).isEqualTo(255);
				assertThat(key.get("description").asString()).contains("answered as the first time");
			});
			JsonNode responses = operation.get("responses");
			assertThat(responses.get("409").get("description").asString()).as("%s %s", method, path)
				.contains("same Idempotency-Key is still being processed");
			assertThat(responses.get("422").get("description").asString()).as("%s %s", method, path)
				.contains("Idempotency-Key was sent before with a different request");
			responses.forEachEntry((status, response) -> {
				if (status.startsWith("2")) {
					assertThat(response.get("headers").has("Idempotent-Replayed")).as("%s %s %s", method, path, status)
						.isTrue();
				}
			});
		}));
		assertThat(keyed).containsExactlyInAnyOrder("post /api/teams", "patch /api/teams/{id}", "post /api/heroes",
				"post /api/heroes/bulk", "patch /api/heroes/{id}", "post /api/powers", "patch /api/powers/{id}",
				"post /api/powers/{id}/restore", "patch /api/heroes/{id}/powers/{powerId}");
	}

	@Test
	void readsCarryTheETagThatConditionalWritesTakeInIfMatch() {
		JsonNode paths = document().get("paths");

		for (String path : List.of("/api/teams/{id}", "/api/heroes/{id}")) {
			assertThat(paths.get(path).get("get").get("responses").get("200").get("headers").has("ETag")).as(path)
				.isTrue();
			assertThat(paths.get(path).get("patch").get("responses").get("200").get("headers").has("ETag")).as(path)
				.isTrue();
			for (String method : List.of("patch", "delete")) {
				JsonNode ifMatch = paths.get(path)
					.get(method)
					.get("parameters")
					.valueStream()
					.filter((parameter) -> parameter.get("name").asString().equals("If-Match"))
					.findFirst()
					.orElseThrow();
				assertThat(ifMatch.get("in").asString()).isEqualTo("header");
				assertThat(ifMatch.get("description").asString()).contains("412");
			}
		}
	}

	@Test
	void operationIdsNameTheControllerAndTheMethod() {
		List<String> ids = new ArrayList<>();
		document().get("paths")
			.forEachEntry((path, item) -> item
				.forEachEntry((method, operation) -> ids.add(operation.get("operationId").asString())));

		assertThat(ids).containsExactlyInAnyOrder("teamCreate", "teamList", "teamGet", "teamPatch", "teamDelete",
				"teamHeroesList", "heroCreate", "heroCreateAll", "heroList", "heroGet", "heroPatch", "heroDelete",
				"heroMentees", "heroLineage", "heroPowerList", "heroPowerGet", "heroPowerAssign", "heroPowerPatch",
				"heroPowerRemove", "powerCreate", "powerList", "powerGet", "powerPatch", "powerRetire", "powerRestore",
				"powerHeroesList");
	}

	@Test
	void recordsSayWhichPropertiesAreRequiredAndWhichNullable() {
		JsonNode schemas = document().get("components").get("schemas");

		assertThat(required(schemas, "HeroPublic")).containsExactlyInAnyOrder("id", "name", "powers", "createdAt",
				"updatedAt");
		JsonNode mentor = schemas.get("HeroPublic").get("properties").get("mentor");
		assertThat(mentor.get("oneOf").get(0).get("$ref").asString()).isEqualTo("#/components/schemas/HeroSummary");
		assertThat(required(schemas, "PowerCreate")).containsExactlyInAnyOrder("name", "category");
		assertThat(required(schemas, "HeroPowerAssign")).containsExactlyInAnyOrder("level");
		assertThat(types(schemas.get("HeroPublic").get("properties").get("age"))).containsExactly("integer", "null");
		JsonNode team = schemas.get("HeroPublic").get("properties").get("team");
		assertThat(team.get("oneOf").get(0).get("$ref").asString()).isEqualTo("#/components/schemas/TeamSummary");
		assertThat(types(team.get("oneOf").get(1))).containsExactly("null");
		assertThat(required(schemas, "TeamPublic")).containsExactlyInAnyOrder("id", "name", "heroCount", "createdAt",
				"updatedAt");
		assertThat(required(schemas, "HeroCreate")).containsExactlyInAnyOrder("name", "secretName");
		assertThat(types(schemas.get("HeroCreate").get("properties").get("teamId"))).containsExactly("integer", "null");
		// Merge patch bodies: absent leaves a field as it is, null clears a nullable one.
		assertThat(schemas.get("HeroUpdate").has("required")).isFalse();
		assertThat(schemas.get("TeamUpdate").has("required")).isFalse();
		assertThat(types(schemas.get("TeamUpdate").get("properties").get("name"))).containsExactly("string");
		assertThat(types(schemas.get("TeamUpdate").get("properties").get("headquarters"))).containsExactly("string",
				"null");
		assertThat(schemas.get("HeroUpdate").get("properties").get("secretName").get("writeOnly").asBoolean()).isTrue();
		assertThat(types(schemas.get("KeysetPageMetadata").get("properties").get("next"))).containsExactly("integer",
				"null");
	}

	@Test
	void documentSaysTheSampleHasNoAuthenticationByDesign() {
		JsonNode document = document();

		assertThat(document.get("info").get("description").asString()).contains("no authentication, by design");
		assertThat(document.has("security")).isFalse();
	}

	/**
	 * Writes the document where CI lints it with Redocly ({@code .ci/run}).
	 */
	@Test
	void writesTheDocumentForTheLinter() throws IOException {
		Path file = Path.of("target", "openapi.json");
		Files.writeString(file, this.api.get("/v3/api-docs").body());

		assertThat(Api.json().readTree(file.toFile()).get("openapi").asString()).startsWith("3.1");
	}

	@Test
	void swaggerUiIsServed() {
		Response redirect = this.api.get("/swagger-ui.html");
		assertThat(redirect.status()).isEqualTo(302);
		assertThat(this.api.get("/swagger-ui/index.html").status()).isEqualTo(200);
	}

	@Test
	void healthShowsAnonymousCallersTheStatusOnly() {
		Response response = this.api.get("/actuator/health");

		assertThat(response.status()).isEqualTo(200);
		JsonNode health = response.json();
		assertThat(health.get("status").asString()).isEqualTo("UP");
		assertThat(health.has("components")).as("components only for authorised callers").isFalse();
		assertThat(health.has("details")).isFalse();
		assertThat(response.body()).doesNotContain("PostgreSQL").doesNotContain("/");
	}

	@Test
	void readinessIncludesTheDatabase() {
		Response readiness = this.api.get("/actuator/health/readiness");

		assertThat(readiness.status()).isEqualTo(200);
		assertThat(readiness.json().get("status").asString()).isEqualTo("UP");
		HealthIndicator database = (HealthIndicator) this.health.getContributor("db");
		assertThat(database.health().getDetails()).containsEntry("database", "PostgreSQL");
	}

	@Test
	void metricsAreServedInPrometheusFormatWithStatementsPerRoute() {
		long id = this.api.post("/api/teams", Map.of("name", Api.unique("Measured"))).id();
		assertThat(this.api.get("/api/teams/" + id).status()).isEqualTo(200);

		Response prometheus = this.api.get("/actuator/prometheus");

		assertThat(prometheus.status()).isEqualTo(200);
		assertThat(prometheus.body())
			.contains("crudkit_sql_statements_count{method=\"GET\",unit=\"request\",uri=\"/api/teams/{id}\"}")
			.contains("crudkit_sql_time_seconds_count{method=\"GET\",unit=\"request\",uri=\"/api/teams/{id}\"}")
			.contains("crudkit_sql_statements_count{method=\"POST\",unit=\"request\",uri=\"/api/teams\"}")
			.doesNotContain("uri=\"/api/teams/" + id + "\"");
	}

	private JsonNode document() {
		return this.api.get("/v3/api-docs").json();
	}

	private static List<String> statuses(JsonNode paths, String path, String method) {
		return paths.get(path).get(method).get("responses").propertyNames().stream().toList();
	}

	private static List<String> required(JsonNode schemas, String name) {
		return schemas.get(name).get("required").valueStream().map(JsonNode::asString).toList();
	}

	private static List<String> types(JsonNode schema) {
		JsonNode type = schema.get("type");
		return type.isArray() ? type.valueStream().map(JsonNode::asString).toList() : List.of(type.asString());
	}

	private static void collect(JsonNode schemas, String name, List<String> reachable) {
		if (reachable.contains(name) || !schemas.has(name)) {
			return;
		}
		reachable.add(name);
		schemas.get(name).findValues("$ref").forEach((ref) -> {
			String target = ref.asString();
			collect(schemas, target.substring(target.lastIndexOf('/') + 1), reachable);
		});
	}

}
