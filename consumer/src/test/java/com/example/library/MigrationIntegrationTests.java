package com.example.library;

import javax.sql.DataSource;

import io.github.crudkit.test.liquibase.MigrationAssertions;
import io.github.crudkit.test.postgres.CrudkitTestDatabase;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The changelog follows crudkit's conventions, rolls back cleanly, matches the entities
 * and gives a healthy schema.
 */
@SpringBootTest
@CrudkitTestDatabase
class MigrationIntegrationTests {

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	DataSource dataSource;

	@Test
	void changelogFollowsConventions() {
		MigrationAssertions.assertChangelogFollowsConventions();
	}

	@Test
	void everyChangeSetRollsBack() {
		MigrationAssertions.assertRoundTrip();
	}

	@Test
	void entitiesMatchTheSchema() {
		MigrationAssertions.assertNoSchemaDrift(this.entityManagerFactory, this.dataSource);
	}

	@Test
	void schemaIsHealthy() {
		MigrationAssertions.assertSchemaHealthy(this.dataSource);
	}

}
