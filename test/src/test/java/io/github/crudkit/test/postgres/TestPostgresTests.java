package io.github.crudkit.test.postgres;

import java.util.Map;
import java.util.function.BooleanSupplier;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TestPostgresTests {

	private static final BooleanSupplier DOCKER_MUST_NOT_BE_ASKED = () -> {
		throw new AssertionError("Docker must not be consulted when a server is configured");
	};

	@Test
	void selectsExternalServerWhenUrlIsSetWithDefaultCredentials() {
		PostgresServer server = TestPostgres.select(
				Map.of(TestPostgres.URL_VARIABLE, "jdbc:postgresql://db:5432/postgres")::get, DOCKER_MUST_NOT_BE_ASKED);
		assertThat(server).isInstanceOf(ExternalPostgresServer.class);
		assertThat(server.kind()).isEqualTo(PostgresServer.Kind.EXTERNAL);
		assertThat(server.username()).isEqualTo("postgres");
		assertThat(server.password()).isEmpty();
		assertThat(server.jdbcUrl("heroes")).isEqualTo("jdbc:postgresql://db:5432/heroes");
	}

	@Test
	void selectsExternalServerWithConfiguredCredentials() {
		PostgresServer server = TestPostgres.select(
				Map.of(TestPostgres.URL_VARIABLE, " jdbc:postgresql://db:5432/postgres\n",
						TestPostgres.USERNAME_VARIABLE, "ci", TestPostgres.PASSWORD_VARIABLE, "s3cret")::get,
				DOCKER_MUST_NOT_BE_ASKED);
		assertThat(server.kind()).isEqualTo(PostgresServer.Kind.EXTERNAL);
		assertThat(server.username()).isEqualTo("ci");
		assertThat(server.password()).isEqualTo("s3cret");
		assertThat(server.jdbcUrl("heroes")).isEqualTo("jdbc:postgresql://db:5432/heroes");
	}

	@Test
	void asksForDockerWhenUrlIsMissingOrBlank() {
		BooleanSupplier docker = () -> {
			throw new DockerConsulted();
		};
		assertThatExceptionOfType(DockerConsulted.class)
			.isThrownBy(() -> TestPostgres.select(Map.<String, String>of()::get, docker));
		assertThatExceptionOfType(DockerConsulted.class)
			.isThrownBy(() -> TestPostgres.select(Map.of(TestPostgres.URL_VARIABLE, " ")::get, docker));
	}

	@Test
	void externalJdbcUrlReplacesDatabaseAndKeepsQuery() {
		ExternalPostgresServer server = new ExternalPostgresServer("jdbc:postgresql://h:5/postgres?ssl=false",
				"postgres", "");
		assertThat(server.jdbcUrl("x")).isEqualTo("jdbc:postgresql://h:5/x?ssl=false");
	}

	@Test
	void externalJdbcUrlReplacesDatabaseOfUrlWithSeveralHosts() {
		ExternalPostgresServer server = new ExternalPostgresServer(
				"jdbc:postgresql://h1:5,h2:6/postgres?targetServerType=primary&ssl=false", "postgres", "");
		assertThat(server.jdbcUrl("x")).isEqualTo("jdbc:postgresql://h1:5,h2:6/x?targetServerType=primary&ssl=false");
	}

	@Test
	void describesDatabaseAsSpringDataSourceProperties() {
		TestDatabase database = new TestDatabase("x", "jdbc:postgresql://h:5/x", "ci", "s3cret");
		assertThat(TestPostgres.describe(database)).containsOnly(
				Map.entry("spring.datasource.url", "jdbc:postgresql://h:5/x"),
				Map.entry("spring.datasource.username", "ci"), Map.entry("spring.datasource.password", "s3cret"));
	}

	@Test
	void testDatabaseToStringOmitsPassword() {
		TestDatabase database = new TestDatabase("x", "jdbc:postgresql://h:5/x", "ci", "s3cret");
		assertThat(database.toString()).contains("x", "jdbc:postgresql://h:5/x", "ci").doesNotContain("s3cret");
	}

	@Test
	void testDatabaseToStringOmitsPasswordGivenInUrl() {
		PostgresServer server = TestPostgres.select(
				Map.of(TestPostgres.URL_VARIABLE, "jdbc:postgresql://h:5/postgres?password=s3cret")::get,
				DOCKER_MUST_NOT_BE_ASKED);
		assertThat(server.toString()).doesNotContain("s3cret");
		assertThat(new TestDatabase("x", server.jdbcUrl("x"), "ci", "s3cret").toString()).doesNotContain("s3cret");
	}

	static class DockerConsulted extends RuntimeException {

		private static final long serialVersionUID = 1L;

	}

}
