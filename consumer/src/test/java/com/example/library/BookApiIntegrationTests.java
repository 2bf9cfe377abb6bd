package com.example.library;

import java.time.Duration;
import java.util.Map;

import io.github.crudkit.statements.StatementRecorder;
import io.github.crudkit.statements.StatementTracker;
import io.github.crudkit.test.postgres.CrudkitTestDatabase;
import io.github.crudkit.test.statements.StatementAssertions;
import io.github.crudkit.test.web.ApiClient;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@CrudkitTestDatabase
class BookApiIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	StatementTracker tracker;

	@Test
	void bookPageRunsTwoStatements() {
		long author = this.api.post("/api/authors", Map.of("name", "Ursula K. Le Guin")).id();
		for (int i = 0; i < 25; i++) {
			assertThat(this.api.post("/api/books", Map.of("title", "Book " + i, "authorId", author))).hasStatus(201);
		}
		try (StatementRecorder recorder = StatementRecorder.start(this.tracker)) {
			assertThat(this.api.get("/api/books?size=20")).hasStatus(200);
			StatementAssertions.assertThat(recorder.await(1, Duration.ofSeconds(5)).get(0))
				.hasStatements(2)
				.hasNoNPlusOne();
		}
	}

	@Test
	void aBookWithoutTitleOrAuthorIsAProblemNamingBoth() {
		assertThat(this.api.post("/api/books", Map.of("title", ""))).isProblem(400)
			.hasDetail("The request is not valid.")
			.hasFieldErrors("title", "authorId");
	}

	@Test
	void aBookOfAnUnknownAuthorIsAProblemNamingTheField() {
		assertThat(this.api.post("/api/books", Map.of("title", "Lavinia", "authorId", 999_999))).isProblem(422)
			.hasFieldErrors("authorId");
	}

}
