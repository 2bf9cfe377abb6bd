package io.github.crudkit.migration.autoconfigure;

import javax.sql.DataSource;

import io.github.crudkit.migration.SchemaProblemsException;
import io.github.crudkit.support.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static io.github.crudkit.migration.SchemaHealthFixtures.UNHEALTHY_SCHEMA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The schema health check at start-up, on real PostgreSQL: warnings by default, a failed
 * start-up with {@code crudkit.migration.schema-health.fail-on-problems=true}, and after
 * Liquibase has migrated.
 */
@ExtendWith(OutputCaptureExtension.class)
class SchemaHealthStartupCheckIntegrationTests {

	private final TestDatabase.Database database = TestDatabase.createDatabase();

	private final DataSource dataSource = this.database.dataSource();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CrudkitSchemaHealthAutoConfiguration.class))
		.withBean(DataSource.class, () -> this.dataSource);

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void logsEachProblemAsWarningByDefault(CapturedOutput output) {
		this.database.execute(UNHEALTHY_SCHEMA);
		this.contextRunner.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).contains(
				"Schema health: foreign key fk_child_parent_id on child(parent_id) has no index; add one: CREATE INDEX ix_child_parent_id ON child (parent_id);")
			.contains("Schema health: table note has no primary key");
	}

	@Test
	void failsStartupWithEveryProblemWhenAsked() {
		this.database.execute(UNHEALTHY_SCHEMA);
		this.contextRunner.withPropertyValues("crudkit.migration.schema-health.fail-on-problems=true")
			.run((context) -> assertThat(context).getFailure()
				.isInstanceOf(SchemaProblemsException.class)
				.hasMessageStartingWith("The database schema has 4 problem(s):\n")
				.hasMessageContaining(
						"  foreign key fk_child_parent_id on child(parent_id) has no index; add one: CREATE INDEX ix_child_parent_id ON child (parent_id);\n"));
	}

	@Test
	void startsQuietlyOnHealthySchema(CapturedOutput output) {
		this.database.execute("create table parent (id bigint primary key)");
		this.contextRunner.withPropertyValues("crudkit.migration.schema-health.fail-on-problems=true")
			.run((context) -> assertThat(context).hasNotFailed());
		assertThat(output).doesNotContain("Schema health");
	}

	@Test
	void checksTheSchemaLiquibaseHasJustMigrated() {
		SpringApplication application = new SpringApplication(LiquibaseApplication.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		assertThatExceptionOfType(SchemaProblemsException.class)
			.isThrownBy(() -> application.run("--spring.datasource.url=" + this.database.url(),
					"--spring.datasource.username=" + TestDatabase.USERNAME,
					"--spring.datasource.password=" + TestDatabase.PASSWORD,
					"--spring.liquibase.change-log=classpath:fixtures/health/db.changelog-master.yaml",
					"--crudkit.migration.schema-health.fail-on-problems=true"))
			.satisfies((ex) -> assertThat(ex.getProblems()).containsExactly(
					"foreign key fk_part_gadget_id on part(gadget_id) has no index; add one: CREATE INDEX ix_part_gadget_id ON part (gadget_id);"));
	}

	/**
	 * An application as a user's would be: every auto-configuration on the classpath,
	 * Liquibase's among them.
	 */
	@SpringBootConfiguration(proxyBeanMethods = false)
	@EnableAutoConfiguration
	static class LiquibaseApplication {

	}

}
