package com.example.library;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.jar.JarFile;

import io.github.crudkit.test.postgres.CrudkitTestDatabase;
import liquibase.integration.spring.SpringLiquibase;
import liquibase.util.LiquibaseUtil;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The pom's {@code <liquibase.version>4.33.0</liquibase.version>} wins over the Liquibase
 * 5.x that Spring Boot 4.0 manages, so crudkit does not warn about Liquibase 5's licence
 * at start-up. The property below gives this class an application context of its own,
 * started while the output is captured.
 */
@SpringBootTest(properties = "spring.application.name=library-liquibase-version")
@CrudkitTestDatabase
@ExtendWith(OutputCaptureExtension.class)
class LiquibaseVersionIntegrationTests {

	@Test
	void theLiquibaseOnTheClassPathIs4330() throws IOException, URISyntaxException {
		assertThat(LiquibaseUtil.getBuildVersion()).isEqualTo("4.33.0");
		Path jar = Path.of(SpringLiquibase.class.getProtectionDomain().getCodeSource().getLocation().toURI());
		assertThat(jar.getFileName()).hasToString("liquibase-core-4.33.0.jar");
		try (JarFile liquibase = new JarFile(jar.toFile())) {
			assertThat(liquibase.getManifest().getMainAttributes().getValue("Liquibase-Version")).isEqualTo("4.33.0");
			assertThat(liquibase.getManifest().getMainAttributes().getValue("Bundle-License"))
				.isEqualTo("http://www.apache.org/licenses/LICENSE-2.0");
		}
	}

	@Test
	void startUpDoesNotWarnAboutLiquibasesLicence(CapturedOutput output) {
		// The capture holds the application's start-up: Liquibase ran and crudkit
		// verified it.
		assertThat(output.getAll()).contains("library-liquibase-version").contains("Started");
		assertThat(output.getAll()).doesNotContain("Functional Source License")
			.doesNotContain("crudkit.migration.liquibase-licence-check");
	}

}
