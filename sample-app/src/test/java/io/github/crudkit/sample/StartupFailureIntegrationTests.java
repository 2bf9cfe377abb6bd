package io.github.crudkit.sample;

import io.github.crudkit.datasource.DatabaseUnavailableException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(OutputCaptureExtension.class)
class StartupFailureIntegrationTests {

	@Test
	void unreachableDatabaseFailsStartupWithOneMessageNamingTheUrlButNotThePassword(CapturedOutput output) {
		assertThatThrownBy(() -> SpringApplication.run(SampleApplication.class, "--server.port=0",
				"--spring.datasource.url=jdbc:postgresql://127.0.0.1:1/crudkit?password=hunter2",
				"--spring.datasource.password=hunter2"))
			.hasRootCauseInstanceOf(java.net.ConnectException.class)
			.satisfies((ex) -> assertThat(findCause(ex)).isNotNull());

		assertThat(output.getOut()).contains("APPLICATION FAILED TO START")
			.contains("Cannot connect to the database at jdbc:postgresql://127.0.0.1:1/crudkit")
			.doesNotContain("hunter2")
			.doesNotContain("HikariPool-1 - Exception during pool initialization");
	}

	private static DatabaseUnavailableException findCause(Throwable ex) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof DatabaseUnavailableException unavailable) {
				return unavailable;
			}
		}
		return null;
	}

}
