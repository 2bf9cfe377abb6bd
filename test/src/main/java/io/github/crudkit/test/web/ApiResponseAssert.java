package io.github.crudkit.test.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.assertj.core.api.AbstractAssert;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * AssertJ assertions on an {@link ApiResponse}: its status and headers, and the RFC 9457
 * problem details of an error ({@code application/problem+json} with {@code type},
 * {@code title}, {@code status}, {@code detail}, and {@code errors} naming the fields at
 * fault). A failure shows the request and the body. <pre class="code">
 * assertThat(api.post("/api/books", Map.of("title", ""))).isProblem(400).hasFieldErrors("title", "authorId");
 * </pre>
 *
 * @since 0.1.0
 */
public class ApiResponseAssert extends AbstractAssert<ApiResponseAssert, ApiResponse> {

	/**
	 * The media type of problem details (RFC 9457).
	 */
	public static final String APPLICATION_PROBLEM_JSON = "application/problem+json";

	ApiResponseAssert(ApiResponse actual) {
		super(actual, ApiResponseAssert.class);
	}

	/**
	 * Verify the status code.
	 * @param expected the status code
	 * @return this
	 */
	public ApiResponseAssert hasStatus(int expected) {
		isNotNull();
		if (this.actual.status() != expected) {
			failWithMessage("Expected %s to answer %s but it answered %s: %s", this.actual.request(), expected,
					this.actual.status(), this.actual.shownBody());
		}
		return this;
	}

	/**
	 * Verify that a header is present with the given value (its first value, if it has
	 * several).
	 * @param name the header's name, regardless of case
	 * @param expected the value
	 * @return this
	 */
	public ApiResponseAssert hasHeader(String name, String expected) {
		isNotNull();
		String value = this.actual.header(name);
		if (!expected.equals(value)) {
			failWithMessage("Expected the response to %s to have header %s: %s but it had %s", this.actual.request(),
					name, expected, (value != null) ? value : "none");
		}
		return this;
	}

	/**
	 * Verify that a header is absent.
	 * @param name the header's name, regardless of case
	 * @return this
	 */
	public ApiResponseAssert doesNotHaveHeader(String name) {
		isNotNull();
		List<String> values = this.actual.headers(name);
		if (!values.isEmpty()) {
			failWithMessage("Expected the response to %s to have no header %s but it had %s", this.actual.request(),
					name, values);
		}
		return this;
	}

	/**
	 * Verify the media type of the body, ignoring its parameters such as {@code charset}.
	 * @param mediaType the media type, such as {@code application/json}
	 * @return this
	 */
	public ApiResponseAssert hasContentType(String mediaType) {
		isNotNull();
		String contentType = this.actual.header("Content-Type");
		if (contentType == null || !mediaType(contentType).equals(mediaType.toLowerCase(Locale.ROOT))) {
			failWithMessage("Expected the response to %s to have Content-Type %s but it had %s: %s",
					this.actual.request(), mediaType, (contentType != null) ? contentType : "none",
					this.actual.shownBody());
		}
		return this;
	}

	/**
	 * Verify that the response is a problem (RFC 9457) with the given status: the status
	 * code, {@value #APPLICATION_PROBLEM_JSON}, a JSON object whose {@code status} is the
	 * same, with a {@code type} and a {@code title}.
	 * @param status the status code
	 * @return this
	 */
	public ApiResponseAssert isProblem(int status) {
		hasStatus(status);
		hasContentType(APPLICATION_PROBLEM_JSON);
		JsonNode problem = problem();
		JsonNode member = problem.get("status");
		if (member == null || !member.isIntegralNumber() || member.asInt() != status) {
			failWithMessage("Expected the problem from %s to have \"status\": %s but it had %s: %s",
					this.actual.request(), status, member, this.actual.shownBody());
		}
		for (String name : List.of("type", "title")) {
			if (problem.path(name).asString("").isBlank()) {
				failWithMessage("Expected the problem from %s to have a \"%s\": %s", this.actual.request(), name,
						this.actual.shownBody());
			}
		}
		return this;
	}

