package io.github.crudkit.error.autoconfigure;

import io.github.crudkit.error.CrudkitExceptionHandler;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.webmvc.autoconfigure.WebMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import static org.assertj.core.api.Assertions.assertThat;

class CrudkitErrorAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class, CrudkitErrorAutoConfiguration.class));

	@Test
	void registersExceptionHandlerInServletWebApplication() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(CrudkitExceptionHandler.class)
			.hasSingleBean(ResponseEntityExceptionHandler.class));
	}

	@Test
	void backsOffWhenUserDefinesResponseEntityExceptionHandler() {
		this.contextRunner.withUserConfiguration(UserHandlerConfiguration.class)
			.run((context) -> assertThat(context).doesNotHaveBean(CrudkitExceptionHandler.class)
				.hasSingleBean(ResponseEntityExceptionHandler.class)
				.getBean(ResponseEntityExceptionHandler.class)
				.isInstanceOf(UserExceptionHandler.class));
	}

	@Test
	void isSwitchedOffByProperty() {
		this.contextRunner.withPropertyValues("crudkit.errors.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ResponseEntityExceptionHandler.class));
	}

	@Test
	void isNotRegisteredOutsideServletWebApplication() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CrudkitErrorAutoConfiguration.class))
			.run((context) -> assertThat(context).doesNotHaveBean(ResponseEntityExceptionHandler.class));
	}

	@Test
	void replacesBootProblemDetailsHandlerWhenBothAreEnabled() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(WebMvcAutoConfiguration.class))
			.withPropertyValues("spring.mvc.problemdetails.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(WebMvcAutoConfiguration.class)
				.hasSingleBean(ResponseEntityExceptionHandler.class)
				.getBean(ResponseEntityExceptionHandler.class)
				.isExactlyInstanceOf(CrudkitExceptionHandler.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserHandlerConfiguration {

		@Bean
		UserExceptionHandler userExceptionHandler() {
			return new UserExceptionHandler();
		}

	}

	static class UserExceptionHandler extends ResponseEntityExceptionHandler {

	}

}
