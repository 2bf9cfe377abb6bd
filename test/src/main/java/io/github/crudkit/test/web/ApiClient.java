package io.github.crudkit.test.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.util.function.SingletonSupplier;

/**
 * An HTTP client for tests of a JSON API, on {@code java.net.http}: it sends JSON bodies
 * (serialised with Jackson 3's {@link JsonMapper}) and headers, and answers
 * {@link ApiResponse}s that AssertJ checks ({@code assertThat(response).hasStatus(201)},
 * {@code assertThat(response).isProblem(400).hasFieldErrors("name")}).
 * <p>
 * In a {@code @SpringBootTest(webEnvironment = RANDOM_PORT)} (or {@code DEFINED_PORT})
 * test, crudkit-test contributes one as a bean, on the port the application listens on
 * (and its {@code server.servlet.context-path}), serialising with the application's
 * {@code JsonMapper}: {@code @Autowired ApiClient api;}. A bean of your own of this type
 * replaces it. Elsewhere, {@link #forPort(int)} or {@link #of(URI)} create one.
 * <pre class="code">
 * long id = api.post("/api/authors", Map.of("name", "Ursula K. Le Guin")).id();
 * assertThat(api.get("/api/authors/" + id)).hasStatus(200).hasHeader("ETag", "\"0\"");
 * assertThat(api.patch("/api/authors/" + id, Map.of("name", ""))).isProblem(400).hasFieldErrors("name");
 * </pre>
 * <p>
 * A request body is sent as JSON: a {@link String} as it is (already JSON, or
 * deliberately not), a {@code byte[]} as those bytes, anything else serialised. Requests
 * go out as HTTP/1.1 with a 30-second timeout. Instances are immutable and thread-safe.
 *
 * @since 0.1.0
 */
public final class ApiClient {

	/**
	 * The media type of the bodies {@link #post}, {@link #put} and {@link #send} send by
	 * default.
	 */
	public static final String APPLICATION_JSON = "application/json";

	/**
	 * The media type of JSON Merge Patch (RFC 7396), which {@link #patch} sends.
	 */
	public static final String APPLICATION_MERGE_PATCH_JSON = "application/merge-patch+json";

	private static final Duration TIMEOUT = Duration.ofSeconds(30);

	private static final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private final SingletonSupplier<URI> baseUri;

	private final SingletonSupplier<JsonMapper> jsonMapper;

	private final Map<String, String> defaultHeaders;

	ApiClient(Supplier<URI> baseUri, Supplier<JsonMapper> jsonMapper, Map<String, String> defaultHeaders) {
		this.baseUri = SingletonSupplier.of(baseUri);
		this.jsonMapper = SingletonSupplier.of(jsonMapper);
		this.defaultHeaders = Map.copyOf(defaultHeaders);
	}

	/**
	 * Create a client of an application listening on {@code localhost}, serialising with
	 * a default {@link JsonMapper}.
	 * @param port the port
	 * @return the client
	 */
	public static ApiClient forPort(int port) {
		return of(URI.create("http://localhost:" + port));
	}

