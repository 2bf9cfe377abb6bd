package io.github.crudkit.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.github.crudkit.sample.support.Api.Response;
import io.github.crudkit.sample.support.Api;
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
				"HeroCreate", "HeroUpdate", "HeroPublic", "HeroSummary", "TeamSummary");
		assertThat(schemas.get("HeroPublic").get("properties").propertyNames()).containsExactlyInAnyOrder("id", "name",
				"age", "team", "createdAt", "updatedAt");
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
