package io.github.crudkit.datasource.autoconfigure;

import java.sql.SQLException;

import com.zaxxer.hikari.HikariDataSource;
import io.github.crudkit.datasource.DatabaseUnavailableException;
import io.github.crudkit.datasource.JdbcUrls;
import org.apache.commons.logging.LogFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.support.SpringFactoriesLoader;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatException;

@ExtendWith(OutputCaptureExtension.class)
class DatabaseUnavailableFailureAnalyzerTests {

	@Test
	void describesFailureAndActionWithUrlButNotPassword() {
		DatabaseUnavailableException ex = new DatabaseUnavailableException(
				JdbcUrls.redact("jdbc:postgresql://db:5432/heroes?password=s3cret&ssl=true"),
				"Connection to db:5432 refused.", new SQLException("Connection to db:5432 refused."));
		FailureAnalysis analysis = new DatabaseUnavailableFailureAnalyzer()
			.analyze(new RuntimeException(new BeanCreationException("dataSource", "Initialization failed", ex)));
		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).isEqualTo("Cannot connect to the database at "
				+ "jdbc:postgresql://db:5432/heroes?ssl=true: Connection to db:5432 refused.");
		assertThat(analysis.getAction()).contains("jdbc:postgresql://db:5432/heroes?ssl=true")
			.contains("spring.datasource.url")
			.doesNotContain("s3cret");
		assertThat(analysis.getCause()).isSameAs(ex);
	}

	@Test
	void ignoresOtherFailures() {
		assertThat(new DatabaseUnavailableFailureAnalyzer()
			.analyze(new BeanCreationException("dataSource", "Initialization failed", new SQLException("boom"))))
			.isNull();
	}

	@Test
	void isRegisteredWithSpringBoot() {
		assertThat(SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
			.load(FailureAnalyzer.class, SpringFactoriesLoader.FailureHandler.logging(LogFactory.getLog(getClass()))))
			.hasAtLeastOneElementOfType(DatabaseUnavailableFailureAnalyzer.class);
	}

	@Test
	void reportsUnreachableDatabaseAtStartupWithoutStackTrace(CapturedOutput output) {
		SpringApplication application = new SpringApplication(UnreachableDatabaseApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setBannerMode(Banner.Mode.OFF);
		application.setRegisterShutdownHook(false);
		assertThatException().isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Cannot connect to the database at jdbc:postgresql://127.0.0.1:1/nothing: ")
			.contains("Check that PostgreSQL runs and accepts connections at jdbc:postgresql://127.0.0.1:1/nothing")
			.doesNotContain("s3cret");
	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration(CrudkitDataSourceAutoConfiguration.class)
	static class UnreachableDatabaseApplication {

		@Bean(destroyMethod = "close")
		HikariDataSource dataSource() {
			HikariDataSource dataSource = new HikariDataSource();
			dataSource.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/nothing");
			dataSource.setUsername("app");
			dataSource.setPassword("s3cret");
			dataSource.setConnectionTimeout(1000);
			return dataSource;
		}

	}

}
