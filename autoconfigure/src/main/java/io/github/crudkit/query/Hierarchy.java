package io.github.crudkit.query;

import java.util.List;
import java.util.regex.Pattern;

import io.github.crudkit.error.FieldViolation;
import io.github.crudkit.error.ProblemException;
import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.Assert;

/**
 * A self-reference (a hero's mentor, an employee's manager, a category's parent) read and
 * changed safely on PostgreSQL: ancestors in one statement (a recursive CTE), and changes
 * of the parent that can never close a cycle, even when requests race.
 * <p>
 * <strong>Cycles.</strong> Setting X's parent to P closes a cycle when P is X or X is an
 * ancestor of P. Checking that and then writing is not enough under concurrency: two
 * requests setting A's parent to B and B's parent to A both see no cycle and both commit
 * one. {@link #requireNoCycle} therefore first takes a transaction-scoped advisory lock
 * of the hierarchy ({@code pg_advisory_xact_lock}), so that changes of parents run one
 * after the other; each check (a new statement under READ COMMITTED) sees every change
 * committed before it. Only parent changes take the lock; reads and other writes never
 * wait for it. Call it inside the transaction that writes the new parent, before the
 * write. <pre class="code">
 * static final Hierarchy MENTORS = Hierarchy.of("hero", "id", "mentor_id");
 *
 * MENTORS.requireNoCycle(jdbc, heroId, newMentorId, "mentorId"); // 409 naming mentorId
 * List&lt;HeroSummary&gt; lineage = MENTORS.ancestors(jdbc, heroId, "id, name, age",
 * 		(rs, n) -&gt; new HeroSummary(rs.getLong("id"), rs.getString("name"), ...));
 * </pre> Index the parent column (crudkit's schema health asks for it anyway).
 *
 * @since 0.1.0
 */
public final class Hierarchy {

	private static final Pattern IDENTIFIER = Pattern.compile("[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)?");

	private static final Pattern COLUMNS = Pattern.compile("[a-z_][a-z0-9_]*(\\s*,\\s*[a-z_][a-z0-9_]*)*");

	/**
	 * The deepest walk; deeper rows (or rows caught in a cycle written around the
	 * application) end it.
	 */
	private static final int MAX_DEPTH = 10_000;

	private final String table;

	private final String id;

	private final String parent;

	private Hierarchy(String table, String id, String parent) {
		this.table = table;
		this.id = id;
		this.parent = parent;
	}

	/**
	 * Describe a self-reference.
	 * @param table the table, optionally schema-qualified ({@code "hero"})
	 * @param id its id column ({@code "id"})
	 * @param parent the column that references the parent's id ({@code "mentor_id"})
	 * @return the hierarchy
	 */
	public static Hierarchy of(String table, String id, String parent) {
		Assert.isTrue(IDENTIFIER.matcher(table).matches(), () -> "Not a plain table name: " + table);
		Assert.isTrue(IDENTIFIER.matcher(id).matches() && !id.contains("."), () -> "Not a plain column name: " + id);
		Assert.isTrue(IDENTIFIER.matcher(parent).matches() && !parent.contains("."),
				() -> "Not a plain column name: " + parent);
		return new Hierarchy(table, id, parent);
	}

	/**
	 * Read the ancestors of a row, closest first (its parent, that row's parent, and so
	 * on up to a row without one), in one statement; none for a row without a parent or
	 * an unknown id.
	 * @param <T> the type of a row
	 * @param jdbc the client
	 * @param of the id of the row whose ancestors to read
	 * @param columns the columns to read, a comma-separated list of plain names
	 * @param mapper turns a row into a value
	 * @return the ancestors, closest first
	 */
	public <T> List<T> ancestors(JdbcClient jdbc, long of, String columns, RowMapper<T> mapper) {
		Assert.isTrue(COLUMNS.matcher(columns.strip()).matches(),
				() -> "Columns must be plain names separated by commas: " + columns);
		String select = columns.strip().replaceAll("\\s*,\\s*", ", a.");
		return jdbc
			.sql("with recursive ancestor as (select p.*, 1 as depth from " + this.table + " c join " + this.table
					+ " p on p." + this.id + " = c." + this.parent + " where c." + this.id
					+ " = :of union all select p.*, a.depth + 1 from ancestor a join " + this.table + " p on p."
					+ this.id + " = a." + this.parent + " where a.depth < " + MAX_DEPTH + ") select a." + select
					+ " from ancestor a order by a.depth")
			.param("of", of)
			.query(mapper)
			.list();
	}

	/**
	 * Return whether a row is the given row or one of its ancestors.
	 * @param jdbc the client
	 * @param candidate the id that might be above
	 * @param of the id of the row to walk up from
	 * @return whether {@code candidate} is {@code of} or an ancestor of it
	 */
	public boolean isSelfOrAncestor(JdbcClient jdbc, long candidate, long of) {
		if (candidate == of) {
			return true;
		}
		return Boolean.TRUE.equals(jdbc
			.sql("with recursive ancestor as (select " + this.parent + " as next, 1 as depth from " + this.table
					+ " where " + this.id + " = :of union all select p." + this.parent
					+ ", a.depth + 1 from ancestor a join " + this.table + " p on p." + this.id
					+ " = a.next where a.depth < " + MAX_DEPTH
					+ ") select exists (select 1 from ancestor where next = :candidate)")
			.param("of", of)
			.param("candidate", candidate)
			.query(Boolean.class)
			.single());
	}

	/**
	 * Wait for the hierarchy's lock, held until the transaction ends: changes of parents
	 * run one after the other.
	 * @param jdbc the client, on the transaction's connection
	 */
	public void lock(JdbcClient jdbc) {
		jdbc.sql("select pg_advisory_xact_lock(hashtext(:key))")
			.param("key", "crudkit.hierarchy:" + this.table + "." + this.parent)
			.query((rs, n) -> 1)
			.single();
	}

	/**
	 * Check, under the hierarchy's lock, that giving a row a new parent closes no cycle.
	 * @param jdbc the client, on the transaction that writes the new parent
	 * @param id the row that gets the new parent
	 * @param newParent the new parent's id; {@code null} (no parent) never closes a cycle
	 * and takes no lock
	 * @param field the request field that names the parent, for the problem
	 * @throws ProblemException a {@code 409} naming the field when the parent is the row
	 * itself or one of its descendants
	 */
	public void requireNoCycle(JdbcClient jdbc, long id, @Nullable Long newParent, String field) {
		if (newParent == null) {
			return;
		}
		if (newParent == id) {
			throw cycle(field);
		}
		lock(jdbc);
		if (isSelfOrAncestor(jdbc, id, newParent)) {
			throw cycle(field);
		}
	}

	private static ProblemException cycle(String field) {
		String message = "would make a cycle: it names the resource itself or one of its descendants";
		return ProblemException.conflict("'" + field + "' " + message + ".", new FieldViolation(field, message));
	}

}
