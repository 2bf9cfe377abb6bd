package io.github.crudkit.migration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Scope;
import liquibase.changelog.ChangeLogParameters;
import liquibase.changelog.ChangeSet;
import liquibase.changelog.DatabaseChangeLog;
import liquibase.changelog.RanChangeSet;
import liquibase.changelog.filter.ChangeSetFilter;
import liquibase.changelog.filter.ContextChangeSetFilter;
import liquibase.changelog.filter.DbmsChangeSetFilter;
import liquibase.changelog.filter.LabelChangeSetFilter;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.integration.spring.SpringResourceAccessor;
import liquibase.parser.ChangeLogParserFactory;
import liquibase.precondition.core.PreconditionContainer;
import liquibase.resource.ResourceAccessor;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.io.ResourceLoader;

/**
 * Compares the Liquibase changelog with the changesets recorded as applied in the
 * database ({@code DATABASECHANGELOG}) and fails start-up with a
 * {@link MigrationMismatchException} naming every changeset that differs. Liquibase
 * itself ignores rows it does not know, so a database migrated by a newer version of the
 * application (ahead) would otherwise go unnoticed; and with migrations switched off a
 * database that is behind would only show up as errors at run time. Reads only: it never
 * changes the database.
 * <p>
 * Changesets that the configured contexts, labels or database type exclude, changesets
 * marked {@code ignore}, and changesets whose preconditions say {@code onFail: CONTINUE}
 * are not expected to be applied.
 *
 * @since 0.1.0
 */
public final class MigrationVerifier implements InitializingBean {

	private static final Log logger = LogFactory.getLog(MigrationVerifier.class);

	private final DataSource dataSource;

	private final ResourceLoader resourceLoader;

	private final Changelog changelog;

	/**
	 * Create a verifier.
	 * @param dataSource the database to verify
	 * @param resourceLoader loads the changelog and the files it includes
	 * @param changelog where the changelog and the table of applied changesets are
	 */
	public MigrationVerifier(DataSource dataSource, ResourceLoader resourceLoader, Changelog changelog) {
		this.dataSource = dataSource;
		this.resourceLoader = resourceLoader;
		this.changelog = changelog;
	}

	@Override
	public void afterPropertiesSet() {
		verify();
	}

	/**
	 * Compare the changelog with the database.
	 * @throws MigrationMismatchException if the database is ahead of the changelog or
	 * behind it
	 */
	public void verify() {
		if (!this.resourceLoader.getResource(this.changelog.location()).exists()) {
			logger.debug("No changelog at " + this.changelog.location() + "; nothing to verify");
			return;
		}
		ResourceAccessor accessor = new SpringResourceAccessor(this.resourceLoader);
		try (Connection connection = this.dataSource.getConnection()) {
			List<String> ahead = new ArrayList<>();
			List<String> behind = new ArrayList<>();
			Scope.child(Map.of(Scope.Attr.resourceAccessor.name(), accessor), () -> {
				Database database = DatabaseFactory.getInstance()
					.findCorrectDatabaseImplementation(new JdbcConnection(connection));
				DatabaseChangeLog changeLog = ChangeLogParserFactory.getInstance()
					.getParser(this.changelog.location(), accessor)
					.parse(this.changelog.location(), new ChangeLogParameters(database), accessor);
				List<ChangeSet> changeSets = changeLog.getChangeSets();
				List<RanChangeSet> applied = applied(connection);
				List<ChangeSetFilter> filters = List.of(
						new ContextChangeSetFilter(new Contexts(this.changelog.contexts())),
						new LabelChangeSetFilter(new LabelExpression(this.changelog.labels())),
						new DbmsChangeSetFilter(database));
				for (RanChangeSet ran : applied) {
					if (changeSets.stream().noneMatch(ran::isSameAs)) {
						ahead.add(ran.getChangeLog() + "::" + ran.getId() + "::" + ran.getAuthor());
					}
				}
				for (ChangeSet changeSet : changeSets) {
					if (expected(changeSet, filters) && applied.stream().noneMatch((ran) -> ran.isSameAs(changeSet))) {
						behind.add(changeSet.getFilePath() + "::" + changeSet.getId() + "::" + changeSet.getAuthor());
					}
				}
			});
			if (!ahead.isEmpty() || !behind.isEmpty()) {
				throw new MigrationMismatchException(this.changelog.location(), ahead, behind);
			}
			logger.debug("Database matches the changelog " + this.changelog.location());
		}
		catch (MigrationMismatchException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new IllegalStateException(
					"Could not compare the changelog " + this.changelog.location() + " with the database", ex);
		}
	}

