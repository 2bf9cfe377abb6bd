package io.github.crudkit.migration;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

import javax.sql.DataSource;

import liquibase.integration.spring.SpringLiquibase;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Lets Liquibase migrate without the timeouts meant for requests. Migrations run at
 * start-up on the application's pool, whose connections carry a short
 * {@code statement_timeout} and a driver socket timeout (crudkit's operational defaults
 * are a few seconds each): a long migration, an index built on a large table, would be
 * cut short and stop the start-up. While each {@link SpringLiquibase} bean initializes,
 * it is handed the same {@link DataSource} wrapped so that every connection it borrows
 * has no socket timeout ({@link Connection#setNetworkTimeout setNetworkTimeout(0)}) and,
 * on PostgreSQL, no statement timeout ({@code SET statement_timeout = 0}); before the
 * connection goes back to the pool, {@code RESET statement_timeout} and the previous
 * network timeout restore what requests get. A connection whose timeouts cannot be
 * restored is aborted rather than returned as it is. Liquibase's own {@code DataSource}
 * (Boot's {@code spring.liquibase.url}) does not carry the application's timeouts and is
 * left alone.
 *
 * @since 0.1.0
 */
public final class MigrationTimeouts implements BeanPostProcessor {

	private static final Log logger = LogFactory.getLog(MigrationTimeouts.class);

	private static final String DEDICATED_DATA_SOURCE_LIQUIBASE = "org.springframework.boot.liquibase.autoconfigure.DataSourceClosingSpringLiquibase";

	private static final Executor DIRECT = Runnable::run;

	private final Map<String, DataSource> originals = new ConcurrentHashMap<>();

	@Override
	public Object postProcessBeforeInitialization(Object bean, String beanName) {
		if (bean instanceof SpringLiquibase liquibase && liquibase.getDataSource() != null
				&& !hasDedicatedDataSource(liquibase)) {
			DataSource original = liquibase.getDataSource();
			this.originals.put(beanName, original);
			liquibase.setDataSource(new UnboundedDataSource(original));
		}
		return bean;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		DataSource original = this.originals.remove(beanName);
		if (original != null && bean instanceof SpringLiquibase liquibase) {
			liquibase.setDataSource(original);
		}
		return bean;
	}

	private static boolean hasDedicatedDataSource(SpringLiquibase liquibase) {
		for (Class<?> type = liquibase.getClass(); type != null; type = type.getSuperclass()) {
			if (type.getName().equals(DEDICATED_DATA_SOURCE_LIQUIBASE)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * The application's {@link DataSource}, handing out connections without statement and
	 * socket timeouts.
	 */
	static final class UnboundedDataSource extends DelegatingDataSource {

		UnboundedDataSource(DataSource target) {
			super(target);
		}

		@Override
		public Connection getConnection() throws SQLException {
			return unbounded(obtainTargetDataSource().getConnection());
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return unbounded(obtainTargetDataSource().getConnection(username, password));
		}

		private static Connection unbounded(Connection connection) throws SQLException {
			try {
				UnboundedConnection handler = UnboundedConnection.open(connection);
				return (Connection) Proxy.newProxyInstance(UnboundedDataSource.class.getClassLoader(),
						new Class<?>[] { Connection.class }, handler);
			}
			catch (SQLException | RuntimeException ex) {
				connection.close();
				throw ex;
			}
		}

	}

	/**
	 * A connection whose timeouts are lifted until it is closed.
	 */
	private static final class UnboundedConnection implements InvocationHandler {

		private final Connection connection;

		private final int networkTimeout;

		private final boolean postgresql;

		private boolean closed;

		private UnboundedConnection(Connection connection, int networkTimeout, boolean postgresql) {
			this.connection = connection;
			this.networkTimeout = networkTimeout;
			this.postgresql = postgresql;
		}

		static UnboundedConnection open(Connection connection) throws SQLException {
			int networkTimeout = connection.getNetworkTimeout();
			boolean postgresql = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
			if (postgresql) {
				execute(connection, "SET statement_timeout = 0");
				if (!connection.getAutoCommit()) {
					// A SET in a transaction that is rolled back later would be undone.
					connection.commit();
				}
			}
			connection.setNetworkTimeout(DIRECT, 0);
			return new UnboundedConnection(connection, networkTimeout, postgresql);
		}

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object @Nullable [] arguments)
				throws Throwable {
			switch (method.getName()) {
				case "close" -> {
					close();
					return null;
				}
				case "isClosed" -> {
					return this.closed || this.connection.isClosed();
				}
				case "equals" -> {
					return arguments != null && proxy == arguments[0];
				}
				case "hashCode" -> {
					return System.identityHashCode(proxy);
				}
				case "toString" -> {
					return "Unbounded migration connection [" + this.connection + "]";
				}
				default -> {
					try {
						return method.invoke(this.connection, arguments);
					}
					catch (InvocationTargetException ex) {
						throw ex.getTargetException();
					}
				}
			}
		}

		private void close() throws SQLException {
			if (this.closed) {
				return;
			}
			this.closed = true;
			try {
				restore();
			}
			catch (SQLException | RuntimeException ex) {
				// It must not serve requests without their timeouts.
				logger.warn("Could not restore the timeouts of a connection Liquibase used; discarding it: "
						+ ex.getMessage());
				try {
					this.connection.abort(DIRECT);
				}
				catch (SQLException abortFailure) {
					logger.debug("Could not abort the connection: " + abortFailure.getMessage());
				}
			}
			finally {
				this.connection.close();
			}
		}

		private void restore() throws SQLException {
			if (this.connection.isClosed()) {
				return;
			}
			if (this.postgresql) {
				boolean autoCommit = this.connection.getAutoCommit();
				if (!autoCommit) {
					// Whatever Liquibase left open is not to be kept; and the reset must
					// be committed, or the pool's rollback would undo it.
					this.connection.rollback();
				}
				execute(this.connection, "RESET statement_timeout");
				if (!autoCommit) {
					this.connection.commit();
				}
			}
			this.connection.setNetworkTimeout(DIRECT, this.networkTimeout);
		}

		private static void execute(Connection connection, String sql) throws SQLException {
			try (Statement statement = connection.createStatement()) {
				statement.execute(sql);
			}
		}

	}

}
