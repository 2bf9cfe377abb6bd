package io.github.crudkit.operations.autoconfigure;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class CrudkitOperationsDefaultsEnvironmentPostProcessorTests {

	private final CrudkitOperationsDefaultsEnvironmentPostProcessor processor = new CrudkitOperationsDefaultsEnvironmentPostProcessor();

	@Test
	void addsTheDefaults() {
		StandardEnvironment environment = new StandardEnvironment();
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.hikari.connection-timeout")).isEqualTo("3000");
		assertThat(environment.getProperty("spring.datasource.hikari.validation-timeout")).isEqualTo("1000");
		assertThat(environment.getProperty("spring.datasource.hikari.data-source-properties.tcpKeepAlive"))
			.isEqualTo("true");
		assertThat(environment.getProperty("management.endpoint.health.group.readiness.include"))
			.isEqualTo("readinessState,db");
	}

	@Test
	void boundsEveryDatabaseWaitWithinFiveSecondsTheStatementTimeoutBeforeTheSocketTimeout() {
		StandardEnvironment environment = new StandardEnvironment();
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		Duration statementTimeout = Duration
			.ofMillis(Long.parseLong(environment.getProperty("spring.datasource.hikari.data-source-properties.options")
				.replace("-c statement_timeout=", "")));
		Duration socketTimeout = Duration.ofSeconds(Long
			.parseLong(environment.getProperty("spring.datasource.hikari.data-source-properties.socketTimeout")));
		Duration connectTimeout = Duration.ofSeconds(Long
			.parseLong(environment.getProperty("spring.datasource.hikari.data-source-properties.connectTimeout")));
		Duration connectionTimeout = Duration
			.ofMillis(Long.parseLong(environment.getProperty("spring.datasource.hikari.connection-timeout")));
		Duration validationTimeout = Duration
			.ofMillis(Long.parseLong(environment.getProperty("spring.datasource.hikari.validation-timeout")));
		assertThat(statementTimeout).isEqualTo(Duration.ofSeconds(3)).isLessThan(socketTimeout);
		assertThat(socketTimeout).isEqualTo(Duration.ofSeconds(4)).isLessThan(Duration.ofSeconds(5));
		assertThat(connectTimeout).isEqualTo(Duration.ofSeconds(2)).isLessThan(connectionTimeout);
		assertThat(connectionTimeout.plus(validationTimeout)).isLessThan(Duration.ofSeconds(5));
	}

	@Test
	void everyValueOfTheApplicationWins() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application",
					Map.of("spring.datasource.hikari.connection-timeout", "10000")));
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.hikari.connection-timeout")).isEqualTo("10000");
		assertThat(environment.getPropertySources().stream().reduce((first, second) -> second).orElseThrow().getName())
			.isEqualTo(CrudkitOperationsDefaultsEnvironmentPostProcessor.PROPERTY_SOURCE_NAME);
	}

	@Test
	void canBeSwitchedOff() {
		StandardEnvironment environment = new StandardEnvironment();
		environment.getPropertySources()
			.addFirst(new MapPropertySource("application", Map.of("crudkit.operations.enabled", "false")));
		this.processor.postProcessEnvironment(environment, new SpringApplication());
		assertThat(environment.getProperty("spring.datasource.hikari.connection-timeout")).isNull();
	}

}
