package io.github.crudkit.test.liquibase;

import java.nio.file.Files;
import java.nio.file.Path;

import io.github.crudkit.test.liquibase.draftapp.DraftFixtureApplication;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link DraftChangelog}: {@link DraftFixtureApplication}'s entity
 * {@code Gadget} maps a column its changelog never adds.
 */
class DraftChangelogIntegrationTests {

	@Test
	void writesWhatTheChangelogLacksAsDraftYaml(@TempDir Path directory) throws Exception {
		Path output = directory.resolve("crudkit/draft-changelog.yaml");
		String draft = DraftChangelog.write(DraftFixtureApplication.class, output,
				"--spring.liquibase.change-log=classpath:fixtures/draft/db.changelog-master.yaml");
		assertThat(output).exists();
		assertThat(Files.readString(output)).isEqualTo(draft);
		assertThat(draft).startsWith("databaseChangeLog:\n")
			.contains("author: crudkit-draft")
			.contains("- addColumn:")
			.contains("name: color")
			.contains("tableName: gadget")
			.doesNotContain("databasechangelog")
			.doesNotContain("dropColumn")
			.doesNotContain("dropTable");
	}

	@Test
	void writesNothingWhenTheChangelogMatchesTheEntities(@TempDir Path directory) throws Exception {
		Path output = directory.resolve("draft-changelog.yaml");
		Files.writeString(output, "stale");
		String draft = DraftChangelog.write(DraftFixtureApplication.class, output,
				"--spring.liquibase.change-log=classpath:fixtures/draft-matching/db.changelog-master.yaml");
		assertThat(draft).isEmpty();
		assertThat(output).doesNotExist();
	}

}
