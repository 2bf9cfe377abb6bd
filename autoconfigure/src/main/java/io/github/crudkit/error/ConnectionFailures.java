package io.github.crudkit.error;

import java.io.EOFException;
import java.io.IOException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Locale;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import org.springframework.transaction.TransactionSystemException;

/**
 * Recognises a failure caused by a lost or unusable database connection, whatever wraps
 * it: a statement, a commit or a rollback on a connection that broke, a connection that
 * could not be had. The chain of causes is searched (with the application exception a
 * {@link TransactionSystemException} carries, and the next exceptions of a
 * {@link SQLException}) for any of:
 * <ul>
 * <li>an {@link SQLException} whose SQLState is of class {@code 08} (connection
 * exception) or one of PostgreSQL's {@code 57P01} (admin shutdown), {@code 57P02} (crash
 * shutdown), {@code 57P03} (cannot connect now) and {@code 57P05} (idle session
 * timeout);</li>
 * <li>an {@link SQLTransientConnectionException},
 * {@link SQLNonTransientConnectionException} or {@link SQLRecoverableException};</li>
 * <li>HikariCP's {@code Connection is closed} and
 * {@code Connection is not available};</li>
 * <li>a {@link SocketException}, {@link SocketTimeoutException} or {@link EOFException}
 * under an {@link SQLException} (the driver lost its socket);</li>
 * <li>Hibernate's {@code JDBCConnectionException} (matched by name: Hibernate is
 * optional).</li>
 * </ul>
 * Spring's {@code JpaSystemException}, {@link TransactionSystemException} and
 * {@code UnexpectedRollbackException} are wrappers like any other: what counts is their
 * cause.
 *
 * @since 0.1.0
 */
public final class ConnectionFailures {

	private static final Set<String> POSTGRESQL_CONNECTION_STATES = Set.of("57P01", "57P02", "57P03", "57P05");

	private static final String HIBERNATE_CONNECTION_EXCEPTION = "org.hibernate.exception.JDBCConnectionException";

	/**
	 * How many throwables are looked at, at most: chains are short, but may be cyclic.
	 */
	private static final int LIMIT = 64;

	private ConnectionFailures() {
	}

	/**
	 * Return whether a failure was caused by a lost or unusable database connection.
	 * @param failure the failure
	 * @return whether one of its causes says the connection was lost or unusable
	 */
	public static boolean isConnectionFailure(Throwable failure) {
		return find(failure) != null;
	}

	/**
	 * Return the cause that says a failure was caused by a lost or unusable database
	 * connection.
	 * @param failure the failure
	 * @return the first such cause, or {@code null} if there is none
	 */
	public static @Nullable Throwable find(Throwable failure) {
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		Deque<Link> pending = new ArrayDeque<>();
		pending.add(new Link(failure, false));
		while (!pending.isEmpty() && seen.size() < LIMIT) {
			Link link = pending.removeFirst();
			Throwable candidate = link.throwable();
			if (!seen.add(candidate)) {
				continue;
			}
			if (isConnectionLevel(candidate, link.underSqlException())) {
				return candidate;
			}
			boolean underSqlException = link.underSqlException() || candidate instanceof SQLException;
			Throwable cause = candidate.getCause();
			if (cause != null) {
				pending.add(new Link(cause, underSqlException));
			}
			if (candidate instanceof SQLException sql && sql.getNextException() != null) {
				pending.add(new Link(sql.getNextException(), true));
			}
			if (candidate instanceof TransactionSystemException transaction
					&& transaction.getApplicationException() != null) {
				pending.add(new Link(transaction.getApplicationException(), false));
			}
		}
		return null;
	}

	/**
	 * Describe a failure for one log line, without SQL or bind values: starting from the
	 * cause that {@link #find} names, if any, the class, SQLState and first line of the
	 * message of the most specific {@link SQLException} (the driver's or the pool's
	 * words), and the class and message of an I/O failure under it; only the class name
	 * of anything else.
	 * @param failure the failure
	 * @return the description
	 */
	public static String describe(Throwable failure) {
		Throwable found = find(failure);
		return describeChain((found != null) ? found : failure);
	}

	private static String describeChain(Throwable failure) {
		SQLException sql = null;
		Throwable root = failure;
		int depth = 0;
		for (Throwable cause = failure; cause != null && depth < LIMIT; cause = cause.getCause(), depth++) {
			if (cause instanceof SQLException candidate) {
				sql = candidate;
			}
			root = cause;
		}
		StringBuilder description = new StringBuilder();
		if (sql != null) {
			description.append(sql.getClass().getSimpleName());
			if (sql.getSQLState() != null) {
				description.append(" (").append(sql.getSQLState()).append(')');
			}
			// A batch's message quotes its statement and values.
			if (!(sql instanceof BatchUpdateException)) {
				description.append(": ").append(firstLine(sql.getMessage()));
			}
			if (root instanceof IOException io && root != sql) {
				description.append("; ")
					.append(io.getClass().getSimpleName())
					.append(": ")
					.append(firstLine(io.getMessage()));
			}
		}
		else if (root instanceof IOException io) {
			description.append(io.getClass().getSimpleName()).append(": ").append(firstLine(io.getMessage()));
		}
		else {
			description.append(root.getClass().getSimpleName());
		}
		return description.toString();
	}

	private static boolean isConnectionLevel(Throwable candidate, boolean underSqlException) {
		if (candidate instanceof SQLTransientConnectionException
				|| candidate instanceof SQLNonTransientConnectionException
				|| candidate instanceof SQLRecoverableException) {
			return true;
		}
		if (candidate instanceof SQLException sql) {
			String state = sql.getSQLState();
			if (state != null && (state.startsWith("08") || POSTGRESQL_CONNECTION_STATES.contains(state))) {
				return true;
			}
			return isHikariConnectionFailure(sql.getMessage());
		}
		if (underSqlException && (candidate instanceof SocketException || candidate instanceof SocketTimeoutException
				|| candidate instanceof EOFException)) {
			return true;
		}
		for (Class<?> type = candidate.getClass(); type != null; type = type.getSuperclass()) {
			if (type.getName().equals(HIBERNATE_CONNECTION_EXCEPTION)) {
				return true;
			}
		}
		return false;
	}

	private static boolean isHikariConnectionFailure(@Nullable String message) {
		if (message == null) {
			return false;
		}
		String text = message.toLowerCase(Locale.ROOT);
		return text.equals("connection is closed") || text.contains("connection is not available");
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "";
		}
		int end = message.indexOf('\n');
		return ((end >= 0) ? message.substring(0, end) : message).strip();
	}

	private record Link(Throwable throwable, boolean underSqlException) {

	}

}
