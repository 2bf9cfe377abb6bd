package io.github.crudkit.test.postgres;

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

	@Override
	public String toString() {
		return "TestDatabase[name=" + this.name + ", jdbcUrl=" + JdbcUrls.redact(this.jdbcUrl) + ", username=" + this.username + "]";
	}

}
