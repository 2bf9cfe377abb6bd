package io.github.crudkit.query.autoconfigure;

import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class CrudkitJpaDefaultsEnvironmentPostProcessorTests {

	private final CrudkitJpaDefaultsEnvironmentPostProcessor processor = new CrudkitJpaDefaultsEnvironmentPostProcessor();

	@Test
	void addsTheDefaults() {
		StandardEnvironment environment = new StandardEnvironment();
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.jpa.open-in-view")).isEqualTo("false");
		assertThat(environment.getProperty("spring.jpa.properties.hibernate.default_batch_fetch_size")).isEqualTo("16");
		assertThat(environment.getProperty("spring.jpa.properties.hibernate.jdbc.batch_size")).isEqualTo("50");
		assertThat(environment.getProperty("spring.jpa.properties.hibernate.criteria.plan_cache_enabled"))
			.isEqualTo("true");
		assertThat(environment.getProperty("spring.datasource.hikari.connection-timeout")).isEqualTo("3000");
		assertThat(environment.getProperty("management.endpoint.health.group.readiness.include"))
			.isEqualTo("readinessState,db");
	}

	@Test
	void everyValueOfTheApplicationWins() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application",
					Map.of("spring.jpa.open-in-view", "true", "spring.datasource.hikari.connection-timeout", "10000")));
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.jpa.open-in-view")).isEqualTo("true");
		assertThat(environment.getProperty("spring.datasource.hikari.connection-timeout")).isEqualTo("10000");
		assertThat(environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow().getName())
			.isEqualTo(CrudkitJpaDefaultsEnvironmentPostProcessor.OPERATIONS_PROPERTY_SOURCE_NAME);
	}

	@Test
	void eachSetCanBeSwitchedOff() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application",
					Map.of("crudkit.jpa-defaults.enabled", "false", "crudkit.operations-defaults.enabled", "false")));
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.jpa.open-in-view")).isNull();
		assertThat(environment.getProperty("spring.datasource.hikari.connection-timeout")).isNull();
	}

}