	private static boolean expected(ChangeSet changeSet, List<ChangeSetFilter> filters) {
		if (changeSet.isIgnore()) {
			return false;
		}
		PreconditionContainer preconditions = changeSet.getPreconditions();
		if (preconditions != null && preconditions.getOnFail() == PreconditionContainer.FailOption.CONTINUE) {
			return false;
		}
		return filters.stream().allMatch((filter) -> filter.accepts(changeSet).isAccepted());
	}

	private List<RanChangeSet> applied(Connection connection) throws SQLException {
		String table = table(connection);
		if (table == null) {
			return List.of();
		}
		List<RanChangeSet> applied = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT filename, id, author FROM " + table)) {
			while (rows.next()) {
				applied.add(new RanChangeSet(rows.getString(1), rows.getString(2), rows.getString(3), null, null, null,
						ChangeSet.ExecType.EXECUTED, null, null, null, null, null));
			}
		}
		return applied;
	}

	/**
	 * Return the quoted, schema-qualified name of the table of applied changesets as the
	 * database spells it, or {@code null} if it does not exist (no changeset was ever
	 * applied).
	 */
	private @Nullable String table(Connection connection) throws SQLException {
		String schema = (this.changelog.schema() != null) ? this.changelog.schema() : connection.getSchema();
		DatabaseMetaData metaData = connection.getMetaData();
		String name = this.changelog.table();
		for (String candidate : List.of(name, name.toLowerCase(java.util.Locale.ROOT),
				name.toUpperCase(java.util.Locale.ROOT))) {
			for (String schemaCandidate : schemaCandidates(schema)) {
				try (ResultSet tables = metaData.getTables(null, schemaCandidate, candidate, null)) {
					if (tables.next()) {
						String quote = metaData.getIdentifierQuoteString().strip();
						String found = quote + tables.getString("TABLE_NAME") + quote;
						String foundSchema = tables.getString("TABLE_SCHEM");
						return (foundSchema != null) ? quote + foundSchema + quote + "." + found : found;
					}
				}
			}
		}
		return null;
	}

	private static List<@Nullable String> schemaCandidates(@Nullable String schema) {
		List<@Nullable String> candidates = new ArrayList<>();
		if (schema == null) {
			candidates.add(null);
		}
		else {
			candidates.add(schema);
			candidates.add(schema.toLowerCase(java.util.Locale.ROOT));
			candidates.add(schema.toUpperCase(java.util.Locale.ROOT));
		}
		return candidates;
	}

	/**
	 * Where the changelog and the table of applied changesets are, and which changesets
	 * apply.
	 *
	 * @param location the changelog, for example
	 * {@code classpath:db/changelog/db.changelog-master.yaml}
	 * @param contexts the Liquibase contexts in force; empty for all
	 * @param labels the Liquibase label expressions in force; empty for all
	 * @param table the table of applied changesets, {@code DATABASECHANGELOG} by default
	 * @param schema the schema of that table, or {@code null} for the connection's
	 * current schema
	 */
	public record Changelog(String location, List<String> contexts, List<String> labels, String table,
			@Nullable String schema) {

		/**
		 * Create the description, copying the lists.
		 */
		public Changelog {
			contexts = List.copyOf(contexts);
			labels = List.copyOf(labels);
		}

	}

}
