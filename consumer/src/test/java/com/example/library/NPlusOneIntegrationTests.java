package com.example.library;

import java.util.List;
import java.util.Map;

import io.github.crudkit.statements.NPlusOneException;
import io.github.crudkit.test.postgres.CrudkitTestDatabase;
import io.github.crudkit.test.web.ApiClient;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A deliberate N+1, each book's author read lazily in a loop, fails in
 * {@code crudkit.statements.n-plus-one.mode=fail}. crudkit's batch fetching (16 authors a
 * statement) would hide it, so it is switched off here.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@CrudkitTestDatabase
@TestPropertySource(properties = { "crudkit.statements.n-plus-one.mode=fail",
		"spring.jpa.properties.hibernate.default_batch_fetch_size=1" })
@Import(NPlusOneIntegrationTests.AuthorNames.class)
class NPlusOneIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	AuthorNames authorNames;

	@BeforeEach
	void tenBooksOfTenAuthors() {
		for (int i = 0; i < 10; i++) {
			long author = this.api.post("/api/authors", Map.of("name", "Author " + i)).id();
			assertThat(this.api.post("/api/books", Map.of("title", "Book " + i, "authorId", author))).hasStatus(201);
		}
	}

	@Test
	void theLoopFailsWithAReportNamingTheAssociation() {
		assertThatExceptionOfType(NPlusOneException.class).isThrownBy(this.authorNames::authorNames)
			.withMessageContaining("loading Author through Book.author")
			.satisfies((ex) -> assertThat(ex.getDetection().count()).isEqualTo(5));
	}

	@Test
	void theEndpointFailsWithAProblem() {
		assertThat(this.api.get("/test/author-names")).isProblem(500);
	}

	/**
	 * The N+1: every book, then each book's author, one statement per author.
	 */
	@RestController
	static class AuthorNames {

		private final BookRepository books;

		AuthorNames(BookRepository books) {
			this.books = books;
		}

		@Transactional(readOnly = true)
		@GetMapping("/test/author-names")
		public List<String> authorNames() {
			return this.books.findAll().stream().map((book) -> book.getAuthor().getName()).toList();
		}

	}

}
