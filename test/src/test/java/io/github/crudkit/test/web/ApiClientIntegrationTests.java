package io.github.crudkit.test.web;

import java.net.URI;
import java.util.Map;

import io.github.crudkit.error.FieldViolation;
import io.github.crudkit.error.ProblemException;
import io.github.crudkit.error.ResourceNotFoundException;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link ApiClient} bean that crudkit-test contributes to a test on a random port,
 * talking to a small application with crudkit's problem details.
 */
@SpringBootTest(classes = ApiClientIntegrationTests.BookApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT,
		properties = "server.servlet.context-path=/library")
class ApiClientIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	JsonMapper jsonMapper;

	@LocalServerPort
	int port;

	@Test
	void sendsToTheLocalPortAndTheContextPath() {
		assertThat(this.api.baseUri()).isEqualTo(URI.create("http://localhost:" + this.port + "/library"));
	}

	@Test
	void serialisesWithTheApplicationsJsonMapper() {
		assertThat(this.api.jsonMapper()).isSameAs(this.jsonMapper);
	}

	@Test
	void createsAndReads() {
		ApiResponse created = this.api.post("/books", Map.of("title", "The Dispossessed"));
		assertThat(created).hasStatus(201).hasHeader("Location", "/library/books/1").hasContentType("application/json");
		assertThat(created.id()).isEqualTo(1);
		assertThat(this.api.get("/books/1", Map.of("X-Reader", "Ursula")).json().get("reader").asString())
			.isEqualTo("Ursula");
	}

	@Test
	void checksCrudkitsProblems() {
		assertThat(this.api.post("/books", Map.of("title", ""))).isProblem(400)
			.hasDetail("The book is not valid.")
			.hasFieldErrors("title");
		assertThat(this.api.get("/books/0")).isProblem(404).hasDetail("Book 0 not found.").hasNoFieldErrors();
	}

	@Configuration(proxyBeanMethods = false)
	@EnableAutoConfiguration(exclude = DataSourceAutoConfiguration.class)
	@Import(BookController.class)
	static class BookApplication {

	}

	@RestController
	static class BookController {

		@PostMapping("/books")
		ResponseEntity<Map<String, Object>> create(@RequestBody Map<String, String> book) {
			String title = book.getOrDefault("title", "");
			if (title.isBlank()) {
				throw ProblemException.badRequest("The book is not valid.",
						new FieldViolation("title", "must not be blank"));
			}
			return ResponseEntity.created(URI.create("/library/books/1")).body(Map.of("id", 1, "title", title));
		}

		@GetMapping("/books/{id}")
		Map<String, Object> get(@PathVariable long id,
				@RequestHeader(name = "X-Reader", defaultValue = "") String reader) {
			if (id != 1) {
				throw new ResourceNotFoundException("Book", id);
			}
			return Map.of("id", 1, "title", "The Dispossessed", "reader", reader);
		}

	}

}
