package io.github.crudkit.operations.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class CrudkitLogSafetyEnvironmentPostProcessorTests {

	private static final String DETAIL = "spring.datasource.hikari.data-source-properties.logServerErrorDetail";

	private final CrudkitLogSafetyEnvironmentPostProcessor processor = new CrudkitLogSafetyEnvironmentPostProcessor();

	@Test
	void keepsTheServerErrorDetailOutOfDriverMessages() {
		StandardEnvironment environment = new StandardEnvironment();
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(DETAIL)).isEqualTo("false");
	}

	@Test
	void theApplicationsValueWins() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources().addFirst(new MapPropertySource("application", Map.of(DETAIL, "true")));
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(DETAIL)).isEqualTo("true");
	}

	@Test
	void isSwitchedOffWithTheOperationalDefaults() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application", Map.of("crudkit.operations.enabled", "false")));
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty(DETAIL)).isNull();
	}

}
