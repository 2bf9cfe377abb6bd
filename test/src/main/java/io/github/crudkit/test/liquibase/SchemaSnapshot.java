package io.github.crudkit.test.liquibase;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeSet;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

/**
 * What a PostgreSQL database holds, read from {@code pg_catalog}: schemas, tables and
 * views, columns (type as {@code format_type} gives it, nullability, default, identity),
 * indexes ({@code pg_get_indexdef}), constraints ({@code pg_get_constraintdef}),
 * sequences, extensions, functions, triggers, enum and domain types. Objects that belong
 * to an extension and Liquibase's own tables ({@code databasechangelog},
 * {@code databasechangeloglock}) are left out.
 * <p>
 * Each object has a key such as {@code column public.hero.name} and a definition such as
 * {@code character varying(100) not null}; two snapshots are equal when they hold the
 * same keys with the same definitions.
 *
 * @since 0.1.0
 */
public final class SchemaSnapshot {

	private final SortedMap<String, String> objects;

	private SchemaSnapshot(SortedMap<String, String> objects) {
		this.objects = Collections.unmodifiableSortedMap(objects);
	}

	/**
	 * Take a snapshot of the database behind the data source.
	 * @param dataSource the data source
	 * @return the snapshot
	 */
	public static SchemaSnapshot of(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return of(connection);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Cannot read the schema: " + ex.getMessage(), ex);
		}
	}

	/**
	 * Take a snapshot of the database the connection is open on.
	 * @param connection the connection
	 * @return the snapshot
	 * @throws SQLException if the catalog cannot be read
	 */
	public static SchemaSnapshot of(Connection connection) throws SQLException {
		return new SchemaSnapshot(PgCatalog.objects(connection));
	}

	/**
	 * Return every object, by key, with its definition.
	 * @return the objects, sorted by key
	 */
	public SortedMap<String, String> objects() {
		return this.objects;
	}

	/**
	 * Return how another snapshot differs from this one, object by object.
	 * @param other the other snapshot
	 * @return the differences, sorted by object key; empty if the snapshots are equal
	 */
	public List<Difference> differencesTo(SchemaSnapshot other) {
		List<Difference> differences = new ArrayList<>();
		TreeSet<String> keys = new TreeSet<>(this.objects.keySet());
		keys.addAll(other.objects.keySet());
		for (String key : keys) {
			String mine = this.objects.get(key);
			String theirs = other.objects.get(key);
			if (!Objects.equals(mine, theirs)) {
				differences.add(new Difference(key, mine, theirs));
			}
		}
		return differences;
	}

	@Override
	public boolean equals(@Nullable Object other) {
		return other instanceof SchemaSnapshot snapshot && this.objects.equals(snapshot.objects);
	}

	@Override
	public int hashCode() {
		return this.objects.hashCode();
	}

	@Override
	public String toString() {
		StringBuilder text = new StringBuilder();
		for (Map.Entry<String, String> entry : this.objects.entrySet()) {
			text.append(entry.getKey());
			if (!entry.getValue().isEmpty()) {
				text.append(": ").append(entry.getValue());
			}
			text.append('\n');
		}
		return text.toString();
	}

	/**
	 * One object that two snapshots disagree on.
	 *
	 * @param object the object's key, such as {@code index public.ix_hero_team_id}
	 * @param before its definition in the first snapshot, or {@code null} if it is not
	 * there
	 * @param after its definition in the second snapshot, or {@code null} if it is not
	 * there
	 */
	public record Difference(String object, @Nullable String before, @Nullable String after) {

		/**
		 * Describe the difference in one line, with the names of the two snapshots.
		 * @param beforeName what the first snapshot is, for example "the fresh database"
		 * @param afterName what the second snapshot is
		 * @return the line
		 */
		public String describe(String beforeName, String afterName) {
			if (this.before == null) {
				return this.object + " is in " + afterName + " but not in " + beforeName + definition(this.after);
			}
			if (this.after == null) {
				return this.object + " is in " + beforeName + " but not in " + afterName + definition(this.before);
			}
			return this.object + " differs: " + beforeName + " has '" + this.before + "', " + afterName + " has '"
					+ this.after + "'";
		}

		private static String definition(@Nullable String definition) {
			return (definition == null || definition.isEmpty()) ? "" : " (" + definition + ")";
		}

	}

}
