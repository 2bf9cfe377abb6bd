package io.github.crudkit.migration;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import io.github.mfvanek.pg.connection.PgConnection;
import io.github.mfvanek.pg.connection.PgConnectionImpl;
import io.github.mfvanek.pg.core.checks.common.DatabaseCheckOnHost;
import io.github.mfvanek.pg.core.checks.common.Diagnostic;
import io.github.mfvanek.pg.core.checks.host.StandardChecksOnHost;
import io.github.mfvanek.pg.model.column.ColumnNameAware;
import io.github.mfvanek.pg.model.constraint.DuplicatedForeignKeys;
import io.github.mfvanek.pg.model.constraint.ForeignKey;
import io.github.mfvanek.pg.model.context.PgContext;
import io.github.mfvanek.pg.model.dbobject.DbObject;
import io.github.mfvanek.pg.model.index.DuplicatedIndexes;
import io.github.mfvanek.pg.model.index.Index;
import io.github.mfvanek.pg.model.predicates.SkipLiquibaseTablesPredicate;
import io.github.mfvanek.pg.model.table.Table;
import org.jspecify.annotations.Nullable;

/**
 * Checks the health of a PostgreSQL schema with
 * <a href="https://github.com/mfvanek/pg-index-health">pg-index-health</a>'s static
 * checks: foreign keys without an index (with the {@code CREATE INDEX} that fixes each),
 * duplicated, overlapping and invalid indexes, tables without a primary key, and more
 * (see {@link #DEFAULT_CHECKS}). Liquibase's own tables are left out, and so are overlaps
 * between expression indexes, which pg-index-health cannot tell apart (a unique index on
 * {@code lower(name)} and a trigram index on {@code lower(name)} both index "an
 * expression"). <pre class="code">
 * List&lt;String&gt; problems = SchemaHealth.of(dataSource).problems();
 * </pre>
 *
 * @since 0.1.0
 */
public final class SchemaHealth {

	/**
	 * The checks crudkit runs unless told otherwise: all of them are about the schema's
	 * structure (none depends on statistics or load), and none of them is a matter of
	 * taste.
	 */
	public static final Set<Diagnostic> DEFAULT_CHECKS = Collections
		.unmodifiableSet(EnumSet.of(Diagnostic.FOREIGN_KEYS_WITHOUT_INDEX, Diagnostic.DUPLICATED_INDEXES,
				Diagnostic.INTERSECTED_INDEXES, Diagnostic.INVALID_INDEXES, Diagnostic.TABLES_WITHOUT_PRIMARY_KEY,
				Diagnostic.DUPLICATED_FOREIGN_KEYS, Diagnostic.INTERSECTED_FOREIGN_KEYS,
				Diagnostic.FOREIGN_KEYS_WITH_UNMATCHED_COLUMN_TYPE, Diagnostic.NOT_VALID_CONSTRAINTS,
				Diagnostic.BTREE_INDEXES_ON_ARRAY_COLUMNS, Diagnostic.COLUMNS_WITH_JSON_TYPE));

	private final DataSource dataSource;

	private final Set<Diagnostic> checks;

	private SchemaHealth(DataSource dataSource, Set<Diagnostic> checks) {
		this.dataSource = dataSource;
		this.checks = checks;
	}

	/**
	 * Check the database behind the data source with the {@linkplain #DEFAULT_CHECKS
	 * default checks}.
	 * @param dataSource the data source
	 * @return the health check
	 */
	public static SchemaHealth of(DataSource dataSource) {
		return new SchemaHealth(dataSource, DEFAULT_CHECKS);
	}

