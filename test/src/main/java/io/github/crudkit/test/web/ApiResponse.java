package io.github.crudkit.test.web;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.assertj.core.api.AssertProvider;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * A response that an {@link ApiClient} received: its status, headers and body, read as
 * JSON on demand; AssertJ's {@code assertThat(response)} checks it with an
 * {@link ApiResponseAssert}.
 *
 * @since 0.1.0
 */
public final class ApiResponse implements AssertProvider<ApiResponseAssert> {

	private static final int SHOWN_BODY_LENGTH = 2000;

	private final String method;

	private final URI uri;

	private final int status;

	private final Map<String, List<String>> headers;

	private final String body;

	private final JsonMapper jsonMapper;

	ApiResponse(String method, URI uri, int status, Map<String, List<String>> headers, String body,
			JsonMapper jsonMapper) {
		this.method = method;
		this.uri = uri;
		this.status = status;
		this.headers = Map.copyOf(headers);
		this.body = body;
		this.jsonMapper = jsonMapper;
	}

	/**
	 * Return the method of the request.
	 * @return the method, such as {@code GET}
	 */
	public String method() {
		return this.method;
	}

	/**
	 * Return the URI of the request.
	 * @return the URI
	 */
	public URI uri() {
		return this.uri;
	}

	/**
	 * Return the status code.
	 * @return the status code
	 */
	public int status() {
		return this.status;
	}

	/**
	 * Return every header, by name as the server wrote it.
	 * @return the headers
	 */
	public Map<String, List<String>> headers() {
		return this.headers;
	}

	/**
	 * Return the values of a header, by name regardless of case.
	 * @param name the header's name
	 * @return its values, none if it is absent
	 */
	public List<String> headers(String name) {
		return this.headers.entrySet()
			.stream()
			.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
			.flatMap((entry) -> entry.getValue().stream())
			.toList();
	}

	/**
	 * Return the first value of a header, by name regardless of case.
	 * @param name the header's name
	 * @return its first value, or {@code null} if it is absent
	 */
	public @Nullable String header(String name) {
		List<String> values = headers(name);
		return values.isEmpty() ? null : values.get(0);
	}

	/**
	 * Return the body as text.
	 * @return the body, empty if there is none
	 */
	public String body() {
		return this.body;
	}

	/**
	 * Return the body read as JSON.
	 * @return the JSON tree, a missing node if the body is empty
	 * @throws tools.jackson.core.JacksonException if the body is not JSON
	 */
	public JsonNode json() {
		return this.body.isBlank() ? MissingNode.getInstance() : this.jsonMapper.readTree(this.body);
	}

	/**
	 * Return the body read as JSON into a type, such as a Public record.
	 * @param <T> the type
	 * @param type the type
	 * @return the value
	 * @throws tools.jackson.core.JacksonException if the body cannot be read as one
	 */
	public <T> T as(Class<T> type) {
		return this.jsonMapper.readValue(this.body, type);
	}

	/**
	 * Return the {@code id} of the JSON object in the body, as a created resource carries
	 * it.
	 * @return the id
	 * @throws IllegalStateException if the body has no integral {@code id}
	 */
	public long id() {
		JsonNode id = json().get("id");
		if (id == null || !id.isIntegralNumber() || !id.canConvertToLong()) {
			throw new IllegalStateException("Expected an integral \"id\" in the response to " + request() + ": "
					+ this.status + " " + shownBody());
		}
		return id.longValue();
	}

	/**
	 * Start assertions on this response; AssertJ's {@code assertThat(response)} calls it.
	 * @return the assertions
	 */
	@Override
	public ApiResponseAssert assertThat() {
		return new ApiResponseAssert(this);
	}

	/**
	 * Return the request's method and path, for messages.
	 * @return the method and path, such as {@code GET /api/books?size=20}
	 */
	String request() {
		String path = this.uri.getRawPath();
		return this.method + " " + ((path == null || path.isEmpty()) ? "/" : path)
				+ ((this.uri.getRawQuery() != null) ? "?" + this.uri.getRawQuery() : "");
	}

	/**
	 * Return the body, shortened for messages.
	 * @return the body
	 */
	String shownBody() {
		return (this.body.length() <= SHOWN_BODY_LENGTH) ? this.body
				: this.body.substring(0, SHOWN_BODY_LENGTH) + "… (" + this.body.length() + " characters)";
	}

	@Override
	public String toString() {
		return request() + " → " + this.status + " " + shownBody();
	}

}
