package io.github.crudkit.test.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * What {@link ApiClient} sends and how it reads the answer, against a JDK HTTP server
 * that records every request.
 */
class ApiClientTests {

	private final List<Recorded> requests = new CopyOnWriteArrayList<>();

	private volatile int status = 200;

	private volatile String responseBody = "{\"id\":7,\"name\":\"Ursula\"}";

	private @Nullable HttpServer server;

	@BeforeEach
	void start() throws IOException {
		HttpServer server = HttpServer.create(new InetSocketAddress(0), 0);
		server.createContext("/", this::handle);
		server.start();
		this.server = server;
	}

	@AfterEach
	void stop() {
		if (this.server != null) {
			this.server.stop(0);
		}
	}

	@Test
	void getSendsNoBodyAndReadsStatusHeadersAndJson() {
		ApiResponse response = client().get("/api/authors/7?fields=name", Map.of("X-Request-Id", "r-1"));
		Recorded request = single();
		assertThat(request.method()).isEqualTo("GET");
		assertThat(request.target()).isEqualTo("/api/authors/7?fields=name");
		assertThat(request.header("X-Request-Id")).isEqualTo("r-1");
		assertThat(request.header("Content-Type")).isNull();
		assertThat(request.body()).isEmpty();
		assertThat(response.status()).isEqualTo(200);
		assertThat(response.method()).isEqualTo("GET");
		assertThat(response.header("content-type")).isEqualTo("application/json");
		assertThat(response.header("ETag")).isEqualTo("\"3\"");
		assertThat(response.headers("etag")).containsExactly("\"3\"");
		assertThat(response.header("X-Absent")).isNull();
		assertThat(response.body()).isEqualTo("{\"id\":7,\"name\":\"Ursula\"}");
		assertThat(response.json().get("name").asString()).isEqualTo("Ursula");
		assertThat(response.id()).isEqualTo(7);
		assertThat(response.as(Author.class)).isEqualTo(new Author(7, "Ursula"));
	}

	@Test
	void postSerialisesTheBodyAsJson() {
		client().post("/api/books", new BookCreate("The Dispossessed", 7));
		Recorded request = single();
		assertThat(request.method()).isEqualTo("POST");
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		assertThat(request.body()).isEqualTo("{\"title\":\"The Dispossessed\",\"authorId\":7}");
	}

	@Test
	void putSerialisesTheBodyAsJson() {
		client().put("/api/books/1", Map.of("title", "Lavinia"), Map.of("If-Match", "\"0\""));
		Recorded request = single();
		assertThat(request.method()).isEqualTo("PUT");
		assertThat(request.header("Content-Type")).isEqualTo("application/json");
		assertThat(request.header("If-Match")).isEqualTo("\"0\"");
		assertThat(request.body()).isEqualTo("{\"title\":\"Lavinia\"}");
	}

	@Test
	void patchSendsAMergePatch() {
		client().patch("/api/books/1", Map.of("title", "Lavinia"), Map.of("If-Match", "\"2\""));
		Recorded request = single();
		assertThat(request.method()).isEqualTo("PATCH");
		assertThat(request.header("Content-Type")).isEqualTo("application/merge-patch+json");
		assertThat(request.header("If-Match")).isEqualTo("\"2\"");
		assertThat(request.body()).isEqualTo("{\"title\":\"Lavinia\"}");
	}

	@Test
	void deleteSendsNoBody() {
		this.status = 204;
		this.responseBody = "";
		ApiResponse response = client().delete("/api/books/1", Map.of("If-Match", "\"2\""));
		Recorded request = single();
		assertThat(request.method()).isEqualTo("DELETE");
		assertThat(request.header("If-Match")).isEqualTo("\"2\"");
		assertThat(request.body()).isEmpty();
		assertThat(response.status()).isEqualTo(204);
		assertThat(response.body()).isEmpty();
		assertThat(response.json().isMissingNode()).isTrue();
	}

