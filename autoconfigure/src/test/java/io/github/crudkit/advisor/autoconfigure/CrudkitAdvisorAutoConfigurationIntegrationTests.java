package io.github.crudkit.advisor.autoconfigure;

import javax.sql.DataSource;

import io.github.crudkit.advisor.AdvisorFixtureEntities;
import io.github.crudkit.startup.StartupCheckException;
import io.github.crudkit.startup.autoconfigure.CrudkitStartupAutoConfiguration;
import io.github.crudkit.support.TestDatabase;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The advisor at start-up, on an entity manager factory with one EAGER to-one
 * association: a warning by default, a start-up failure in {@code fail} mode (through the
 * start-up checks, with every other check's problems), nothing when {@code off} or
 * suppressed.
 */
@ExtendWith(OutputCaptureExtension.class)
class CrudkitAdvisorAutoConfigurationIntegrationTests {

	private static TestDatabase.Database database;

	private static EntityManagerFactory entityManagerFactory;

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(CrudkitAdvisorAutoConfiguration.class, CrudkitStartupAutoConfiguration.class))
		.withUserConfiguration(Jpa.class);

	@BeforeAll
	static void createEntityManagerFactory() {
		database = TestDatabase.createDatabase();
		entityManagerFactory = new HibernatePersistenceConfiguration("advisor-startup")
			.managedClasses(AdvisorFixtureEntities.TYPES.toArray(Class<?>[]::new))
			.jdbcUrl(database.url())
			.jdbcCredentials(TestDatabase.USERNAME, TestDatabase.PASSWORD)
			.property("hibernate.hbm2ddl.auto", "create")
			.createEntityManagerFactory();
	}

	@AfterAll
	static void dropDatabase() {
		entityManagerFactory.close();
		database.close();
	}

	@Test
	void warnsAboutEachFindingByDefault(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(MappingAdvisorStartupCheck.class);
			assertThat(output).contains("JPA mapping advisor: CK-M001 Eager.plain: the association to Plain is EAGER");
		});
	}

	@Test
	void failsStartupWithTheOtherStartupChecksInFailMode() {
		this.contextRunner.withPropertyValues("crudkit.advisor.mode=fail").run((context) -> {
			assertThat(context).getFailure().isInstanceOf(StartupCheckException.class);
			StartupCheckException failure = (StartupCheckException) context.getStartupFailure();
			assertThat(failure.getProblems())
				.containsOnlyKeys("The JPA mapping advisor (io.github.crudkit.advisor, crudkit.advisor.mode=fail)");
			assertThat(failure.getMessage()).contains("crudkit's start-up checks found 1 problem(s):")
				.contains("    - CK-M001 Eager.plain: the association to Plain is EAGER; why: ");
		});
	}

	@Test
	void aSuppressedFindingDoesNotFailStartup(CapturedOutput output) {
		this.contextRunner
			.withPropertyValues("crudkit.advisor.mode=fail", "crudkit.advisor.suppress=CK-M001:Eager.plain")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("CK-M001");
	}

	@Test
	void offRunsNothing(CapturedOutput output) {
		this.contextRunner.withPropertyValues("crudkit.advisor.mode=off")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("JPA mapping advisor");
	}

	@Test
	void backsOffWithoutAnEntityManagerFactory() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(CrudkitAdvisorAutoConfiguration.class, CrudkitStartupAutoConfiguration.class))
			.withPropertyValues("crudkit.advisor.mode=fail")
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Configuration(proxyBeanMethods = false)
	static class Jpa {

		@Bean
		EntityManagerFactory entityManagerFactory() {
			return entityManagerFactory;
		}

		@Bean
		DataSource dataSource() {
			return database.dataSource();
		}

	}

}
