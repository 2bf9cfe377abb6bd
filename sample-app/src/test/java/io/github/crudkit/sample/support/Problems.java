package io.github.crudkit.sample.support;

import java.net.URI;
import java.util.List;

import io.github.crudkit.sample.support.Api.Response;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Assertions on RFC 9457 problem responses, as the contract describes them:
 * {@code application/problem+json} with {@code type}, {@code title}, {@code status},
 * {@code detail} and {@code instance}, plus {@code errors} naming each offending field
 * where fields are at fault.
 */
public final class Problems {

	private Problems() {
	}

	/**
	 * Assert that a response is a complete problem with the given status, about the given
	 * path.
	 * @param response the response
	 * @param status the expected HTTP status
	 * @param path the request path, which {@code instance} must equal
	 * @return the problem
	 */
	public static JsonNode assertProblem(Response response, int status, String path) {
		assertThat(response.status()).as("status of %s: %s", path, response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).as("Content-Type of %s", path)
			.startsWith("application/problem+json");
		JsonNode problem = response.json();
		assertThat(problem.isObject()).as("problem of %s", path).isTrue();
		assertThat(problem.path("type").asString("")).as("type of %s", path).isNotBlank();
		URI type = URI.create(problem.get("type").asString());
		if (type.equals(URI.create("about:blank"))) {
			// RFC 9457 4.2.1: with about:blank, the title is the status phrase.
			assertThat(problem.path("title").asString("")).as("title of %s", path)
				.isEqualTo(HttpStatus.valueOf(status).getReasonPhrase());
		}
		else {
			assertThat(problem.path("title").asString("")).as("title of %s", path).isNotBlank();
		}
		assertThat(problem.path("status").isInt()).as("status member of %s", path).isTrue();
		assertThat(problem.get("status").asInt()).as("status member of %s", path).isEqualTo(status);
		assertThat(problem.path("detail").asString("")).as("detail of %s", path).isNotBlank();
		assertThat(problem.path("instance").asString("")).as("instance of %s", path).isEqualTo(path);
		return problem;
	}

	/**
	 * Assert that a response is a problem whose {@code errors} name exactly the given
	 * fields, each with a message.
	 * @param response the response
	 * @param status the expected HTTP status
	 * @param path the request path
	 * @param fields the fields at fault
	 * @return the problem
	 */
	public static JsonNode assertFieldProblem(Response response, int status, String path, String... fields) {
		JsonNode problem = assertProblem(response, status, path);
		assertThat(fieldsOf(problem)).as("errors of %s: %s", path, response.body()).containsExactlyInAnyOrder(fields);
		problem.get("errors").forEach((error) -> {
			assertThat(error.propertyNames()).containsExactlyInAnyOrder("field", "message");
			assertThat(error.get("message").asString("")).as("message of %s", error).isNotBlank();
		});
		return problem;
	}

	/**
	 * Return the fields an error names, or none.
	 * @param problem the problem
	 * @return the fields
	 */
	public static List<String> fieldsOf(JsonNode problem) {
		JsonNode errors = problem.get("errors");
		if (errors == null || !errors.isArray()) {
			return List.of();
		}
		return errors.valueStream().map((error) -> error.path("field").asString("")).toList();
	}

}
