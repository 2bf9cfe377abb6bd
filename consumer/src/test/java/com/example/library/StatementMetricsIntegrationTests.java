package com.example.library;

import java.time.Duration;
import java.util.Map;

import io.github.crudkit.statements.StatementRecorder;
import io.github.crudkit.statements.StatementTracker;
import io.github.crudkit.test.postgres.CrudkitTestDatabase;
import io.github.crudkit.test.web.ApiClient;
import io.github.crudkit.test.web.ApiResponse;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * crudkit publishes the statements of every request to Micrometer, which Actuator's
 * metrics endpoint shows.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@CrudkitTestDatabase
class StatementMetricsIntegrationTests {

	@Autowired
	ApiClient api;

	@Autowired
	StatementTracker tracker;

	@Test
	void statementsPerRequestAreAMetric() {
		long author = this.api.post("/api/authors", Map.of("name", "Octavia E. Butler")).id();
		try (StatementRecorder recorder = StatementRecorder.start(this.tracker)) {
			assertThat(this.api.get("/api/authors/" + author)).hasStatus(200);
			recorder.await(1, Duration.ofSeconds(5));
		}
		assertThat(this.api.get("/actuator/metrics")).hasStatus(200);
		ApiResponse metric = this.api.get("/actuator/metrics/crudkit.sql.statements?tag=unit:request");
		assertThat(metric).hasStatus(200);
		assertThat(metric.json().get("name").asString()).isEqualTo("crudkit.sql.statements");
		assertThat(metric.json().get("baseUnit").asString()).isEqualTo("statements");
		assertThat(metric.json().findValues("statistic")).extracting((statistic) -> statistic.asString())
			.contains("COUNT");
	}

}
