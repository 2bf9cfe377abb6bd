package io.github.crudkit.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import liquibase.integration.spring.SpringLiquibase;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Lets one application instance at a time run its Liquibase migrations on a PostgreSQL
 * database, by holding a session-level advisory lock while each {@link SpringLiquibase}
 * bean initializes. Liquibase's own lock ({@code DATABASECHANGELOGLOCK}) is taken only
 * after it has parsed the changelog, and parsing creates the {@code DATABASECHANGELOG}
 * table when it is missing: two instances starting at once on a fresh database both try
 * to create it, and one fails to start. Waiting instances poll with
 * {@code pg_try_advisory_lock}, so no statement timeout cuts the wait short, and give up
 * after a bound. Other databases are left to Liquibase alone.
 *
 * @since 0.1.0
 */
public final class MigrationLock implements BeanPostProcessor, DisposableBean {

	private static final Log logger = LogFactory.getLog(MigrationLock.class);

	/**
	 * The advisory lock's key: "crudkit" in ASCII, so that it does not collide with an
	 * application's own keys by chance.
	 */
	static final long KEY = 0x637275646b6974L;

	private static final Duration POLL = Duration.ofMillis(200);

	private final Duration timeout;

	private final Map<String, Connection> held = new ConcurrentHashMap<>();

	/**
	 * Create the lock.
	 * @param timeout how long an instance waits for another one to finish migrating
	 * before it fails to start
	 */
	public MigrationLock(Duration timeout) {
		this.timeout = timeout;
	}

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof SpringLiquibase liquibase && liquibase.getDataSource() != null) {
			acquire(beanName, liquibase.getDataSource());
		}
		return bean;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		release(beanName);
		return bean;
	}

	/**
	 * Release any lock still held, for a migration that failed and so never reached
	 * {@link #postProcessAfterInitialization}.
	 */
	@Override
	public void destroy() {
		this.held.keySet().forEach(this::release);
	}

	private void acquire(String beanName, DataSource dataSource) {
		@Nullable Connection connection = null;
		try {
			connection = dataSource.getConnection();
			if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
				connection.close();
				return;
			}
			long start = System.nanoTime();
			long deadline = start + this.timeout.toNanos();
			while (!tryLock(connection)) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("Another instance has been migrating the database for more than "
							+ this.timeout.toSeconds() + " s; not starting a second migration alongside it");
				}
				Thread.sleep(POLL.toMillis());
			}
			long waited = System.nanoTime() - start;
			if (waited > POLL.toNanos()) {
				logger.info("Waited " + Duration.ofNanos(waited).toMillis()
						+ " ms for another instance to finish migrating the database");
			}
			this.held.put(beanName, connection);
		}
		catch (SQLException ex) {
			closeQuietly(connection);
			// Without the lock Liquibase still runs, guarded by its own lock as usual.
			logger.warn("Could not take the migration lock; migrating without it: " + ex.getMessage());
		}
		catch (InterruptedException ex) {
			closeQuietly(connection);
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for another instance to finish migrating", ex);
		}
		catch (RuntimeException ex) {
			closeQuietly(connection);
			throw ex;
		}
	}

	private static boolean tryLock(Connection connection) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_try_advisory_lock(?)")) {
			statement.setLong(1, KEY);
			try (ResultSet result = statement.executeQuery()) {
				return result.next() && result.getBoolean(1);
			}
		}
	}

	private void release(String beanName) {
		Connection connection = this.held.remove(beanName);
		if (connection == null) {
			return;
		}
		boolean unlocked = false;
		try (PreparedStatement statement = connection.prepareStatement("SELECT pg_advisory_unlock(?)")) {
			statement.setLong(1, KEY);
			try (ResultSet result = statement.executeQuery()) {
				unlocked = result.next() && result.getBoolean(1);
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not release the migration lock: " + ex.getMessage());
		}
		if (!unlocked) {
			// A pooled session must not keep the lock: end it, which releases the lock on
			// the server.
			try {
				connection.abort(Runnable::run);
			}
			catch (SQLException ex) {
				logger.debug("Could not abort the migration lock's connection: " + ex.getMessage());
			}
		}
		closeQuietly(connection);
	}

	private static void closeQuietly(@Nullable Connection connection) {
		if (connection != null) {
			try {
				connection.close();
			}
			catch (SQLException ex) {
				// Closed either way.
			}
		}
	}

}
