package io.github.crudkit.sample.migration;

import javax.sql.DataSource;

import io.github.crudkit.sample.support.SampleIntegrationTest;
import io.github.crudkit.test.liquibase.MigrationAssertions;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The entities {@code Hero} and {@code Team} and the schema Liquibase migrated agree in
 * both directions: tables, columns, unique constraints and indexes (what Hibernate's
 * {@code validate} alone does not check).
 */
@SampleIntegrationTest
class SchemaDriftIntegrationTests {

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Autowired
	DataSource dataSource;

	@Test
	void mappingsMatchTheMigratedSchema() {
		MigrationAssertions.assertNoSchemaDrift(this.entityManagerFactory, this.dataSource);
	}

}
