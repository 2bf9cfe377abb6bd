package io.github.crudkit.concurrency.autoconfigure;

import org.junit.jupiter.api.Test;
import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class CrudkitConcurrencyAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CrudkitConcurrencyAutoConfiguration.class));

	@Test
	void registersVersionedResponseBodyAdvice() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(VersionedResponseBodyAdvice.class)
			.hasBean("crudkitVersionedResponseBodyAdvice"));
	}

	@Test
	void backsOffWhenUserDefinesVersionedResponseBodyAdvice() {
		this.contextRunner.withUserConfiguration(UserAdviceConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(VersionedResponseBodyAdvice.class)
				.doesNotHaveBean("crudkitVersionedResponseBodyAdvice")
				.getBean(VersionedResponseBodyAdvice.class)
				.isInstanceOf(UserAdvice.class));
	}

	@Test
	void isNotRegisteredOutsideServletWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CrudkitConcurrencyAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(VersionedResponseBodyAdvice.class));
	}

	@Test
	void documentsVersionedAsItsBodyWhenSpringDocIsPresent() {
		this.contextRunner.run((context) -> assertThat(context).hasBean("crudkitVersionedSchema"));
	}

	@Test
	void leavesSpringDocAloneWhenItIsAbsent() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(SpringDocUtils.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.hasSingleBean(VersionedResponseBodyAdvice.class)
				.doesNotHaveBean("crudkitVersionedSchema"));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserAdviceConfiguration {

		@Bean
		UserAdvice userAdvice() {
			return new UserAdvice();
		}

	}

	static class UserAdvice extends VersionedResponseBodyAdvice {

	}

}
