package io.github.crudkit.test.postgres;

import org.testcontainers.postgresql.PostgreSQLContainer;
import org.testcontainers.utility.DockerImageName;

/**
 * A PostgreSQL server in a Testcontainers container, removed when closed.
 *
 * @since 0.1.0
 */
public final class ContainerPostgresServer extends PostgresServer {

	/**
	 * The image started by {@link #start()}.
	 */
	public static final String IMAGE = "postgres:17";

	private final PostgreSQLContainer container;

	private ContainerPostgresServer(PostgreSQLContainer container) {
		this.container = container;
	}

	/**
	 * Start a container of {@value #IMAGE}.
	 * @return the running server
	 */
	public static ContainerPostgresServer start() {
		PostgreSQLContainer container = new PostgreSQLContainer(DockerImageName.parse(IMAGE));
		container.start();
		return new ContainerPostgresServer(container);
	}

	@Override
	public Kind kind() {
		return Kind.CONTAINER;
	}

	@Override
	protected String maintenanceUrl() {
		return this.container.getJdbcUrl();
	}

	@Override
	public String username() {
		return this.container.getUsername();
	}

	@Override
	public String password() {
		return this.container.getPassword();
	}

	@Override
	protected void stop() {
		this.container.stop();
	}

}
