package io.github.crudkit.sample.migration;

import io.github.crudkit.test.liquibase.MigrationAssertions;
import org.junit.jupiter.api.Test;

/**
 * Alembic's "test up and down" for the sample: on a fresh database, every change set goes
 * up, all of them come down leaving nothing behind, and going up again rebuilds the
 * identical schema.
 */
class RoundTripIntegrationTests {

	@Test
	void changelogGoesUpDownAndUpAgain() {
		MigrationAssertions.assertRoundTrip();
	}

}
