package io.github.crudkit.startup.autoconfigure;

import java.util.List;

import io.github.crudkit.model.WriteOnly;
import io.github.crudkit.model.autoconfigure.CrudkitModelAutoConfiguration;
import io.github.crudkit.pagination.SortableBy;
import io.github.crudkit.pagination.autoconfigure.CrudkitPaginationAutoConfiguration;
import io.github.crudkit.startup.StartupCheck;
import io.github.crudkit.startup.StartupCheckException;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.data.domain.Pageable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

class CrudkitStartupAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(CrudkitStartupAutoConfiguration.class, CrudkitModelAutoConfiguration.class,
					CrudkitPaginationAutoConfiguration.class, WebMvcAutoConfiguration.class));

	@Test
	void everyProblemOfEveryCheckFailsStartupOnce() {
		this.contextRunner.withUserConfiguration(BadSorts.class, ReturnsEntity.class).run((context) -> {
			assertThat(context).getFailure().isInstanceOf(StartupCheckException.class);
			StartupCheckException failure = (StartupCheckException) context.getStartupFailure();
			assertThat(failure.getProblemCount()).isEqualTo(4);
			assertThat(failure.getMessage()).contains("crudkit's start-up checks found 4 problem(s):")
				.contains("BadSorts.list: @SortableBy names 'colour', which " + Book.class.getName() + " does not have")
				.contains("BadSorts.list: @SortableBy names 'secret' of " + Book.class.getName()
						+ ", which is write-only")
				.contains("BadSorts.other: @SortableBy names 'author.age', which")
				.contains("ReturnsEntity.find returns the JPA entity " + Book.class.getName());
		});
	}

	@Test
	void reportsThemInBootsStartupFailureLayout() {
		this.contextRunner.withUserConfiguration(BadSorts.class).run((context) -> {
			FailureAnalysis analysis = new StartupCheckFailureAnalyzer().analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).startsWith("crudkit's start-up checks found 3 problem(s):")
				.contains("\n    - BadSorts.list: @SortableBy names 'colour'");
			assertThat(analysis.getAction()).contains("every problem of every check is listed");
		});
	}

	@Test
	void aWhitelistedToOnePathIsAllowed() {
		this.contextRunner.withUserConfiguration(SortsByAuthorName.class)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void runsTheChecksAnApplicationDeclares() {
		this.contextRunner.withBean("ownCheck", StartupCheck.class, () -> () -> List.of("the moon is missing"))
			.run((context) -> assertThat(context).getFailure().hasMessageContaining("the moon is missing"));
	}

	@Test
	void isSwitchedOffByProperty() {
		this.contextRunner.withUserConfiguration(BadSorts.class)
			.withPropertyValues("crudkit.startup.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(StartupChecks.class));
	}

	@Entity
	static class Author {

		@Id
		Long id;

		String name;

	}

	@Entity
	static class Book {

		@Id
		Long id;

		String title;

		@WriteOnly
		String secret;

		@ManyToOne
		Author author;

	}

	record BookPublic(long id, String title) {

	}

	@RestController
	static class BadSorts {

		@GetMapping("/books")
		List<BookPublic> list(@SortableBy(value = { "title", "colour", "secret" }, entity = Book.class) Pageable page) {
			return List.of();
		}

		@GetMapping("/other-books")
		List<BookPublic> other(@SortableBy(value = { "title", "author.age" }, entity = Book.class) Pageable page) {
			return List.of();
		}

	}

	@RestController
	static class SortsByAuthorName {

		@GetMapping("/books")
		List<BookPublic> list(@SortableBy(value = { "title", "author.name" }, ignoreCase = "author.name",
				entity = Book.class) Pageable page) {
			return List.of();
		}

	}

	@RestController
	static class ReturnsEntity {

		@GetMapping("/books/1")
		Book find() {
			return new Book();
		}

	}

}
