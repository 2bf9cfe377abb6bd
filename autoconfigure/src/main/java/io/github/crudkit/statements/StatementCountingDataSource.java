package io.github.crudkit.statements;

import java.io.Closeable;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.UndeclaredThrowableException;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A {@link DataSource} that tells a {@link StatementTracker} about every statement its
 * connections execute: the SQL text of each {@code execute…} call, and each JDBC batch
 * once.
 * <p>
 * Only what the tracker needs is intercepted: creating statements, executing them, and
 * {@code addBatch(String)} on a plain {@link Statement}. Every other call, parameter
 * setters included, goes straight to the driver's object, so a batch of a thousand rows
 * costs a thousand reflective calls and no copies of their parameters. Closing this data
 * source closes the one it wraps (a connection pool) when that one can be closed.
 *
 * @since 0.1.0
 */
public final class StatementCountingDataSource extends DelegatingDataSource implements Closeable {

	private final StatementTracker tracker;

	/**
	 * Wrap a data source.
	 * @param target the data source whose statements are counted
	 * @param tracker the tracker told about them
	 */
	public StatementCountingDataSource(DataSource target, StatementTracker tracker) {
		super(target);
		this.tracker = tracker;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return wrap(obtainTargetDataSource().getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return wrap(obtainTargetDataSource().getConnection(username, password));
	}

	@Override
	public void close() throws IOException {
		if (obtainTargetDataSource() instanceof AutoCloseable closeable) {
			try {
				closeable.close();
			}
			catch (IOException | RuntimeException ex) {
				throw ex;
			}
			catch (Exception ex) {
				throw new IOException(ex);
			}
		}
	}

	private Connection wrap(Connection connection) {
		return (Connection) Proxy.newProxyInstance(StatementCountingDataSource.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new ConnectionHandler(connection));
	}

	@Override
	public String toString() {
		return "StatementCountingDataSource[" + obtainTargetDataSource() + "]";
	}

	private static @Nullable Object invoke(Method method, Object target, @Nullable Object[] args) throws Throwable {
		try {
			return method.invoke(target, args);
		}
		catch (InvocationTargetException ex) {
			throw ex.getTargetException();
		}
		catch (IllegalAccessException ex) {
			throw new UndeclaredThrowableException(ex);
		}
	}

	/**
	 * Answers {@code equals}, {@code hashCode} and {@code toString} for a proxy;
	 * {@code null} for other methods.
	 */
	private static @Nullable Object objectMethod(Object proxy, Method method, @Nullable Object[] args, Object target) {
		return switch (method.getName()) {
			case "equals" -> (args != null && args.length == 1) ? proxy == args[0] : null;
			case "hashCode" -> (args == null || args.length == 0) ? System.identityHashCode(proxy) : null;
			case "toString" -> (args == null || args.length == 0) ? "counted " + target : null;
			default -> null;
		};
	}

	private final class ConnectionHandler implements InvocationHandler {

		private final Connection target;

		ConnectionHandler(Connection target) {
			this.target = target;
		}

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
			Object own = objectMethod(proxy, method, args, this.target);
			if (own != null) {
				return own;
			}
			Object result = StatementCountingDataSource.invoke(method, this.target, args);
			return switch (method.getName()) {
				case "createStatement" -> statement(result, Statement.class, null, (Connection) proxy);
				case "prepareStatement" ->
					statement(result, PreparedStatement.class, (String) args[0], (Connection) proxy);
				case "prepareCall" -> statement(result, CallableStatement.class, (String) args[0], (Connection) proxy);
				default -> result;
			};
		}

		private Statement statement(@Nullable Object statement, Class<? extends Statement> type, @Nullable String sql,
				Connection connection) {
			// A driver returns a statement or throws; it never answers null.
			Statement created = (Statement) Objects.requireNonNull(statement, "the driver returned no statement");
			return (Statement) Proxy.newProxyInstance(StatementCountingDataSource.class.getClassLoader(),
					new Class<?>[] { type }, new StatementHandler(created, sql, connection));
		}

	}

	private final class StatementHandler implements InvocationHandler {

		private final Statement target;

		private final @Nullable String sql;

		private final Connection connection;

		private @Nullable List<String> batch;

		private @Nullable List<@Nullable Object> parameters;

		StatementHandler(Statement target, @Nullable String sql, Connection connection) {
			this.target = target;
			this.sql = sql;
			this.connection = connection;
		}

		@Override
		public @Nullable Object invoke(Object proxy, Method method, @Nullable Object[] args) throws Throwable {
			Object own = objectMethod(proxy, method, args, this.target);
			if (own != null) {
				return own;
			}
			switch (method.getName()) {
				case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate" -> {
					String executed = (args != null && args.length > 0 && args[0] instanceof String text) ? text
							: this.sql;
					long start = System.nanoTime();
					try {
						return StatementCountingDataSource.invoke(method, this.target, args);
					}
					finally {
						if (executed != null) {
							StatementCountingDataSource.this.tracker.record(executed, false, System.nanoTime() - start,
									this.parameters);
						}
					}
				}
				case "executeBatch", "executeLargeBatch" -> {
					List<String> executed = (this.sql != null) ? List.of(this.sql)
							: (this.batch != null) ? this.batch : List.of();
					this.batch = null;
					long start = System.nanoTime();
					try {
						return StatementCountingDataSource.invoke(method, this.target, args);
					}
					finally {
						long nanos = System.nanoTime() - start;
						for (String text : executed) {
							// The batch's time goes to its first statement; the unit's
							// total is what counts.
							StatementCountingDataSource.this.tracker.record(text, true, nanos);
							nanos = 0;
						}
					}
				}
				case "addBatch" -> {
					if (args != null && args.length == 1 && args[0] instanceof String text) {
						if (this.batch == null) {
							this.batch = new ArrayList<>();
						}
						this.batch.add(text);
					}
				}
				case "clearBatch" -> this.batch = null;
				case "clearParameters" -> this.parameters = null;
				case "getConnection" -> {
					return this.connection;
				}
				default -> {
					if (args != null && args.length >= 2 && method.getName().startsWith("set")
							&& args[0] instanceof Integer index
							&& StatementCountingDataSource.this.tracker.capturesParameters()) {
						capture(index, method.getName().equals("setNull") ? null : args[1]);
					}
				}
			}
			return StatementCountingDataSource.invoke(method, this.target, args);
		}

		private void capture(int index, @Nullable Object value) {
			List<@Nullable Object> captured = this.parameters;
			if (captured == null) {
				captured = new ArrayList<>();
				this.parameters = captured;
			}
			while (captured.size() < index) {
				captured.add(null);
			}
			captured.set(index - 1, value);
		}

	}

}
