package io.github.crudkit.openapi.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springdoc.core.customizers.GlobalOperationComponentsCustomizer;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class CrudkitOpenApiAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CrudkitOpenApiAutoConfiguration.class));

	@Test
	void registersTheCustomizersAndTheRecordConverter() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(SuccessResponseCustomizer.class)
			.hasSingleBean(ProblemResponseCustomizer.class)
			.hasSingleBean(HeaderParameterCustomizer.class)
			.hasSingleBean(OperationIdCustomizer.class)
			.hasSingleBean(RecordSchemaConverter.class));
	}

	@Test
	void canBeSwitchedOff() {
		this.contextRunner.withPropertyValues("crudkit.openapi.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(SuccessResponseCustomizer.class)
				.doesNotHaveBean(ProblemResponseCustomizer.class)
				.doesNotHaveBean(RecordSchemaConverter.class));
	}

	@Test
	void backsOffWhenUserDefinesACustomizer() {
		this.contextRunner.withUserConfiguration(UserCustomizerConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(ProblemResponseCustomizer.class)
				.doesNotHaveBean("crudkitProblemResponseCustomizer")
				.hasSingleBean(SuccessResponseCustomizer.class));
	}

	@Test
	void isNotRegisteredOutsideServletWebApplication() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CrudkitOpenApiAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ProblemResponseCustomizer.class));
	}

	@Test
	void leavesApplicationsWithoutSpringDocAlone() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(GlobalOperationComponentsCustomizer.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(ProblemResponseCustomizer.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserCustomizerConfiguration {

		@Bean
		ProblemResponseCustomizer userProblemResponseCustomizer() {
			return new ProblemResponseCustomizer();
		}

	}

}