	@Test
	void stringAndByteBodiesAreSentAsTheyAre() {
		client().post("/api/books", "{\"title\": 1.5");
		client().send("POST", "/api/books", "not JSON".getBytes(StandardCharsets.UTF_8), "text/plain", Map.of());
		assertThat(this.requests).extracting(Recorded::body).containsExactly("{\"title\": 1.5", "not JSON");
		assertThat(this.requests.get(1).header("Content-Type")).isEqualTo("text/plain");
	}

	@Test
	void defaultHeadersGoWithEveryRequestAndARequestsOwnWin() {
		ApiClient client = client().withHeader("Authorization", "Bearer a").withHeader("Accept-Language", "de");
		client.get("/a");
		client.get("/b", Map.of("Authorization", "Bearer b"));
		assertThat(this.requests.get(0).header("Authorization")).isEqualTo("Bearer a");
		assertThat(this.requests.get(1).header("Authorization")).isEqualTo("Bearer b");
		assertThat(this.requests.get(1).header("Accept-Language")).isEqualTo("de");
	}

	@Test
	void aJsonMapperOfItsOwnWritesAndReads() {
		JsonMapper snakeCase = JsonMapper.builder().propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE).build();
		this.responseBody = "{\"title\":\"Lavinia\",\"author_id\":3}";
		ApiResponse response = client().withJsonMapper(snakeCase).post("/api/books", new BookCreate("Lavinia", 3));
		assertThat(single().body()).isEqualTo("{\"title\":\"Lavinia\",\"author_id\":3}");
		assertThat(response.as(BookCreate.class)).isEqualTo(new BookCreate("Lavinia", 3));
	}

	@Test
	void pathsAreAppendedToTheBaseUriWithItsContextPath() {
		ApiClient client = ApiClient.of(URI.create("http://localhost:" + port() + "/library/"));
		assertThat(client.baseUri()).hasToString("http://localhost:" + port() + "/library");
		client.get("/api/books?size=2");
		assertThat(single().target()).isEqualTo("/library/api/books?size=2");
		assertThat(ApiClient.forPort(port()).baseUri()).hasToString("http://localhost:" + port());
	}

	@Test
	void idOfABodyWithoutOneNamesTheRequest() {
		this.responseBody = "{\"name\":\"Ursula\"}";
		ApiResponse response = client().get("/api/authors/7");
		assertThatIllegalStateException().isThrownBy(response::id)
			.withMessageContaining("GET /api/authors/7")
			.withMessageContaining("{\"name\":\"Ursula\"}");
	}

	@Test
	void toStringShowsTheRequestTheStatusAndTheBody() {
		assertThat(client().get("/api/authors/7"))
			.hasToString("GET /api/authors/7 → 200 {\"id\":7,\"name\":\"Ursula\"}");
	}

	private ApiClient client() {
		return ApiClient.forPort(port());
	}

	private int port() {
		assertThat(this.server).isNotNull();
		return this.server.getAddress().getPort();
	}

	private Recorded single() {
		assertThat(this.requests).hasSize(1);
		return this.requests.get(0);
	}

	private void handle(HttpExchange exchange) throws IOException {
		try (InputStream in = exchange.getRequestBody()) {
			this.requests.add(new Recorded(exchange.getRequestMethod(), exchange.getRequestURI().toString(),
					exchange.getRequestHeaders(), new String(in.readAllBytes(), StandardCharsets.UTF_8)));
		}
		byte[] body = this.responseBody.getBytes(StandardCharsets.UTF_8);
		if (body.length > 0) {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
		}
		exchange.getResponseHeaders().add("ETag", "\"3\"");
		exchange.sendResponseHeaders(this.status, (body.length > 0) ? body.length : -1);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	record Recorded(String method, String target, Map<String, List<String>> headers, String body) {

		@Nullable String header(String name) {
			return this.headers.entrySet()
				.stream()
				.filter((entry) -> entry.getKey().equalsIgnoreCase(name))
				.map((entry) -> entry.getValue().get(0))
				.findFirst()
				.orElse(null);
		}

	}

	record Author(long id, String name) {

	}

	record BookCreate(String title, long authorId) {

	}

}
