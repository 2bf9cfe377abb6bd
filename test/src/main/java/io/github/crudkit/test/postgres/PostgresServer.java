package io.github.crudkit.test.postgres;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.github.crudkit.datasource.JdbcUrls;

/**
 * A running PostgreSQL server on which tests create their own databases.
 * <p>
 * Every database made by {@link #createDatabase()} is dropped when the server is
 * {@linkplain #close() closed}; {@link #database(String)} makes a database that is kept,
 * for development runs.
 *
 * @since 0.1.0
 */
public abstract class PostgresServer implements AutoCloseable {

	private static final Pattern JDBC_URL = Pattern.compile("^(jdbc:postgresql://[^/?]*/)([^?]*)(\\?.*)?$");

	private static final Pattern SAFE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss", Locale.ROOT);

	private final List<String> created = new ArrayList<>();

	/**
	 * Return how this server was provided.
	 * @return the kind of server
	 */
	public abstract Kind kind();

	/**
	 * Return the JDBC URL of the server's maintenance database, on which databases are
	 * created and dropped.
	 * @return the maintenance database URL
	 */
	protected abstract String maintenanceUrl();

	/**
	 * Return the user to connect as; it may create databases.
	 * @return the user name
	 */
	public abstract String username();

	/**
	 * Return the password, empty where the server trusts the user.
	 * @return the password
	 */
	public abstract String password();

	/**
	 * Return the JDBC URL of the given database on this server.
	 * @param database the database name
	 * @return the JDBC URL
	 */
	public String jdbcUrl(String database) {
		Matcher matcher = JDBC_URL.matcher(maintenanceUrl());
		if (!matcher.matches()) {
			throw new IllegalStateException("Not a PostgreSQL JDBC URL: " + JdbcUrls.redact(maintenanceUrl()));
		}
		String query = (matcher.group(3) != null) ? matcher.group(3) : "";
		return matcher.group(1) + database + query;
	}

	/**
	 * Create a new, empty database with a unique name; it is dropped when this server is
	 * closed.
	 * @return the new database
	 */
	public synchronized TestDatabase createDatabase() {
		String name = "crudkit_test_" + LocalDateTime.now().format(STAMP) + "_"
				+ Integer.toString(ThreadLocalRandom.current().nextInt(1 << 30), 36);
		execute("CREATE DATABASE " + name);
		this.created.add(name);
		return describe(name);
	}

	/**
	 * Return the database with the given name, creating it if it does not exist; it is
	 * kept when this server is closed.
	 * @param name the database name: lower-case letters, digits and underscores
	 * @return the database
	 */
	public synchronized TestDatabase database(String name) {
		if (!SAFE_NAME.matcher(name).matches()) {
			throw new IllegalArgumentException("Database name must match " + SAFE_NAME + ": " + name);
		}
		try (Connection connection = connect(maintenanceUrl());
				var statement = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
			statement.setString(1, name);
			try (var result = statement.executeQuery()) {
				if (!result.next()) {
					try (Statement create = connection.createStatement()) {
						create.execute("CREATE DATABASE " + name);
					}
				}
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not create database " + name + " on " + this, ex);
		}
		return describe(name);
	}

	/**
	 * Drop a database made by {@link #createDatabase()}, closing any connection still
	 * open to it.
	 * @param database the database
	 */
	public synchronized void dropDatabase(TestDatabase database) {
		if (this.created.remove(database.name())) {
			execute("DROP DATABASE IF EXISTS " + database.name() + " WITH (FORCE)");
		}
	}

	/**
	 * Drop every database made by {@link #createDatabase()}, then stop the server if this
	 * class started it.
	 */
	@Override
	public synchronized void close() {
		for (String name : List.copyOf(this.created)) {
			try {
				execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			}
			catch (IllegalStateException ex) {
				System.err.println("crudkit-test: could not drop database " + name + ": " + ex.getMessage());
			}
		}
		this.created.clear();
		stop();
	}

	/**
	 * Stop the server if this class started it.
	 */
	protected void stop() {
	}

	private TestDatabase describe(String name) {
		return new TestDatabase(name, jdbcUrl(name), username(), password());
	}

	private void execute(String sql) {
		try (Connection connection = connect(maintenanceUrl()); Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Could not run '" + sql + "' on " + this + ": " + ex.getMessage(), ex);
		}
	}

	private Connection connect(String url) throws SQLException {
		return TestDatabase.connect(url, username(), password());
	}

	@Override
	public String toString() {
		return kind().name().toLowerCase(Locale.ROOT) + " PostgreSQL at " + JdbcUrls.redact(maintenanceUrl());
	}

	/**
	 * How a server was provided.
	 */
	public enum Kind {

		/**
		 * A server named by the environment.
		 */
		EXTERNAL,

		/**
		 * A Testcontainers container.
		 */
		CONTAINER,

		/**
		 * An embedded server started from binaries on the classpath.
		 */
		EMBEDDED,

		/**
		 * Servers started from the machine's PostgreSQL binaries.
		 */
		BINARIES

	}

}
