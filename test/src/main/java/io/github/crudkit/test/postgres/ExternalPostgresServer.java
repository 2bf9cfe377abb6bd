package io.github.crudkit.test.postgres;

/**
 * A PostgreSQL server that runs already, named by a JDBC URL of one of its databases.
 *
 * @since 0.1.0
 */
public final class ExternalPostgresServer extends PostgresServer {

	private final String url;

	private final String username;

	private final String password;

	/**
	 * Use the server that the given URL points at.
	 * @param url a JDBC URL of an existing database on the server, for example
	 * {@code jdbc:postgresql://127.0.0.1:5432/postgres}
	 * @param username a user that may create databases
	 * @param password the password, empty where the server trusts the user
	 */
	public ExternalPostgresServer(String url, String username, String password) {
		this.url = url;
		this.username = username;
		this.password = password;
	}

	@Override
	public Kind kind() {
		return Kind.EXTERNAL;
	}

	@Override
	protected String maintenanceUrl() {
		return this.url;
	}

	@Override
	public String username() {
		return this.username;
	}

	@Override
	public String password() {
		return this.password;
	}

}
