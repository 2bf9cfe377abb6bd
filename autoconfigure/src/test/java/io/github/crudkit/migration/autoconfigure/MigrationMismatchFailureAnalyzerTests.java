package io.github.crudkit.migration.autoconfigure;

import java.util.List;

import io.github.crudkit.migration.MigrationMismatchException;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class MigrationMismatchFailureAnalyzerTests {

	private final MigrationMismatchFailureAnalyzer analyzer = new MigrationMismatchFailureAnalyzer();

	@Test
	void reportNamesEveryChangeSetAheadAndBehind() {
		MigrationMismatchException mismatch = new MigrationMismatchException("classpath:db/changelog/master.yaml",
				List.of("db/changelog/changes/0009-add-x.yaml::0009-add-x::crudkit"),
				List.of("db/changelog/changes/0007-not-null.yaml::0007::crudkit"));

		FailureAnalysis analysis = this.analyzer.analyze(
				new BeanCreationException("crudkitMigrationVerifier", "Invocation of init method failed", mismatch));

		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription())
			.startsWith("The database schema does not match the changelog classpath:db/changelog/master.yaml.")
			.contains("The database is ahead of this code: 1 changeset(s) applied to it are not in the changelog:")
			.contains("    - db/changelog/changes/0009-add-x.yaml::0009-add-x::crudkit")
			.contains("The database is behind this code: 1 changeset(s) of the changelog are not applied to it:")
			.contains("    - db/changelog/changes/0007-not-null.yaml::0007::crudkit");
		assertThat(analysis.getAction()).contains("newer version")
			.contains("spring.liquibase.enabled")
			.contains("Nothing was changed in the database")
			.contains("crudkit.migration.verify-on-startup=false");
	}

	@Test
	void reportOfADatabaseThatIsOnlyAheadDoesNotSuggestMigrating() {
		FailureAnalysis analysis = this.analyzer
			.analyze(new MigrationMismatchException("classpath:master.yaml", List.of("x.yaml::1::me"), List.of()));

		assertThat(analysis).isNotNull();
		assertThat(analysis.getDescription()).contains("ahead").doesNotContain("behind");
		assertThat(analysis.getAction()).doesNotContain("spring.liquibase.enabled");
	}

}
