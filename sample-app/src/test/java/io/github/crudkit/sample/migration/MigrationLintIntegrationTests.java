package io.github.crudkit.sample.migration;

import io.github.crudkit.sample.support.SampleIntegrationTest;
import io.github.crudkit.test.liquibase.MigrationAssertions;
import io.github.crudkit.test.liquibase.lint.MigrationLint;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * No changeset of the sample locks or breaks a live table in a way the migration lint
 * knows, except where the changeset waives the rule and says why (0004 and 0007, which
 * were applied before the lint existed).
 */
@SampleIntegrationTest
class MigrationLintIntegrationTests {

	@Autowired
	EntityManagerFactory entityManagerFactory;

	@Test
	void changelogIsLockSafe() {
		MigrationAssertions.assertMigrationsLockSafe(this.entityManagerFactory);
	}

	@Test
	void aMissingChangelogFailsInsteadOfPassing() {
		assertThatIllegalStateException()
			.isThrownBy(() -> MigrationLint.onClasspath().withChangelog("db/changelog/missing.yaml").check())
			.withMessageStartingWith("Cannot lint db/changelog/missing.yaml");
	}

}
