package io.github.crudkit.sample.migration;

import io.github.crudkit.test.liquibase.ChangelogConventions;
import io.github.crudkit.test.liquibase.MigrationAssertions;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's changelog and configuration follow crudkit's conventions (file names, ids,
 * rollbacks, constraint names, master with includes only, {@code ddl-auto=validate}).
 */
class ChangelogConventionsIntegrationTests {

	@Test
	void changelogFollowsConventions() {
		MigrationAssertions.assertChangelogFollowsConventions();
	}

	@Test
	void everyChangeFileIsChecked() {
		// Guards the check itself: a wrong master path or an empty parse would pass
		// silently.
		assertThat(ChangelogConventions.onClasspath().withMaster("db/changelog/missing.yaml").check()).singleElement()
			.asString()
			.isEqualTo("db/changelog/missing.yaml: parse: master changelog not found");
	}

}