	/**
	 * Verify the problem's {@code detail}.
	 * @param expected the detail
	 * @return this
	 */
	public ApiResponseAssert hasDetail(String expected) {
		String detail = detail();
		if (!expected.equals(detail)) {
			failWithMessage("Expected the problem from %s to have \"detail\": \"%s\" but it had %s",
					this.actual.request(), expected, (detail != null) ? "\"" + detail + "\"" : "none");
		}
		return this;
	}

	/**
	 * Verify that the problem's {@code detail} contains a text.
	 * @param expected the text
	 * @return this
	 */
	public ApiResponseAssert hasDetailContaining(String expected) {
		String detail = detail();
		if (detail == null || !detail.contains(expected)) {
			failWithMessage("Expected the \"detail\" of the problem from %s to contain \"%s\" but it was %s",
					this.actual.request(), expected, (detail != null) ? "\"" + detail + "\"" : "none");
		}
		return this;
	}

	/**
	 * Verify that the problem's {@code errors} name exactly the given fields, in any
	 * order, each with a message.
	 * @param fields the fields at fault
	 * @return this
	 */
	public ApiResponseAssert hasFieldErrors(String... fields) {
		List<String> actualFields = fieldErrors();
		List<String> missing = new ArrayList<>(Arrays.asList(fields));
		List<String> unexpected = new ArrayList<>();
		for (String field : actualFields) {
			if (!missing.remove(field)) {
				unexpected.add(field);
			}
		}
		if (!missing.isEmpty() || !unexpected.isEmpty()) {
			failWithMessage("Expected the problem from %s to name the fields %s but it named %s: %s",
					this.actual.request(), Arrays.toString(fields), actualFields, this.actual.shownBody());
		}
		return this;
	}

	/**
	 * Verify that the problem names no field.
	 * @return this
	 */
	public ApiResponseAssert hasNoFieldErrors() {
		List<String> fields = fieldErrors();
		if (!fields.isEmpty()) {
			failWithMessage("Expected the problem from %s to name no field but it named %s: %s", this.actual.request(),
					fields, this.actual.shownBody());
		}
		return this;
	}

	private @Nullable String detail() {
		JsonNode detail = problem().get("detail");
		return (detail != null && detail.isString()) ? detail.asString() : null;
	}

	private List<String> fieldErrors() {
		JsonNode errors = problem().get("errors");
		if (errors == null || errors.isNull()) {
			return List.of();
		}
		if (!errors.isArray()) {
			failWithMessage("Expected the \"errors\" of the problem from %s to be an array: %s", this.actual.request(),
					this.actual.shownBody());
		}
		List<String> fields = new ArrayList<>();
		for (JsonNode error : errors) {
			String field = error.path("field").asString("");
			String message = error.path("message").asString("");
			if (field.isBlank() || message.isBlank()) {
				failWithMessage("Expected every entry of \"errors\" in the problem from %s to have a field and a "
						+ "message: %s", this.actual.request(), this.actual.shownBody());
			}
			fields.add(field);
		}
		return fields;
	}

	private JsonNode problem() {
		isNotNull();
		JsonNode problem;
		try {
			problem = this.actual.json();
		}
		catch (RuntimeException ex) {
			failWithMessage("Expected the response to %s to be JSON but it was not (%s): %s", this.actual.request(),
					ex.getMessage(), this.actual.shownBody());
			throw ex;
		}
		if (!problem.isObject()) {
			failWithMessage("Expected the response to %s to be a JSON object: %s", this.actual.request(),
					this.actual.shownBody());
		}
		return problem;
	}

	private static String mediaType(String contentType) {
		int parameters = contentType.indexOf(';');
		return ((parameters >= 0) ? contentType.substring(0, parameters) : contentType).trim().toLowerCase(Locale.ROOT);
	}

}
