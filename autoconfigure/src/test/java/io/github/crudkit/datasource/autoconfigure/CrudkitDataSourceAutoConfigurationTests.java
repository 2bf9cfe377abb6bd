package io.github.crudkit.datasource.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;
import io.github.crudkit.datasource.DatabaseUnavailableException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

class CrudkitDataSourceAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CrudkitDataSourceAutoConfiguration.class));

	@Test
	void registersStartupCheck() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(DatabaseStartupCheck.class)
			.hasBean("crudkitDatabaseStartupCheck"));
	}

	@Test
	void backsOffWhenUserDefinesStartupCheck() {
		this.contextRunner.withUserConfiguration(UserCheckConfiguration.class)
			.run((context) -> assertThat(context).hasSingleBean(DatabaseStartupCheck.class)
				.hasBean("userDatabaseStartupCheck")
				.doesNotHaveBean("crudkitDatabaseStartupCheck"));
	}

	@Test
	void isSwitchedOffByProperty() {
		this.contextRunner.withPropertyValues("crudkit.datasource.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(DatabaseStartupCheck.class));
	}

	@Test
	void isNotRegisteredWithoutHikari() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HikariDataSource.class))
			.run((context) -> assertThat(context).doesNotHaveBean(DatabaseStartupCheck.class));
	}

	@Test
	void failsStartupWithOneClearExceptionWhenDatabaseIsUnreachable() {
		this.contextRunner.withUserConfiguration(UnreachableDataSourceConfiguration.class)
			.run((context) -> assertThat(context).getFailure()
				.hasCauseInstanceOf(DatabaseUnavailableException.class)
				.cause()
				.hasMessageStartingWith("Cannot connect to the database at jdbc:postgresql://127.0.0.1:1/nothing: "));
	}

	@Test
	void startsWithUnreachableDatabaseWhenSwitchedOff() {
		this.contextRunner.withUserConfiguration(UnreachableDataSourceConfiguration.class)
			.withPropertyValues("crudkit.datasource.enabled=false")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(HikariDataSource.class));
	}

	@Configuration(proxyBeanMethods = false)
	static class UserCheckConfiguration {

		@Bean
		static DatabaseStartupCheck userDatabaseStartupCheck() {
			return new DatabaseStartupCheck();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UnreachableDataSourceConfiguration {

		@Bean(destroyMethod = "close")
		HikariDataSource dataSource() {
			HikariDataSource dataSource = new HikariDataSource();
			// Nothing listens on port 1; without a PostgreSQL driver on the class path
			// the check fails too.
			dataSource.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/nothing");
			dataSource.setConnectionTimeout(1000);
			return dataSource;
		}

	}

}
