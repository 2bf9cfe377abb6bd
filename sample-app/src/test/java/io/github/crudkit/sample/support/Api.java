package io.github.crudkit.sample.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A small HTTP client for the sample's API. Every response it receives is checked centrally: no body except the
 * OpenAPI document ever mentions {@code secretName}, and none contains a value marked with {@link #SECRET}.
 */
public final class Api {

	/**
	 * Prefix of every secret name the tests send, so that a leak of any of them is caught.
	 */
	public static final String SECRET = "SECRET-";

	private static final AtomicLong counter = new AtomicLong();

	private static final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private static final JsonMapper json = JsonMapper.builder().build();

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

	public Response patch(String path, Object body) {
		return send("PATCH", path, body, "application/merge-patch+json", Map.of());
	}

	public Response delete(String path) {
		return send("DELETE", path, null, null, Map.of());
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
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.timeout(Duration.ofSeconds(30));
		String text = (body == null) ? null : (body instanceof String string) ? string : json.writeValueAsString(body);
		request.method(method, (text != null) ? HttpRequest.BodyPublishers.ofString(text)
				: HttpRequest.BodyPublishers.noBody());
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		headers.forEach(request::header);
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			Response result = new Response(response.statusCode(), response.headers().map(), response.body());
			checkNoSecretLeaks(path, result);
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
			assertThat(response.body()).as("response to %s", path).doesNotContainIgnoringCase("secretName");
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
