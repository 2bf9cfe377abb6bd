package io.github.crudkit.idempotency;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.List;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The records of requests answered with an {@code Idempotency-Key}, in the PostgreSQL
 * table {@value #TABLE} that the changelog {@value #CHANGELOG} creates (an application
 * includes it from its master changelog). Each record holds the key, the principal that
 * sent it (empty for an anonymous request: keys are global then), the request's
 * fingerprint and the response; it is written in the transaction of the write it answers,
 * so that both commit or neither does.
 * <p>
 * Statements run on the connection of the current Spring transaction, if there is one.
 * {@link #tryLock} needs one: the lock is held until that transaction ends.
 *
 * @since 0.1.0
 */
public final class IdempotencyStore {

	/**
	 * The table of the records.
	 */
	public static final String TABLE = "crudkit_idempotency_key";

	/**
	 * Classpath location of the Liquibase changelog that creates the table.
	 */
	public static final String CHANGELOG = "db/changelog/crudkit/idempotency.yaml";

	private static final byte[] LOCK_NAMESPACE = "crudkit-idempotency".getBytes(StandardCharsets.UTF_8);

	private static final String INSERT = "insert into " + TABLE
			+ " (principal, idempotency_key, fingerprint, status, content_type, headers, body)"
			+ " values (?, ?, ?, ?, ?, ?, ?)";

	private static final String SELECT = "select fingerprint, status, content_type, headers, body from " + TABLE
			+ " where principal = ? and idempotency_key = ?";

	private static final String DELETE_EXPIRED = "delete from " + TABLE
			+ " where (principal, idempotency_key) in (select principal, idempotency_key from " + TABLE
			+ " where created_at < now() - make_interval(secs => ?) limit ?)";

	private final JdbcClient jdbc;

	private volatile @Nullable Boolean available;

	/**
	 * Create a store on the application's data source.
	 * @param dataSource the data source whose database holds the table
	 */
	public IdempotencyStore(DataSource dataSource) {
		this.jdbc = JdbcClient.create(dataSource);
	}

	/**
	 * Return whether the table exists (in the connection's search path). Checked with one
	 * query the first time it is asked, and remembered: a table created while the
	 * application runs is seen after a restart.
	 * @return whether records can be kept
	 */
	public boolean isAvailable() {
		Boolean known = this.available;
		if (known == null) {
			known = this.jdbc.sql("select to_regclass(?) is not null").param(TABLE).query(Boolean.class).single();
			this.available = known;
		}
		return known;
	}

	/**
	 * Take the lock of a key for the current transaction, without waiting: only one
	 * request with the key runs at a time, across every instance on the database. The
	 * lock is a PostgreSQL advisory lock on a 64-bit digest of the principal and the key,
	 * released when the transaction ends, also when its connection is lost.
	 * @param principal the principal that sent the key, empty when anonymous
	 * @param key the key
	 * @return whether the lock was taken; {@code false} while another transaction holds
	 * it
	 */
	public boolean tryLock(String principal, String key) {
		return Boolean.TRUE.equals(this.jdbc.sql("select pg_try_advisory_xact_lock(?)")
			.param(lockId(principal, key))
			.query(Boolean.class)
			.single());
	}

	/**
	 * Return the record of a key.
	 * @param principal the principal that sent the key, empty when anonymous
	 * @param key the key
	 * @return the recorded response, or {@code null} when the key has none
	 */
	public @Nullable RecordedResponse find(String principal, String key) {
		List<RecordedResponse> found = this.jdbc.sql(SELECT)
			.param(principal)
			.param(key)
			.query((row, number) -> new RecordedResponse(row.getBytes(1), row.getInt(2), row.getString(3),
					RecordedResponse.parseHeaderLines(row.getString(4)), row.getBytes(5)))
			.list();
		return found.isEmpty() ? null : found.get(0);
	}

	/**
	 * Record the answer to a key, in the current transaction.
	 * @param principal the principal that sent the key, empty when anonymous
	 * @param key the key
	 * @param response the answer
	 * @throws org.springframework.dao.DuplicateKeyException if the key has a record
	 * already
	 */
	public void save(String principal, String key, RecordedResponse response) {
		this.jdbc.sql(INSERT)
			.param(principal)
			.param(key)
			.param(response.fingerprint())
			.param(response.status())
			.param(response.contentType())
			.param(response.headerLines())
			.param(response.body())
			.update();
	}

	/**
	 * Delete records older than the retention, at most {@code limit} of them, in one
	 * statement.
	 * @param retention how long a record is kept
	 * @param limit the most records to delete
	 * @return how many records were deleted
	 */
	public int deleteExpired(Duration retention, int limit) {
		return this.jdbc.sql(DELETE_EXPIRED).param(retention.toMillis() / 1000.0).param(limit).update();
	}

	private static long lockId(String principal, String key) {
		MessageDigest digest = IdempotencyKeys.sha256();
		digest.update(LOCK_NAMESPACE);
		digest.update((byte) 0);
		digest.update(principal.getBytes(StandardCharsets.UTF_8));
		digest.update((byte) 0);
		digest.update(key.getBytes(StandardCharsets.US_ASCII));
		return ByteBuffer.wrap(digest.digest()).getLong();
	}

}
