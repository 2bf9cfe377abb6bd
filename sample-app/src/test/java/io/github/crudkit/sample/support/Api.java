package io.github.crudkit.sample.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small HTTP client for the sample's API. Every response it receives is checked
 * centrally: no body contains a value marked with {@link #SECRET}; no body except the
 * OpenAPI document mentions {@code secretName}, save an error naming it as the offending
 * {@code field} (the contract names every offending field); and no error body shows
 * server internals (exception or class names, SQL, stack frames).
 */
public final class Api {

	/**
	 * Prefix of every secret name the tests send, so that a leak of any of them is
	 * caught.
	 */
	public static final String SECRET = "SECRET-";

	private static final AtomicLong counter = new AtomicLong();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

	/**
	 * What an error body must never contain: exception and class names, SQL text and
	 * stack frames. A bare {@code " at "} is too common in prose ("it is now at version
	 * 3"), so frames are matched by their shape.
	 */
	private static final List<Pattern> INTERNALS = List.of(Pattern.compile("Exception"), Pattern.compile("\\borg\\."),
			Pattern.compile("\\bjava\\."), Pattern.compile("SQL"), Pattern.compile("(?i)\\bselect "),
			Pattern.compile("(?i)\\binsert "), Pattern.compile("\\bat [\\w$.]+\\("));

	private final String base;

	public Api(int port) {
		this.base = "http://localhost:" + port;
	}

	/**
	 * Return a name that no other test uses.
	 * @param prefix a readable prefix
	 * @return the unique name
	 */
	public static String unique(String prefix) {
		return prefix + " " + System.nanoTime() % 1_000_000 + "-" + counter.incrementAndGet();
	}

	/**
	 * Return a secret name that the central leak check recognises.
	 * @return the secret name
	 */
	public static String secret() {
		return SECRET + counter.incrementAndGet();
	}

	public static JsonMapper json() {
		return json;
	}

	public Response get(String path) {
		return send("GET", path, null, null, Map.of());
	}

	public Response post(String path, Object body) {
		return send("POST", path, body, "application/json", Map.of());
	}

	public Response post(String path, Object body, Map<String, String> headers) {
		return send("POST", path, body, "application/json", headers);
	}

	public Response patch(String path, Object body) {
		return send("PATCH", path, body, "application/merge-patch+json", Map.of());
	}

	public Response patch(String path, Object body, Map<String, String> headers) {
		return send("PATCH", path, body, "application/merge-patch+json", headers);
	}

	public Response put(String path, Object body) {
		return put(path, body, Map.of());
	}

	public Response put(String path, Object body, Map<String, String> headers) {
		return send("PUT", path, body, "application/json", headers);
	}

	public Response delete(String path) {
		return send("DELETE", path, null, null, Map.of());
	}

	public Response delete(String path, Map<String, String> headers) {
		return send("DELETE", path, null, null, headers);
	}

	/**
	 * Send raw bytes with a {@code Content-Length}, whatever they are.
	 * @param method the HTTP method
	 * @param path the path and query
	 * @param body the bytes
	 * @param contentType the content type to claim
	 * @return the response
	 */
	public Response sendBytes(String method, String path, byte[] body, String contentType) {
		return exchange(method, path, HttpRequest.BodyPublishers.ofByteArray(body), contentType, Map.of());
	}

	/**
	 * Send a body of unknown length, which goes out with
	 * {@code Transfer-Encoding: chunked}.
	 * @param method the HTTP method
	 * @param path the path and query
	 * @param body supplies the stream of the body
	 * @param contentType the content type to claim
	 * @return the response
	 */
	public Response sendChunked(String method, String path, Supplier<InputStream> body, String contentType) {
		return exchange(method, path, HttpRequest.BodyPublishers.ofInputStream(body), contentType, Map.of());
	}

	/**
	 * Send a request.
	 * @param method the HTTP method
	 * @param path the path and query
	 * @param body a JSON string, an object to serialise, or {@code null}
	 * @param contentType the content type of the body
	 * @param headers further headers
	 * @return the response
	 */
	public Response send(String method, String path, @Nullable Object body, @Nullable String contentType,
			Map<String, String> headers) {
		String text = (body == null) ? null : (body instanceof String string) ? string : json.writeValueAsString(body);
		return exchange(method, path,
				(text != null) ? HttpRequest.BodyPublishers.ofString(text) : HttpRequest.BodyPublishers.noBody(),
				contentType, headers);
	}

	private Response exchange(String method, String path, HttpRequest.BodyPublisher body, @Nullable String contentType,
			Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30));
		request.method(method, body);
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Response result = new Response(response.statusCode(), response.headers().map(), response.body());
			checkNoSecretLeaks(path, result);
			checkNoInternals(method, path, result);
			return result;
		}
		catch (IOException ex) {
			throw new IllegalStateException(method + " " + path + " failed", ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(method + " " + path + " interrupted", ex);
		}
	}

	private static void checkNoSecretLeaks(String path, Response response) {
		assertThat(response.body()).as("response to %s", path).doesNotContain(SECRET);
		if (!path.startsWith("/v3/api-docs")) {
			assertThat(withoutOffendingFieldNames(response)).as("response to %s", path)
				.doesNotContainIgnoringCase("secretName");
		}
	}

	/**
	 * Return the body with the {@code field} of every {@code errors} entry blanked out:
	 * an error may name {@code secretName} as the field at fault (never its value, which
	 * the {@link #SECRET} check covers).
	 */
	private static String withoutOffendingFieldNames(Response response) {
		if (response.status() < 400 || !response.body().startsWith("{")) {
			return response.body();
		}
		JsonNode problem;
		try {
			problem = json.readTree(response.body());
		}
		catch (RuntimeException ex) {
			return response.body();
		}
		JsonNode errors = problem.get("errors");
		if (errors != null && errors.isArray()) {
			errors.forEach((error) -> {
				if (error instanceof ObjectNode entry && entry.has("field")) {
					entry.put("field", "<field>");
				}
			});
		}
		return problem.toString();
	}

	private static void checkNoInternals(String method, String path, Response response) {
		if (response.status() < 400) {
			return;
		}
		for (Pattern internal : INTERNALS) {
			assertThat(internal.matcher(response.body()).find())
				.as("error body of %s %s shows server internals (%s): %s", method, path, internal, response.body())
				.isFalse();
		}
	}

	/**
	 * A response.
	 *
	 * @param status the status code
	 * @param headers the headers
	 * @param body the body as text
	 */
	public record Response(int status, Map<String, java.util.List<String>> headers, String body) {

		public JsonNode json() {
			return json.readTree(this.body);
		}

		public @Nullable String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.flatMap((entry) -> entry.getValue().stream())
				.findFirst()
				.orElse(null);
		}

		public long id() {
			return json().get("id").asLong();
		}

	}

}
