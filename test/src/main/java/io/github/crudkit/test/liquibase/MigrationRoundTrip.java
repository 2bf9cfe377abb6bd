package io.github.crudkit.test.liquibase;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.exception.LiquibaseException;
import liquibase.resource.ClassLoaderResourceAccessor;
import liquibase.resource.ResourceAccessor;

/**
 * Alembic's "test up and down" for a Liquibase changelog: on a fresh, empty database,
 * update to the head, take a {@linkplain SchemaSnapshot snapshot}, roll back every change
 * set, check that the schema is again what the fresh database held (apart from
 * Liquibase's own tables), update again and check that the schema is identical to the
 * first snapshot. <pre class="code">
 * List&lt;String&gt; problems = MigrationRoundTrip.of(freshDataSource).run();
 * </pre>
 *
 * @since 0.1.0
 */
public final class MigrationRoundTrip {

	private static final String FRESH = "the fresh database";

	private static final String ROLLED_BACK = "the database after rolling back every change set";

	private static final String FIRST_UPDATE = "the first update";

	private static final String SECOND_UPDATE = "the update after the rollback";

	private final DataSource dataSource;

	private final String changelog;

	private final ClassLoader classLoader;

	private MigrationRoundTrip(DataSource dataSource, String changelog, ClassLoader classLoader) {
		this.dataSource = dataSource;
		this.changelog = changelog;
		this.classLoader = classLoader;
	}

	/**
	 * Prepare a round trip of the {@linkplain ChangelogConventions#DEFAULT_MASTER default
	 * changelog} on the database behind the data source, which must be fresh: Liquibase
	 * has never run on it.
	 * @param dataSource the fresh database
	 * @return the round trip
	 */
	public static MigrationRoundTrip of(DataSource dataSource) {
		ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
		return new MigrationRoundTrip(dataSource, ChangelogConventions.DEFAULT_MASTER,
				(classLoader != null) ? classLoader : MigrationRoundTrip.class.getClassLoader());
	}

	/**
	 * Return a round trip of another changelog.
	 * @param changelog classpath location of the master changelog
	 * @return a new round trip
	 */
	public MigrationRoundTrip withChangelog(String changelog) {
		return new MigrationRoundTrip(this.dataSource, changelog.replaceFirst("^classpath:/*", ""), this.classLoader);
	}

	/**
	 * Return a round trip that reads the changelog through another class loader.
	 * @param classLoader the class loader
	 * @return a new round trip
	 */
	public MigrationRoundTrip withClassLoader(ClassLoader classLoader) {
		return new MigrationRoundTrip(this.dataSource, this.changelog, classLoader);
	}

	/**
	 * Update, roll back everything, update again, and compare the schemas.
	 * @return one line per problem; empty if the changelog goes up, down and up again
	 * cleanly
	 */
	public List<String> run() {
		List<String> problems = new ArrayList<>();
		ClassLoaderResourceAccessor accessor = new ClassLoaderResourceAccessor(this.classLoader);
		try (Connection connection = this.dataSource.getConnection()) {
			if (tableExists(connection, "databasechangelog")) {
				throw new IllegalStateException(
						"The round trip needs a fresh database, but Liquibase has already run on this one");
			}
			SchemaSnapshot fresh = SchemaSnapshot.of(connection);
			update(connection, accessor);
			SchemaSnapshot head = SchemaSnapshot.of(connection);
			int changeSets = ranChangeSets(connection);
			try {
				rollback(connection, accessor, changeSets);
			}
			catch (LiquibaseException ex) {
				problems.add("rolling back every change set failed: " + Liquibases.rootMessage(ex));
				return problems;
			}
			SchemaSnapshot rolledBack = SchemaSnapshot.of(connection);
			fresh.differencesTo(rolledBack)
				.forEach((difference) -> problems.add(difference.describe(FRESH, ROLLED_BACK)));
			int left = ranChangeSets(connection);
			if (left != 0) {
				problems.add(left + " change set(s) still recorded as run after rolling back " + changeSets);
			}
			try {
				update(connection, accessor);
			}
			catch (LiquibaseException ex) {
				problems.add("updating again after the rollback failed: " + Liquibases.rootMessage(ex));
				return problems;
			}
			head.differencesTo(SchemaSnapshot.of(connection))
				.forEach((difference) -> problems.add(difference.describe(FIRST_UPDATE, SECOND_UPDATE)));
		}
		catch (SQLException | LiquibaseException ex) {
			throw new IllegalStateException(
					"The round trip of " + this.changelog + " failed: " + Liquibases.rootMessage(ex), ex);
		}
		finally {
			Liquibases.close(accessor);
		}
		return problems;
	}

	private void update(Connection connection, ResourceAccessor accessor) throws LiquibaseException {
		liquibase(connection, accessor).update(new Contexts(), new LabelExpression());
	}

	private void rollback(Connection connection, ResourceAccessor accessor, int changeSets) throws LiquibaseException {
		if (changeSets > 0) {
			liquibase(connection, accessor).rollback(changeSets, new Contexts(), new LabelExpression());
		}
	}

	private Liquibase liquibase(Connection connection, ResourceAccessor accessor) throws LiquibaseException {
		Database database = DatabaseFactory.getInstance()
			.findCorrectDatabaseImplementation(new JdbcConnection(connection));
		return new Liquibase(this.changelog, accessor, database);
	}

	private static int ranChangeSets(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select count(*) from databasechangelog")) {
			result.next();
			return result.getInt(1);
		}
	}

	private static boolean tableExists(Connection connection, String table) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select to_regclass('" + table + "') is not null")) {
			result.next();
			return result.getBoolean(1);
		}
	}

}
