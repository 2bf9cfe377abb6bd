package io.github.crudkit.sample.query;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.crudkit.probes.LazyTeamNames;
import io.github.crudkit.sample.support.Api;
import io.github.crudkit.sample.support.SampleIntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With the default {@code crudkit.statements.n-plus-one.mode=log}, an N+1 in a request is
 * logged once, with its final count.
 */
@SampleIntegrationTest
@TestPropertySource(properties = { "crudkit.statements.n-plus-one.mode=log",
		"spring.jpa.properties.hibernate.default_batch_fetch_size=1" })
@Import(NPlusOneLoggingIntegrationTests.Probe.class)
@ExtendWith(OutputCaptureExtension.class)
class NPlusOneLoggingIntegrationTests {

	@Autowired
	Api api;

	@Test
	void logModeLogsTheNPlusOneOncePerRequest(CapturedOutput output) throws InterruptedException {
		for (int i = 0; i < 12; i++) {
			long team = this.api.post("/api/teams", Map.of("name", Api.unique("Logged team"))).id();
			this.api.post("/api/heroes",
					Map.of("name", "Logged hero " + i, "secretName", Api.secret(), "teamId", team));
		}

		assertThat(this.api.get("/test/lazy-team-names").status()).isEqualTo(200);
		Thread.sleep(200);

		Matcher reports = Pattern.compile("N\\+1 in GET /test/lazy-team-names: the same statement ran (\\d+) times")
			.matcher(output.getOut());
		assertThat(reports.find()).as("an N+1 report in the log").isTrue();
		assertThat(Integer.parseInt(reports.group(1))).isEqualTo(12);
		assertThat(reports.find()).as("a second report of the same request").isFalse();
		assertThat(output.getOut()).contains("loading Team through Hero.team");
	}

	@TestConfiguration(proxyBeanMethods = false)
	@Import(LazyTeamNames.class)
	static class Probe {

	}

}
