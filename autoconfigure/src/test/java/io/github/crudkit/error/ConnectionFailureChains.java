package io.github.crudkit.error;

import java.io.EOFException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.function.Supplier;
import java.util.stream.Stream;

import org.hibernate.TransactionException;
import org.hibernate.exception.GenericJDBCException;
import org.hibernate.exception.JDBCConnectionException;
import org.junit.jupiter.params.provider.Arguments;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.postgresql.util.ServerErrorMessage;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;
import org.springframework.transaction.UnexpectedRollbackException;

/**
 * Failures as they reach the error handler when the connection to PostgreSQL breaks,
 * wrapped the way pgjdbc, HikariCP, Hibernate and Spring wrap them, and failures that
 * only look similar.
 */
final class ConnectionFailureChains {

	static final String SELECT = "select count(h1_0.id) from hero h1_0 where 1=1";

	static final String INSERT = "insert into hero (age,name,secret_name,id) values (?,?,?,?)";

	private ConnectionFailureChains() {
	}

	/**
	 * Failures caused by a lost or unusable connection.
	 */
	static Stream<Arguments> connectionFailures() {
		return Stream.of(chain("rollback on a connection HikariCP closed (the reported 500)",
				() -> new JpaSystemException(new TransactionException("Unable to rollback against JDBC Connection",
						new SQLException("Connection is closed", "08003")))),
				chain("rollback on a connection pgjdbc closed, overriding the statement's failure",
						ConnectionFailureChains::rollbackOverridingApplicationException),
				chain("statement on a session the server ended (57P01, seen on a read)",
						() -> new JpaSystemException(new GenericJDBCException(
								"JDBC exception executing SQL [FATAL: terminating connection due to administrator command] ["
										+ SELECT + "]",
								postgres("57P01", "terminating connection due to administrator command"), SELECT))),
				chain("server crashed (57P02)",
						() -> new JpaSystemException(new GenericJDBCException("JDBC exception executing SQL",
								postgres("57P02", "terminating connection because of crash of another server process"),
								SELECT))),
				chain("server starting or stopping (57P03)",
						() -> new CannotCreateTransactionException("Could not open JPA EntityManager for transaction",
								new JDBCConnectionException("Unable to acquire JDBC Connection",
										postgres("57P03", "the database system is shutting down")))),
				chain("commit whose connection was reset",
						() -> new JpaSystemException(new TransactionException(
								"Unable to commit against JDBC Connection",
								new PSQLException("An I/O error occurred while sending to the backend.",
										PSQLState.CONNECTION_FAILURE, new SocketException("Connection reset"))))),
				chain("statement in a partition, past the socket timeout",
						() -> new JpaSystemException(new GenericJDBCException("could not execute statement",
								new PSQLException("An I/O error occurred while sending to the backend.", null,
										new SocketTimeoutException("Read timed out")),
								INSERT))),
				chain("server gone at the end of a message",
						() -> new JpaSystemException(new GenericJDBCException("could not execute statement",
								new SQLException("Unexpected end of stream", (String) null, new EOFException()),
								INSERT))),
				chain("new connection refused", () -> new CannotCreateTransactionException("Could not open connection",
						new PSQLException("Connection to 127.0.0.1:5432 refused.",
								PSQLState.CONNECTION_UNABLE_TO_CONNECT, new ConnectException("Connection refused")))),
				chain("pool timed out waiting for a connection",
						() -> new JpaSystemException(new JDBCConnectionException("Unable to acquire JDBC Connection",
								new SQLTransientConnectionException(
										"HikariPool-1 - Connection is not available, request timed out after 3000ms (total=4, active=4, idle=0, waiting=0)")))),
				chain("batch on a broken connection",
						() -> new JpaSystemException(
								new GenericJDBCException("could not execute batch", batchFailure(), INSERT))),
				chain("transaction marked rollback-only by a lost connection",
						() -> new UnexpectedRollbackException("Transaction silently rolled back",
								new JDBCConnectionException("could not execute statement",
										new PSQLException("This connection has been closed.",
												PSQLState.CONNECTION_DOES_NOT_EXIST)))),
				chain("recoverable connection failure",
						() -> new RecoverableDataAccessException("could not execute statement",
								new SQLRecoverableException("connection lost"))));
	}

	/**
	 * Failures that are not about the connection.
	 */
	static Stream<Arguments> otherFailures() {
		return Stream.of(
				chain("unique violation",
						() -> new DataIntegrityViolationException("could not execute statement",
								postgres("23505", "duplicate key value violates unique constraint \"uk_team_name\""))),
				chain("undefined table",
						() -> new JpaSystemException(new GenericJDBCException("JDBC exception executing SQL",
								postgres("42P01", "relation \"hero\" does not exist"), SELECT))),
				chain("a client that went away while the answer was written",
						() -> new IOException("java.io.IOException: Broken pipe", new SocketException("Broken pipe"))),
				chain("a time-out of something else", () -> new IllegalStateException(new SocketTimeoutException())),
				chain("commit failure of another kind",
						() -> new TransactionSystemException("Could not commit JPA transaction",
								new IllegalStateException("boom"))));
	}

	/**
	 * The statement failed on a broken connection (with assertions enabled, pgjdbc's
	 * batch handler raises an {@link AssertionError} there), and the rollback failed too:
	 * Spring throws the rollback's failure, carrying the statement's.
	 */
	static TransactionSystemException rollbackOverridingApplicationException() {
		TransactionSystemException rollback = new TransactionSystemException("Could not roll back JPA transaction",
				new TransactionException("Unable to rollback against JDBC Connection", new IllegalStateException()));
		rollback.initApplicationException(
				new RuntimeException(new AssertionError("pgStatement.getConnection().getAutoCommit() should not throw",
						new PSQLException("This connection has been closed.", PSQLState.CONNECTION_DOES_NOT_EXIST))));
		return rollback;
	}

	static BatchUpdateException batchFailure() {
		PSQLException cause = new PSQLException("An I/O error occurred while sending to the backend.",
				PSQLState.CONNECTION_FAILURE, new SocketException("Connection reset"));
		BatchUpdateException batch = new BatchUpdateException(
				"Batch entry 0 insert into hero (age,name,secret_name,id) values (('42'::int4),('faults-1'),('SECRET-1'),('7'::int8)) was aborted: An I/O error occurred while sending to the backend.  Call getNextException to see other errors in the batch.",
				"08006", 0, new int[0], cause);
		batch.setNextException(cause);
		return batch;
	}

	static PSQLException postgres(String sqlState, String message) {
		return new PSQLException(new ServerErrorMessage(
				"SFATAL\0VFATAL\0C" + sqlState + "\0M" + message + "\0Wwhile executing " + SELECT + "\0"));
	}

	private static Arguments chain(String name, Supplier<Exception> failure) {
		return Arguments.of(name, failure);
	}

}
