package io.github.crudkit.sample.migration;

import javax.sql.DataSource;

import io.github.crudkit.sample.support.SampleIntegrationTest;
import io.github.crudkit.test.liquibase.MigrationAssertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * The migrated schema is healthy: every foreign key has an index, no index is duplicated,
 * overlapping or invalid, every table has a primary key.
 */
@SampleIntegrationTest
class ForeignKeyIndexIntegrationTests {

	@Autowired
	DataSource dataSource;

	@Test
	void schemaIsHealthy() {
		MigrationAssertions.assertSchemaHealthy(this.dataSource);
	}

}
