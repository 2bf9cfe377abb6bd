package io.github.crudkit.test.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import io.github.crudkit.datasource.JdbcUrls;

/**
 * Connection details of one database on a {@link PostgresServer}.
 *
 * @param name the database name
 * @param jdbcUrl the JDBC URL of the database
 * @param username the user to connect as
 * @param password the password, empty where the server trusts the user
 * @since 0.1.0
 */
public record TestDatabase(String name, String jdbcUrl, String username, String password) {

	/**
	 * Open a connection to the database.
	 * @return the connection
	 * @throws SQLException if it cannot be opened
	 */
	public Connection connect() throws SQLException {
		return connect(this.jdbcUrl, this.username, this.password);
	}

	static Connection connect(String url, String username, String password) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", username);
		if (!password.isEmpty()) {
			properties.setProperty("password", password);
		}
		return DriverManager.getConnection(url, properties);
	}

	@Override
	public String toString() {
		return "TestDatabase[name=" + this.name + ", jdbcUrl=" + JdbcUrls.redact(this.jdbcUrl) + ", username="
				+ this.username + "]";
	}

}
