package io.github.crudkit.sample.query;

import java.util.Map;

import io.github.crudkit.probes.LazyTeamNames;
import io.github.crudkit.sample.support.Api;
import io.github.crudkit.sample.support.SampleIntegrationTest;
import io.github.crudkit.statements.NPlusOneException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * With {@code crudkit.statements.n-plus-one.mode=fail}, a lazy relation read in a loop
 * fails with a report that names the association, the code and the fix. Batch fetching is
 * switched off here so that the N+1 happens at all (crudkit's default batch size of 16
 * would load the teams 16 at a time).
 */
@SampleIntegrationTest
@TestPropertySource(properties = { "crudkit.statements.n-plus-one.mode=fail",
		"spring.jpa.properties.hibernate.default_batch_fetch_size=1" })
@Import(NPlusOneGuardIntegrationTests.Probe.class)
class NPlusOneGuardIntegrationTests {

	@Autowired
	Api api;

	@Autowired
	LazyTeamNames lazyTeamNames;

	@BeforeEach
	void seed() {
		for (int i = 0; i < 10; i++) {
			long team = this.api.post("/api/teams", Map.of("name", Api.unique("Lazy team"))).id();
			this.api.post("/api/heroes", Map.of("name", "Lazy hero " + i, "secretName", Api.secret(), "teamId", team));
		}
	}

	@Test
	void failModeThrowsNamingTheAssociationTheCodeAndTheFix() {
		assertThatExceptionOfType(NPlusOneException.class).isThrownBy(this.lazyTeamNames::teamNames).satisfies((ex) -> {
			assertThat(ex.getDetection().entity()).isEqualTo("Team");
			assertThat(ex.getDetection().associations()).containsExactly("Hero.team");
			assertThat(ex.getDetection().count()).isEqualTo(5);
			assertThat(ex.getDetection().unitOfWork()).startsWith("transaction");
		})
			.withMessageContaining("loading Team through Hero.team")
			.withMessageContaining("LazyTeamNames")
			.withMessageContaining("@EntityGraph(attributePaths = \"team\")");
	}

	@Test
	void theSampleEndpointsPassInFailMode() {
		assertThat(this.api.get("/api/heroes?size=100").status()).isEqualTo(200);
		assertThat(this.api.get("/api/teams?size=100").status()).isEqualTo(200);
	}

	@TestConfiguration(proxyBeanMethods = false)
	@Import(LazyTeamNames.class)
	static class Probe {

	}

}
