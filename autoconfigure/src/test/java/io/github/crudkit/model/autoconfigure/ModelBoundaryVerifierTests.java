package io.github.crudkit.model.autoconfigure;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.github.crudkit.model.CreateModel;
import io.github.crudkit.model.PublicModel;
import io.github.crudkit.model.WriteOnly;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.junit.jupiter.api.Test;

import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockServletContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.support.StaticWebApplicationContext;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

class ModelBoundaryVerifierTests {

	private static final String HERO = Hero.class.getName();

	@Test
	void controllerReturningEntityIsReported() {
		assertThat(verify(ReturnsEntity.class)).containsExactly("ReturnsEntity.find returns the JPA entity " + HERO);
	}

	@Test
	void controllerReturningListOfEntitiesIsReported() {
		assertThat(verify(ReturnsEntityList.class))
			.containsExactly("ReturnsEntityList.list returns the JPA entity " + HERO);
	}

	@Test
	void controllerReturningResponseEntityOfEntityIsReported() {
		assertThat(verify(ReturnsResponseEntityOfEntity.class))
			.containsExactly("ReturnsResponseEntityOfEntity.find returns the JPA entity " + HERO);
	}

	@Test
	void controllerReturningEntityInsideNestedGenericsIsReported() {
		assertThat(verify(ReturnsNestedGenerics.class))
			.containsExactly("ReturnsNestedGenerics.byTeam returns the JPA entity " + HERO);
	}

	@Test
	void controllerReturningArrayOfEntitiesIsReported() {
		assertThat(verify(ReturnsEntityArray.class))
			.containsExactly("ReturnsEntityArray.all returns the JPA entity " + HERO);
	}

	@Test
	void controllerReturningSubclassOfEntityIsReportedNamingTheEntity() {
		assertThat(verify(ReturnsEntitySubclass.class))
			.containsExactly("ReturnsEntitySubclass.find returns the JPA entity " + HERO);
	}

	@Test
	void controllerAcceptingEntityAsRequestBodyIsReported() {
		assertThat(verify(AcceptsEntity.class)).containsExactly("AcceptsEntity.create accepts the JPA entity " + HERO);
	}

	@Test
	void controllerReturningPublicModelWithWriteOnlyComponentIsReported() {
		assertThat(verify(ReturnsLeakyPublicModel.class)).containsExactly("ReturnsLeakyPublicModel.find returns "
				+ LeakyHeroPublic.class.getName() + ", a PublicModel with the write-only field secretName");
	}

	@Test
	void publicModelWithWriteOnlyComponentInsideListIsReported() {
		assertThat(verify(ReturnsListOfLeakyPublicModel.class))
			.containsExactly("ReturnsListOfLeakyPublicModel.list " + "returns " + LeakyHeroPublic.class.getName()
					+ ", a PublicModel with the write-only field secretName");
	}

	@Test
	void entityInsidePublicModelIsReported() {
		assertThat(verify(ReturnsPublicModelWithEntity.class))
			.containsExactly("ReturnsPublicModelWithEntity.find returns the JPA entity " + HERO);
	}

	@Test
	void everyBrokenRuleOfEveryMethodIsReportedOnce() {
		assertThat(verify(BreaksEverything.class)).containsExactlyInAnyOrder(
				"BreaksEverything.find returns the JPA entity " + HERO,
				"BreaksEverything.update returns the JPA entity " + HERO,
				"BreaksEverything.update accepts the JPA entity " + HERO, "BreaksEverything.leak returns "
						+ LeakyHeroPublic.class.getName() + ", a PublicModel with the write-only field secretName");
	}

	@Test
	void cleanControllerProducesNoProblem() {
		assertThat(verify(CleanController.class)).isEmpty();
	}

	@Test
	void asAStartupCheckPassesForCleanController() {
		ModelBoundaryVerifier verifier = new ModelBoundaryVerifier(List.of(mappingOf(CleanController.class)));
		assertThat(verifier.problems()).isEmpty();
	}

	@Test
	void asAStartupCheckListsEveryProblemWithItsFix() {
		ModelBoundaryVerifier verifier = new ModelBoundaryVerifier(
				List.of(mappingOf(ReturnsEntity.class), mappingOf(AcceptsEntity.class, ReturnsLeakyPublicModel.class)));
		String fix = ": return and accept records (Create/Update/Public models) instead";
		assertThat(verifier.problems()).containsExactlyInAnyOrder(
				"ReturnsEntity.find returns the JPA entity " + HERO + fix,
				"AcceptsEntity.create accepts the JPA entity " + HERO + fix,
				"ReturnsLeakyPublicModel.find returns " + LeakyHeroPublic.class.getName()
						+ ", a PublicModel with the write-only field secretName" + fix);
		assertThat(verifier.description()).contains("multiple-model");
	}

