package io.github.crudkit.test.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The assertions on responses and their problem details.
 */
class ApiResponseAssertTests {

	private static final String PROBLEM = """
			{"type":"about:blank","title":"Bad Request","status":400,"detail":"The request is not valid.",\
			"instance":"/api/books","errors":[{"field":"title","message":"must not be blank"},\
			{"field":"authorId","message":"must not be null"}]}""";

	@Test
	void assertJsAssertThatStartsTheseAssertions() {
		ApiResponseAssert assertion = assertThat(response(200, "application/json", "{}"));
		assertion.hasStatus(200);
	}

	@Test
	void hasStatusShowsTheRequestAndTheBody() {
		assertThat(response(201, "application/json", "{\"id\":1}")).hasStatus(201);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(
				() -> assertThat(response(409, "application/problem+json", "{\"detail\":\"Taken\"}")).hasStatus(201))
			.withMessageContaining("POST /api/books?dry-run=true to answer 201 but it answered 409")
			.withMessageContaining("{\"detail\":\"Taken\"}");
	}

	@Test
	void headersAreFoundRegardlessOfCase() {
		ApiResponse response = response(200, "application/json;charset=UTF-8", "{}");
		assertThat(response).hasHeader("etag", "\"4\"")
			.doesNotHaveHeader("Location")
			.hasContentType("application/json")
			.hasContentType("APPLICATION/JSON");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(response).hasHeader("ETag", "\"5\""))
			.withMessageContaining("header ETag: \"5\" but it had \"4\"");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(response).doesNotHaveHeader("ETag"));
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(response).hasContentType("application/problem+json"))
			.withMessageContaining("Content-Type application/problem+json but it had application/json;charset=UTF-8");
	}

	@Test
	void aProblemWithItsDetailAndFields() {
		assertThat(response(400, "application/problem+json", PROBLEM)).isProblem(400)
			.hasDetail("The request is not valid.")
			.hasDetailContaining("not valid")
			.hasFieldErrors("authorId", "title");
	}

	@Test
	void aProblemWithoutErrorsNamesNoField() {
		String problem = "{\"type\":\"about:blank\",\"title\":\"Not Found\",\"status\":404,\"detail\":\"Book 9 not found.\"}";
		assertThat(response(404, "application/problem+json", problem)).isProblem(404).hasNoFieldErrors();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(response(404, "application/problem+json", problem)).hasFieldErrors("id"))
			.withMessageContaining("to name the fields [id] but it named []");
	}

	@Test
	void isProblemNeedsTheStatusTheMediaTypeAndTheMembers() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(response(400, "application/problem+json", PROBLEM)).isProblem(409))
			.withMessageContaining("to answer 409 but it answered 400");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(response(400, "application/json", PROBLEM)).isProblem(400))
			.withMessageContaining("Content-Type application/problem+json");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(response(400, "application/problem+json", PROBLEM.replace("400", "500")))
				.isProblem(400))
			.withMessageContaining("to have \"status\": 400 but it had 500");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(
					response(400, "application/problem+json", PROBLEM.replace("\"title\":\"Bad Request\",", "")))
				.isProblem(400))
			.withMessageContaining("to have a \"title\"");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(response(400, "application/problem+json", "Bad Request")).isProblem(400))
			.withMessageContaining("to be JSON");
	}

	@Test
	void detailMismatchesShowBothDetails() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(response(400, "application/problem+json", PROBLEM)).hasDetail("Wrong."))
			.withMessageContaining("\"detail\": \"Wrong.\" but it had \"The request is not valid.\"");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(
					() -> assertThat(response(400, "application/problem+json", PROBLEM)).hasDetailContaining("Book"))
			.withMessageContaining("to contain \"Book\" but it was \"The request is not valid.\"");
	}

	@Test
	void fieldErrorsMustMatchExactly() {
		ApiResponse response = response(400, "application/problem+json", PROBLEM);
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(response).hasFieldErrors("title"))
			.withMessageContaining("to name the fields [title] but it named [title, authorId]");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(response).hasFieldErrors("title", "authorId", "isbn"));
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> assertThat(response).hasNoFieldErrors());
	}

	@Test
	void everyFieldErrorNeedsAMessage() {
		String problem = PROBLEM.replace("\"message\":\"must not be null\"", "\"message\":\"\"");
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> assertThat(response(400, "application/problem+json", problem)).hasFieldErrors("title",
					"authorId"))
			.withMessageContaining("to have a field and a message");
	}

	private static ApiResponse response(int status, String contentType, String body) {
		return new ApiResponse("POST", URI.create("http://localhost:8080/api/books?dry-run=true"), status,
				Map.of("Content-Type", List.of(contentType), "ETag", List.of("\"4\"")), body,
				JsonMapper.builder().build());
	}

}
