package io.github.crudkit.query;

import java.util.function.Supplier;

import jakarta.persistence.EntityManager;
import org.hibernate.Session;

/**
 * Runs a bulk write with a larger JDBC batch than the session's default, so that a
 * thousand inserts leave in one batch instead of twenty; the previous batch size is
 * restored afterwards. <pre class="code">
 * return JdbcBatching.inBatchesOf(entityManager, 1000, () -&gt; {
 * 	repository.saveAll(heroes);
 * 	repository.flush();
 * 	return ids(heroes);
 * });
 * </pre>
 *
 * @since 0.1.0
 */
public final class JdbcBatching {

	private JdbcBatching() {
	}

	/**
	 * Run the work with the given JDBC batch size on the entity manager's Hibernate
	 * session. Flush inside the work so that the statements are sent while the size
	 * applies.
	 * @param <T> the result type
	 * @param entityManager the transaction's entity manager
	 * @param batchSize the number of statements per JDBC batch
	 * @param work the work
	 * @return the work's result
	 */
	public static <T> T inBatchesOf(EntityManager entityManager, int batchSize, Supplier<T> work) {
		Session session = entityManager.unwrap(Session.class);
		Integer previous = session.getJdbcBatchSize();
		session.setJdbcBatchSize(batchSize);
		try {
			return work.get();
		}
		finally {
			session.setJdbcBatchSize(previous);
		}
	}

}