	/**
	 * Create a client of an application at a base URI, serialising with a default
	 * {@link JsonMapper}.
	 * @param baseUri the URI that request paths are appended to, such as
	 * {@code http://localhost:8080} or {@code http://localhost:8080/context}
	 * @return the client
	 */
	public static ApiClient of(URI baseUri) {
		String base = baseUri.toString();
		URI withoutTrailingSlash = URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base);
		return new ApiClient(() -> withoutTrailingSlash, () -> JsonMapper.builder().build(), Map.of());
	}

	/**
	 * Return a client like this one that serialises request bodies and reads responses
	 * with the given mapper.
	 * @param jsonMapper the mapper
	 * @return the new client
	 */
	public ApiClient withJsonMapper(JsonMapper jsonMapper) {
		return new ApiClient(this.baseUri, () -> jsonMapper, this.defaultHeaders);
	}

	/**
	 * Return a client like this one that sends a header with every request (a header
	 * given to a single request wins).
	 * @param name the header's name
	 * @param value its value
	 * @return the new client
	 */
	public ApiClient withHeader(String name, String value) {
		Map<String, String> headers = new LinkedHashMap<>(this.defaultHeaders);
		headers.put(name, value);
		return new ApiClient(this.baseUri, this.jsonMapper, headers);
	}

	/**
	 * Return the base URI that request paths are appended to.
	 * @return the base URI
	 */
	public URI baseUri() {
		return this.baseUri.obtain();
	}

	/**
	 * Return the mapper that serialises request bodies and reads responses.
	 * @return the mapper
	 */
	public JsonMapper jsonMapper() {
		return this.jsonMapper.obtain();
	}

	/**
	 * Send a {@code GET}.
	 * @param path the path and query, such as {@code /api/books?size=20}
	 * @return the response
	 */
	public ApiResponse get(String path) {
		return get(path, Map.of());
	}

	/**
	 * Send a {@code GET} with headers.
	 * @param path the path and query
	 * @param headers the headers
	 * @return the response
	 */
	public ApiResponse get(String path, Map<String, String> headers) {
		return send("GET", path, null, null, headers);
	}

	/**
	 * Send a {@code POST} with a JSON body.
	 * @param path the path and query
	 * @param body the body (see {@link ApiClient} for how it is sent)
	 * @return the response
	 */
	public ApiResponse post(String path, Object body) {
		return post(path, body, Map.of());
	}

	/**
	 * Send a {@code POST} with a JSON body and headers.
	 * @param path the path and query
	 * @param body the body
	 * @param headers the headers
	 * @return the response
	 */
	public ApiResponse post(String path, Object body, Map<String, String> headers) {
		return send("POST", path, body, APPLICATION_JSON, headers);
	}

	/**
	 * Send a {@code PUT} with a JSON body.
	 * @param path the path and query
	 * @param body the body
	 * @return the response
	 */
	public ApiResponse put(String path, Object body) {
		return put(path, body, Map.of());
	}

	/**
	 * Send a {@code PUT} with a JSON body and headers.
	 * @param path the path and query
	 * @param body the body
	 * @param headers the headers
	 * @return the response
	 */
	public ApiResponse put(String path, Object body, Map<String, String> headers) {
		return send("PUT", path, body, APPLICATION_JSON, headers);
	}

	/**
	 * Send a {@code PATCH} with a JSON Merge Patch body
	 * ({@value #APPLICATION_MERGE_PATCH_JSON}).
	 * @param path the path and query
	 * @param patch the patch
	 * @return the response
	 */
	public ApiResponse patch(String path, Object patch) {
		return patch(path, patch, Map.of());
	}

	/**
	 * Send a {@code PATCH} with a JSON Merge Patch body and headers, such as
	 * {@code If-Match}.
	 * @param path the path and query
	 * @param patch the patch
	 * @param headers the headers
	 * @return the response
	 */
	public ApiResponse patch(String path, Object patch, Map<String, String> headers) {
		return send("PATCH", path, patch, APPLICATION_MERGE_PATCH_JSON, headers);
	}

	/**
	 * Send a {@code DELETE}.
	 * @param path the path and query
	 * @return the response
	 */
	public ApiResponse delete(String path) {
		return delete(path, Map.of());
	}

	/**
	 * Send a {@code DELETE} with headers, such as {@code If-Match}.
	 * @param path the path and query
	 * @param headers the headers
	 * @return the response
	 */
	public ApiResponse delete(String path, Map<String, String> headers) {
		return send("DELETE", path, null, null, headers);
	}

	/**
	 * Send any request.
	 * @param method the HTTP method
	 * @param path the path and query, appended to the base URI
	 * @param body the body, or {@code null} for none
	 * @param contentType the body's content type, or {@code null} to send none
	 * @param headers further headers
	 * @return the response
	 * @throws UncheckedIOException if the request cannot be sent or its response read
	 */
	public ApiResponse send(String method, String path, @Nullable Object body, @Nullable String contentType,
			Map<String, String> headers) {
		URI uri = URI.create(baseUri() + path);
		HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).method(method, publisher(body));
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		Map<String, String> all = new LinkedHashMap<>(this.defaultHeaders);
		all.putAll(headers);
		all.forEach(request::setHeader);
		try {
			HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			return new ApiResponse(method, uri, response.statusCode(), response.headers().map(), response.body(),
					jsonMapper());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(method + " " + uri + " failed: " + ex.getMessage(), ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(method + " " + uri + " was interrupted", ex);
		}
	}

	private HttpRequest.BodyPublisher publisher(@Nullable Object body) {
		if (body == null) {
			return HttpRequest.BodyPublishers.noBody();
		}
		if (body instanceof byte[] bytes) {
			return HttpRequest.BodyPublishers.ofByteArray(bytes);
		}
		String text = (body instanceof String string) ? string : jsonMapper().writeValueAsString(body);
		return HttpRequest.BodyPublishers.ofString(text);
	}

	@Override
	public String toString() {
		try {
			return "ApiClient of " + baseUri();
		}
		catch (RuntimeException ex) {
			return "ApiClient (" + ex.getMessage() + ")";
		}
	}

}
