package io.github.crudkit.advisor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * What the advisor reads from PostgreSQL's catalogue: the increments of sequences and the
 * unique indexes of a table.
 */
final class AdvisorCatalog {

	private static final String SEQUENCES = "select s.schemaname, s.sequencename, s.increment_by,"
			+ " s.schemaname = current_schema() from pg_sequences s";

	private static final String UNIQUE_INDEXES = "select i.relname, pg_get_expr(x.indpred, x.indrelid)"
			+ " from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid"
			+ " join pg_namespace n on n.oid = t.relnamespace"
			+ " where x.indisunique and not x.indisprimary and t.relname = ? and n.nspname = coalesce(?, current_schema())"
			+ " order by i.relname";

	private AdvisorCatalog() {
	}

	static boolean isPostgres(Connection connection) throws SQLException {
		return "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
	}

	/**
	 * Return the increment of every sequence, by {@code schema.name} and, for the current
	 * schema, by bare name too; names in lower case.
	 */
	static Map<String, Long> sequenceIncrements(Connection connection) throws SQLException {
		Map<String, Long> increments = new HashMap<>();
		try (Statement statement = connection.createStatement(); ResultSet result = statement.executeQuery(SEQUENCES)) {
			while (result.next()) {
				String name = result.getString(2).toLowerCase(Locale.ROOT);
				increments.put(result.getString(1).toLowerCase(Locale.ROOT) + "." + name, result.getLong(3));
				if (result.getBoolean(4)) {
					increments.put(name, result.getLong(3));
				}
			}
		}
		return increments;
	}

	static List<UniqueIndex> uniqueIndexes(Connection connection, @Nullable String schema, String table)
			throws SQLException {
		List<UniqueIndex> indexes = new ArrayList<>();
		try (PreparedStatement statement = connection.prepareStatement(UNIQUE_INDEXES)) {
			statement.setString(1, table);
			statement.setString(2, schema);
			try (ResultSet result = statement.executeQuery()) {
				while (result.next()) {
					indexes.add(new UniqueIndex(result.getString(1), result.getString(2)));
				}
			}
		}
		return indexes;
	}

	/**
	 * A unique index (a unique constraint has one).
	 *
	 * @param name its name
	 * @param predicate its {@code WHERE} clause where it is partial
	 */
	record UniqueIndex(String name, @Nullable String predicate) {

	}

}
