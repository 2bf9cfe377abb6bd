package io.github.crudkit.model.autoconfigure;

import java.util.List;

import io.github.crudkit.model.EntityExposureModule;
import io.github.crudkit.model.ModelTraversableResolver;
import io.github.crudkit.startup.autoconfigure.CrudkitStartupAutoConfiguration;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.exc.InvalidDefinitionException;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class CrudkitModelAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CrudkitModelAutoConfiguration.class));

	private final WebApplicationContextRunner webContextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CrudkitModelAutoConfiguration.class, WebMvcAutoConfiguration.class,
				CrudkitStartupAutoConfiguration.class));

	private final ApplicationContextRunner jacksonContextRunner = this.contextRunner
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class));

	@Test
	void validatorAsksJpaAboutLoadedPropertiesOnlyForJpaTypes() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
			.run((context) -> assertThat(context.getBean(ValidatorFactory.class).getTraversableResolver())
				.isInstanceOf(ModelTraversableResolver.class));
	}

	@Test
	void validatorKeepsTheProviderDefaultsWhenFastValidationIsOff() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
			.withPropertyValues("crudkit.model.fast-validation=false")
			.run((context) -> assertThat(context.getBean(ValidatorFactory.class).getTraversableResolver())
				.isNotInstanceOf(ModelTraversableResolver.class));
	}

	@Test
	void registersEntityExposureModule() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(EntityExposureModule.class));
	}

	@Test
	void backsOffWhenUserDefinesEntityExposureModule() {
		this.contextRunner.withUserConfiguration(UserModuleConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(EntityExposureModule.class)
				.getBean(EntityExposureModule.class)
				.isSameAs(context.getBean("userEntityExposureModule")));
	}

	@Test
	void isSwitchedOffByProperty() {
		this.contextRunner.withPropertyValues("crudkit.model.refuse-entity-serialization=false")
			.run((context) -> assertThat(context).doesNotHaveBean(EntityExposureModule.class));
	}

	@Test
	void jsonMapperRefusesToSerializeEntity() {
		this.jacksonContextRunner.run((context) -> {
			JsonMapper mapper = context.getBean(JsonMapper.class);
			assertThatExceptionOfType(InvalidDefinitionException.class)
				.isThrownBy(() -> mapper.writeValueAsString(new Hero(1L, "Deadpond")))
				.withMessageContaining(Hero.class.getName())
				.withMessageNotContaining("Deadpond");
		});
	}

	@Test
	void jsonMapperRefusesToSerializeSubclassOfEntityAsHibernateProxyWouldBe() {
		this.jacksonContextRunner.run((context) -> {
			JsonMapper mapper = context.getBean(JsonMapper.class);
			assertThatExceptionOfType(InvalidDefinitionException.class)
				.isThrownBy(() -> mapper.writeValueAsString(new Hero.HibernateProxy(1L, "Deadpond")))
				.withMessageContaining(Hero.class.getName())
				.withMessageNotContaining("Deadpond");
		});
	}

	@Test
	void jsonMapperRefusesToSerializeEntityInsideCollection() {
		this.jacksonContextRunner.run((context) -> {
			JsonMapper mapper = context.getBean(JsonMapper.class);
			assertThatExceptionOfType(InvalidDefinitionException.class)
				.isThrownBy(() -> mapper.writeValueAsString(List.of(new Hero(1L, "Deadpond"))))
				.withMessageContaining(Hero.class.getName());
		});
	}

	@Test
	void jsonMapperStillSerializesRecord() {
		this.jacksonContextRunner.run((context) -> {
			JsonMapper mapper = context.getBean(JsonMapper.class);
			assertThat(mapper.writeValueAsString(new HeroPublic(1L, "Deadpond")))
				.isEqualTo("{\"id\":1,\"name\":\"Deadpond\"}");
		});
	}

	@Test
	void jsonMapperSerializesEntityWhenSwitchedOff() {
		this.jacksonContextRunner.withPropertyValues("crudkit.model.refuse-entity-serialization=false")
			.run((context) -> {
				JsonMapper mapper = context.getBean(JsonMapper.class);
				assertThat(mapper.writeValueAsString(new Hero(1L, "Deadpond")))
					.isEqualTo("{\"id\":1,\"name\":\"Deadpond\"}");
			});
	}

	@Test
	void registersModelBoundaryVerifierInServletWebApplication() {
		this.webContextRunner.withUserConfiguration(CleanController.class)
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(ModelBoundaryVerifier.class));
	}

	@Test
	void doesNotRegisterModelBoundaryVerifierOutsideServletWebApplication() {
		this.contextRunner.run((context) -> assertThat(context).doesNotHaveBean(ModelBoundaryVerifier.class));
	}

	@Test
	void failsStartupWhenControllerReturnsEntity() {
		this.webContextRunner.withUserConfiguration(EntityController.class)
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("EntityController.find returns the JPA entity " + Hero.class.getName()));
	}

	@Test
	void modelBoundaryVerifierBacksOffWhenUserDefinesOne() {
		this.webContextRunner.withUserConfiguration(EntityController.class, UserVerifierConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(ModelBoundaryVerifier.class)
				.getBean(ModelBoundaryVerifier.class)
				.isSameAs(context.getBean("userModelBoundaryVerifier")));
	}

	@Test
	void modelBoundaryVerifierIsSwitchedOffWithTheRestByProperty() {
		this.webContextRunner.withUserConfiguration(EntityController.class)
			.withPropertyValues("crudkit.model.refuse-entity-serialization=false")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ModelBoundaryVerifier.class));
	}

	@RestController
	static class EntityController {

		@GetMapping("/heroes/1")
		Hero find() {
			return new Hero(1L, "Deadpond");
		}

	}

	@RestController
	static class CleanController {

		@GetMapping("/heroes/1")
		HeroPublic find() {
			return new HeroPublic(1L, "Deadpond");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserVerifierConfiguration {

		@Bean
		ModelBoundaryVerifier userModelBoundaryVerifier() {
			return new ModelBoundaryVerifier(List.of());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserModuleConfiguration {

		@Bean
		EntityExposureModule userEntityExposureModule() {
			return new EntityExposureModule();
		}

	}

	@Entity
	static class Hero {

		@Id
		private Long id;

		private String name;

		Hero(Long id, String name) {
			this.id = id;
			this.name = name;
		}

		public Long getId() {
			return this.id;
		}

		public String getName() {
			return this.name;
		}

		/**
		 * Named as Hibernate names its runtime proxies ({@code Hero$HibernateProxy$...}):
		 * a subclass that is not annotated itself.
		 */
		static class HibernateProxy extends Hero {

			HibernateProxy(Long id, String name) {
				super(id, name);
			}

		}

	}

	record HeroPublic(Long id, String name) {

	}

}