	/**
	 * Return a health check that runs other checks.
	 * @param checks the checks to run
	 * @return a new health check
	 */
	public SchemaHealth withChecks(Collection<Diagnostic> checks) {
		return new SchemaHealth(this.dataSource,
				checks.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(checks)));
	}

	/**
	 * Return the checks this health check runs.
	 * @return the checks
	 */
	public Set<Diagnostic> checks() {
		return this.checks;
	}

	/**
	 * Run the checks on the current schema of the database.
	 * @return one line per problem; empty if the schema is healthy
	 */
	public List<String> problems() {
		String schema;
		String url;
		Set<String> expressionIndexes;
		try (Connection connection = this.dataSource.getConnection()) {
			url = connection.getMetaData().getURL();
			schema = currentSchema(connection);
			expressionIndexes = expressionIndexes(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot check the schema's health: " + ex.getMessage(), ex);
		}
		PgConnection connection = PgConnectionImpl.ofUrl(this.dataSource, url);
		PgContext context = PgContext.of(schema);
		Set<String> names = this.checks.stream().map(Diagnostic::getName).collect(Collectors.toSet());
		List<String> problems = new ArrayList<>();
		for (DatabaseCheckOnHost<? extends DbObject> check : new StandardChecksOnHost().apply(connection)) {
			if (names.contains(check.getName())) {
				for (DbObject object : check.check(context, SkipLiquibaseTablesPredicate.of(context))) {
					String problem = describe(check.getName(), object, expressionIndexes);
					if (problem != null) {
						problems.add(problem);
					}
				}
			}
		}
		return problems;
	}

	private static String currentSchema(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("select current_schema()")) {
			result.next();
			return result.getString(1);
		}
	}

	private static Set<String> expressionIndexes(Connection connection) throws SQLException {
		Set<String> names = new HashSet<>();
		try (Statement statement = connection.createStatement();
				ResultSet result = statement
					.executeQuery("select x.indexrelid::regclass::text from pg_index x where x.indexprs is not null")) {
			while (result.next()) {
				names.add(result.getString(1));
			}
		}
		return names;
	}

	private static @Nullable String describe(String check, DbObject object, Set<String> expressionIndexes) {
		if (check.equals(Diagnostic.FOREIGN_KEYS_WITHOUT_INDEX.getName()) && object instanceof ForeignKey foreignKey) {
			List<String> columns = foreignKey.getColumns().stream().map(ColumnNameAware::getColumnName).toList();
			String table = foreignKey.getTableName();
			String bareTable = table.substring(table.lastIndexOf('.') + 1).replace("\"", "");
			String index = "ix_" + bareTable + "_"
					+ columns.stream().map((column) -> column.replace("\"", "")).collect(Collectors.joining("_"));
			return "foreign key " + foreignKey.getConstraintName() + " on " + table + "(" + String.join(", ", columns)
					+ ") has no index; add one: CREATE INDEX " + index.toLowerCase(Locale.ROOT) + " ON " + table + " ("
					+ String.join(", ", columns) + ");";
		}
		if (object instanceof DuplicatedIndexes indexes) {
			if (check.equals(Diagnostic.INTERSECTED_INDEXES.getName())
					&& indexes.getIndexNames().stream().anyMatch(expressionIndexes::contains)) {
				return null;
			}
			boolean duplicated = check.equals(Diagnostic.DUPLICATED_INDEXES.getName());
			return "indexes " + String.join(", ", indexes.getIndexNames()) + " on " + indexes.getTableName()
					+ (duplicated ? " are duplicates: drop all but one"
							: " overlap (one's columns start the other's): the shorter one is probably redundant");
		}
		if (object instanceof DuplicatedForeignKeys foreignKeys) {
			String names = foreignKeys.getForeignKeys()
				.stream()
				.map(ForeignKey::getConstraintName)
				.collect(Collectors.joining(", "));
			boolean duplicated = check.equals(Diagnostic.DUPLICATED_FOREIGN_KEYS.getName());
			return "foreign keys " + names + " on " + foreignKeys.getTableName() + (duplicated
					? " are duplicates: drop all but one" : " overlap: one of them is probably redundant");
		}
		if (check.equals(Diagnostic.INVALID_INDEXES.getName()) && object instanceof Index index) {
			return "index " + index.getIndexName() + " on " + index.getTableName()
					+ " is invalid (a failed CREATE INDEX CONCURRENTLY?): drop it and create it again";
		}
		if (check.equals(Diagnostic.TABLES_WITHOUT_PRIMARY_KEY.getName()) && object instanceof Table table) {
			return "table " + table.getTableName() + " has no primary key";
		}
		return check.replace('_', ' ') + ": " + object;
	}

}
