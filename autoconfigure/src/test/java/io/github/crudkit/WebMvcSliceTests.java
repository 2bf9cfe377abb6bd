package io.github.crudkit;

import java.util.List;

import io.github.crudkit.concurrency.Versioned;
import io.github.crudkit.error.FieldViolation;
import io.github.crudkit.error.ProblemException;
import io.github.crudkit.pagination.SortableBy;
import io.github.crudkit.patch.MergePatcher;
import jakarta.validation.constraints.NotBlank;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.Pageable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code @WebMvcTest} gets crudkit's web behaviour, as the application does: the
 * starter registers its web auto-configurations for Boot's Spring MVC slice.
 */
@WebMvcTest
class WebMvcSliceTests {

	@Autowired
	MockMvcTester mvc;

	@Test
	void problemExceptionIsAnsweredWithAProblemDetail() {
		assertThat(this.mvc.post().uri("/heroes/7/powers")).hasStatus(HttpStatus.CONFLICT)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.isLenientlyEqualTo("""
					{"status": 409, "title": "Conflict", "detail": "Hero 7 already holds 20 powers.",
					 "errors": [{"field": "powerId", "message": "a hero holds at most 20 powers"}]}""");
	}

	@Test
	void negativePageIsABadRequestNamingTheParameter() {
		assertThat(this.mvc.get().uri("/heroes?page=-1")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("page");
	}

	@Test
	void versionedBodyIsWrittenWithItsETag() {
		assertThat(this.mvc.get().uri("/heroes/7")).hasStatusOk()
			.hasHeader(HttpHeaders.ETAG, "\"3\"")
			.bodyJson()
			.isStrictlyEqualTo("""
					{"name": "Deadpond", "age": 12}""");
	}

	@Test
	void numberForATextFieldIsABadRequestNamingTheField() {
		assertThat(this.mvc.post().uri("/heroes").contentType(MediaType.APPLICATION_JSON).content("""
				{"name": 42, "age": 12}""")).hasStatus(HttpStatus.BAD_REQUEST)
			.hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
			.bodyJson()
			.extractingPath("$.errors[0].field")
			.isEqualTo("name");
	}

	@Test
	void mergePatchIsAppliedToTheCurrentState() {
		assertThat(this.mvc.patch().uri("/heroes/7").contentType(MediaType.APPLICATION_JSON).content("""
				{"age": 13}""")).hasStatusOk().bodyJson().isStrictlyEqualTo("""
				{"name": "Deadpond", "age": 13}""");
	}

	@SpringBootConfiguration
	@Import(HeroController.class)
	static class SliceApplication {

	}

	@RestController
	static class HeroController {

		private final MergePatcher patcher;

		HeroController(MergePatcher patcher) {
			this.patcher = patcher;
		}

		@GetMapping("/heroes")
		List<HeroUpdate> list(@SortableBy({ "name", "id" }) Pageable pageable) {
			return List.of();
		}

		@GetMapping("/heroes/{id}")
		Versioned<HeroUpdate> get(@PathVariable long id) {
			return new Versioned<>(new HeroUpdate("Deadpond", 12), 3);
		}

		@PostMapping("/heroes")
		HeroUpdate create(@RequestBody HeroUpdate hero) {
			return hero;
		}

		@PatchMapping("/heroes/{id}")
		HeroUpdate update(@PathVariable long id, @RequestBody JsonNode patch) {
			return this.patcher.apply(new HeroUpdate("Deadpond", 12), patch, HeroUpdate.class);
		}

		@PostMapping("/heroes/{id}/powers")
		void addPower(@PathVariable long id) {
			throw ProblemException.conflict("Hero " + id + " already holds 20 powers.",
					new FieldViolation("powerId", "a hero holds at most 20 powers"));
		}

	}

	record HeroUpdate(@NotBlank String name, int age) {

	}

}
