package io.github.crudkit.migration.autoconfigure;

import liquibase.util.LiquibaseUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The start-up warning about Liquibase 5's licence.
 */
@ExtendWith(OutputCaptureExtension.class)
class LiquibaseLicenceCheckTests {

	@Test
	void liquibase5IsOneWarningNamingTheLicenceAndTheFix(CapturedOutput output) {
		new LiquibaseLicenceCheck(() -> "5.0.1").afterPropertiesSet();
		String warnings = output.getAll()
			.lines()
			.filter((line) -> line.contains("WARN") && line.contains("Liquibase"))
			.reduce("", (all, line) -> all + line + "\n");
		assertThat(warnings.lines()).singleElement()
			.asString()
			.contains("Liquibase 5.0.1 is on the class path")
			.contains("Functional Source License (FSL)")
			.contains("<liquibase.version>4.33.0</liquibase.version>")
			.contains("crudkit.migration.liquibase-licence-check=false");
	}

	@Test
	void laterMajorVersionsAreWarnedAboutToo() {
		assertThat(new LiquibaseLicenceCheck(() -> "5.0.0").warning()).startsWith("Liquibase 5.0.0 ");
		assertThat(new LiquibaseLicenceCheck(() -> "6.1.2").warning()).startsWith("Liquibase 6.1.2 ");
		assertThat(new LiquibaseLicenceCheck(() -> "10.0").warning()).startsWith("Liquibase 10.0 ");
	}

	@Test
	void liquibase4IsFine(CapturedOutput output) {
		LiquibaseLicenceCheck check = new LiquibaseLicenceCheck(() -> "4.33.0");
		check.afterPropertiesSet();
		assertThat(check.warning()).isNull();
		assertThat(new LiquibaseLicenceCheck(() -> "4.9.1").warning()).isNull();
		assertThat(output.getAll()).doesNotContain("Functional Source License");
	}

	@Test
	void unknownVersionsAreNotWarnedAbout() {
		assertThat(new LiquibaseLicenceCheck(() -> null).warning()).isNull();
		assertThat(new LiquibaseLicenceCheck(() -> "DEV").warning()).isNull();
		assertThat(new LiquibaseLicenceCheck(() -> "").warning()).isNull();
	}

	@Test
	void theLiquibaseCrudkitIsBuiltWithIsFine() {
		assertThat(LiquibaseUtil.getBuildVersion()).isEqualTo("4.33.0");
		assertThat(new LiquibaseLicenceCheck().warning()).isNull();
	}

}
