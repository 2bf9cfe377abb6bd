package io.github.crudkit.test.web;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A test configuration that declares an {@link ApiClient} of its own replaces the one
 * crudkit-test contributes.
 */
@SpringBootTest(classes = ApiClientIntegrationTests.BookApplication.class, webEnvironment = WebEnvironment.RANDOM_PORT)
@Import(ApiClientOfTheApplicationIntegrationTests.OwnClient.class)
class ApiClientOfTheApplicationIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Autowired
	ApiClient api;

	@LocalServerPort
	int port;

	@Test
	void theApplicationsClientReplacesCrudkits() {
		assertThat(this.context.getBeansOfType(ApiClient.class)).containsOnlyKeys("ownApiClient");
		assertThat(this.api.get("/books/1").json().get("reader").asString()).isEqualTo("own");
		assertThat(this.api).hasToString("ApiClient of http://localhost:" + this.port);
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class OwnClient {

		@Bean
		@Lazy
		ApiClient ownApiClient(Environment environment) {
			return ApiClient.forPort(environment.getRequiredProperty("local.server.port", Integer.class))
				.withHeader("X-Reader", "own");
		}

	}

}