	@Test
	void noMappingsProduceNoProblem() {
		assertThat(new ModelBoundaryVerifier(List.of()).verify()).isEmpty();
	}

	private static List<String> verify(Class<?>... controllers) {
		return new ModelBoundaryVerifier(List.of(mappingOf(controllers))).verify();
	}

	private static RequestMappingHandlerMapping mappingOf(Class<?>... controllers) {
		StaticWebApplicationContext context = new StaticWebApplicationContext();
		context.setServletContext(new MockServletContext());
		for (Class<?> controller : controllers) {
			context.registerSingleton(controller.getSimpleName(), controller);
		}
		context.refresh();
		RequestMappingHandlerMapping mapping = new RequestMappingHandlerMapping();
		mapping.setApplicationContext(context);
		mapping.afterPropertiesSet();
		assertThat(mapping.getHandlerMethods()).isNotEmpty();
		return mapping;
	}

	@Entity
	static class Hero {

		@Id
		Long id;

		String name;

		/**
		 * Stands for a Hibernate proxy, a subclass that is not annotated itself.
		 */
		static class Proxy extends Hero {

		}

	}

	record HeroPublic(Long id, String name) implements PublicModel {

	}

	record HeroCreate(String name, @WriteOnly String secretName) implements CreateModel {

	}

	record LeakyHeroPublic(Long id, String name, @WriteOnly String secretName) implements PublicModel {

	}

	record TeamPublic(Long id, String name, Hero leader) implements PublicModel {

	}

	@RestController
	static class ReturnsEntity {

		@GetMapping("/heroes/{id}")
		Hero find(@PathVariable long id) {
			return new Hero();
		}

	}

	@RestController
	static class ReturnsEntityList {

		@GetMapping("/heroes")
		List<Hero> list() {
			return List.of();
		}

	}

	@RestController
	static class ReturnsResponseEntityOfEntity {

		@GetMapping("/heroes/{id}")
		ResponseEntity<Hero> find(@PathVariable long id) {
			return ResponseEntity.ok(new Hero());
		}

	}

	@RestController
	static class ReturnsNestedGenerics {

		@GetMapping("/heroes/by-team")
		ResponseEntity<Map<String, List<Optional<Hero>>>> byTeam() {
			return ResponseEntity.ok(Map.of());
		}

	}

	@RestController
	static class ReturnsEntityArray {

		@GetMapping("/heroes/all")
		Hero[] all() {
			return new Hero[0];
		}

	}

	@RestController
	static class ReturnsEntitySubclass {

		@GetMapping("/heroes/{id}")
		Hero.Proxy find(@PathVariable long id) {
			return new Hero.Proxy();
		}

	}

	@RestController
	static class AcceptsEntity {

		@PostMapping("/heroes")
		HeroPublic create(@RequestBody Hero hero) {
			return new HeroPublic(1L, "Tony");
		}

	}

	@RestController
	static class ReturnsLeakyPublicModel {

		@GetMapping("/leaky/{id}")
		LeakyHeroPublic find(@PathVariable long id) {
			return new LeakyHeroPublic(id, "Tony", "Iron Man");
		}

	}

	@RestController
	static class ReturnsListOfLeakyPublicModel {

		@GetMapping("/leaky")
		List<LeakyHeroPublic> list() {
			return List.of();
		}

	}

	@RestController
	static class ReturnsPublicModelWithEntity {

		@GetMapping("/teams/{id}")
		TeamPublic find(@PathVariable long id) {
			return new TeamPublic(id, "Avengers", null);
		}

	}

	@RestController
	static class BreaksEverything {

		@GetMapping("/broken/{id}")
		Hero find(@PathVariable long id) {
			return new Hero();
		}

		@PostMapping("/broken/{id}")
		Hero update(@PathVariable long id, @RequestBody Hero hero) {
			return hero;
		}

		@GetMapping("/broken/leak")
		LeakyHeroPublic leak() {
			return new LeakyHeroPublic(1L, "Tony", "Iron Man");
		}

		@GetMapping("/broken/ok")
		HeroPublic ok() {
			return new HeroPublic(1L, "Tony");
		}

	}

	@RestController
	static class CleanController {

		@GetMapping("/clean/{id}")
		HeroPublic find(@PathVariable long id) {
			return new HeroPublic(id, "Tony");
		}

		@GetMapping("/clean")
		ResponseEntity<List<HeroPublic>> list(@RequestParam(required = false) String name) {
			return ResponseEntity.ok(List.of());
		}

		@PostMapping("/clean")
		ResponseEntity<HeroPublic> create(@RequestBody HeroCreate create) {
			return ResponseEntity.ok(new HeroPublic(1L, create.name()));
		}

		@PostMapping("/clean/{id}/delete")
		void delete(@PathVariable long id) {
		}

		@GetMapping("/clean/count")
		long count() {
			return 0;
		}

	}

}
