package io.github.crudkit.sample.support;

import java.sql.Connection;
import java.sql.SQLException;

import io.github.crudkit.test.postgres.PostgresServer;
import io.github.crudkit.test.postgres.TestDatabase;
import io.github.crudkit.test.postgres.TestPostgres;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * A fresh database with the sample's changelog open on it, for tests that migrate it a
 * changeset at a time; closing it drops the database.
 */
public final class ChangelogDatabase implements AutoCloseable {

	private static final String CHANGELOG = "db/changelog/db.changelog-master.yaml";

	private final PostgresServer server;

	private final TestDatabase database;

	private final Liquibase liquibase;

	private final JdbcClient jdbc;

	private ChangelogDatabase(PostgresServer server, TestDatabase database, Liquibase liquibase) {
		this.server = server;
		this.database = database;
		this.liquibase = liquibase;
		// Its own connections, each committing at once: Liquibase rolls back what is
		// pending on its connection.
		this.jdbc = JdbcClient.create(dataSource());
	}

	/**
	 * Create a database and open the changelog on it; nothing is migrated yet.
	 * @return the database
	 * @throws SQLException if the database cannot be reached
	 * @throws LiquibaseException if the changelog cannot be opened
	 */
	public static ChangelogDatabase create() throws SQLException, LiquibaseException {
		PostgresServer server = TestPostgres.server();
		TestDatabase database = server.createDatabase();
		Connection connection = database.connect();
		Database target = DatabaseFactory.getInstance()
			.findCorrectDatabaseImplementation(new JdbcConnection(connection));
		return new ChangelogDatabase(server, database,
				new Liquibase(CHANGELOG, new ClassLoaderResourceAccessor(), target));
	}

	/**
	 * Return Liquibase, on a connection of its own.
	 * @return Liquibase
	 */
	public Liquibase liquibase() {
		return this.liquibase;
	}

	/**
	 * Return a client whose every statement runs on a new connection in auto-commit.
	 * @return the client
	 */
	public JdbcClient jdbc() {
		return this.jdbc;
	}

	/**
	 * Return a data source of new connections to the database, for tests that write from
	 * several threads.
	 * @return the data source
	 */
	public SimpleDriverDataSource dataSource() {
		return new SimpleDriverDataSource(new org.postgresql.Driver(), this.database.jdbcUrl(),
				this.database.username(), this.database.password());
	}

	/**
	 * Open a connection to the database.
	 * @return the connection
	 * @throws SQLException if it cannot be opened
	 */
	public Connection connect() throws SQLException {
		return this.database.connect();
	}

	@Override
	public void close() throws Exception {
		this.liquibase.close();
		this.server.dropDatabase(this.database);
	}

}
