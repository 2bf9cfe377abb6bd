package io.github.crudkit.model;

import java.lang.annotation.ElementType;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.validation.Configuration;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.TraversableResolver;
import jakarta.validation.Valid;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.validation.spi.ConfigurationState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ModelTraversableResolverTests {

	private final Answering jpa = new Answering(false);

	private final ModelTraversableResolver resolver = new ModelTraversableResolver(this.jpa);

	@Test
	void answersForARecordWithoutAskingJpa() {
		assertThat(reachable(new Item("a"))).isTrue();
		assertThat(cascadable(new Item("a"))).isTrue();
		assertThat(reachable(null)).isTrue();
		assertThat(this.jpa.asked).hasValue(0);
	}

	@Test
	void asksJpaForEntitiesTheirSubclassesAndEmbeddables() {
		assertThat(reachable(new Sidekick())).isFalse();
		assertThat(cascadable(new Sidekick())).isFalse();
		// A Hibernate proxy is a subclass of the entity class, without the annotation.
		assertThat(reachable(new Sidekick() {
		})).isFalse();
		assertThat(reachable(new Address())).isFalse();
		assertThat(this.jpa.asked).hasValue(4);
	}

	@Test
	void knowsJpaTypes() {
		assertThat(ModelTraversableResolver.isJpaType(Sidekick.class)).isTrue();
		assertThat(ModelTraversableResolver.isJpaType(Address.class)).isTrue();
		assertThat(ModelTraversableResolver.isJpaType(Item.class)).isFalse();
		assertThat(ModelTraversableResolver.isJpaType(String.class)).isFalse();
	}

	@Test
	void validationFindsTheSameViolationsAndAsksJpaOnlyAboutEntities() {
		AtomicInteger asked = new AtomicInteger();
		try (ValidatorFactory factory = Validation.byDefaultProvider().configure().buildValidatorFactory()) {
			TraversableResolver defaults = factory.getTraversableResolver();
			try (ValidatorFactory crudkit = Validation.byDefaultProvider()
				.configure()
				.traversableResolver(new ModelTraversableResolver(new Counting(defaults, asked)))
				.buildValidatorFactory()) {
				Validator validator = crudkit.getValidator();
				Bulk bulk = new Bulk(List.of(new Item("ok"), new Item(""), new Item("x".repeat(11))));
				assertThat(paths(validator.validate(bulk))).containsExactlyInAnyOrder("items[1].name", "items[2].name");
				assertThat(paths(factory.getValidator().validate(bulk))).containsExactlyInAnyOrder("items[1].name",
						"items[2].name");
				assertThat(asked).hasValue(0);
				Sidekick sidekick = new Sidekick();
				assertThat(paths(validator.validate(sidekick))).containsExactly("name");
				assertThat(asked.get()).isPositive();
			}
		}
	}

	@Test
	void appliesToAConfigurationInFrontOfTheDefaultResolverWithoutTheResultCache() {
		Configuration<?> configuration = Validation.byDefaultProvider().configure();
		ModelTraversableResolver.applyTo(configuration);
		ConfigurationState state = (ConfigurationState) configuration;
		assertThat(state.getTraversableResolver()).isInstanceOf(ModelTraversableResolver.class);
		assertThat(state.getProperties()).containsEntry(ModelTraversableResolver.RESULT_CACHE_PROPERTY, "false");
		try (ValidatorFactory factory = configuration.buildValidatorFactory()) {
			assertThat(paths(factory.getValidator().validate(new Bulk(List.of(new Item(" "))))))
				.containsExactly("items[0].name");
		}
	}

	private static List<String> paths(Set<? extends ConstraintViolation<?>> violations) {
		return violations.stream().map((violation) -> violation.getPropertyPath().toString()).toList();
	}

	private boolean reachable(Object object) {
		return this.resolver.isReachable(object, node(), Object.class, null, ElementType.FIELD);
	}

	private boolean cascadable(Object object) {
		return this.resolver.isCascadable(object, node(), Object.class, null, ElementType.FIELD);
	}

	private static Path.Node node() {
		return null;
	}

	record Item(@NotBlank @Size(max = 10) String name) {
	}

	record Bulk(List<@Valid Item> items) {
	}

	@Entity
	static class Sidekick {

		@Id
		Long id;

		@NotBlank
		String name;

	}

	@Embeddable
	static class Address {

		String city;

	}

	private static final class Answering implements TraversableResolver {

		private final boolean answer;

		final AtomicInteger asked = new AtomicInteger();

		Answering(boolean answer) {
			this.answer = answer;
		}

		@Override
		public boolean isReachable(Object object, Path.Node node, Class<?> root, Path path, ElementType type) {
			this.asked.incrementAndGet();
			return this.answer;
		}

		@Override
		public boolean isCascadable(Object object, Path.Node node, Class<?> root, Path path, ElementType type) {
			this.asked.incrementAndGet();
			return this.answer;
		}

	}

	private record Counting(TraversableResolver delegate, AtomicInteger asked) implements TraversableResolver {

		@Override
		public boolean isReachable(Object object, Path.Node node, Class<?> root, Path path, ElementType type) {
			this.asked.incrementAndGet();
			return this.delegate.isReachable(object, node, root, path, type);
		}

		@Override
		public boolean isCascadable(Object object, Path.Node node, Class<?> root, Path path, ElementType type) {
			this.asked.incrementAndGet();
			return this.delegate.isCascadable(object, node, root, path, type);
		}

	}

}
