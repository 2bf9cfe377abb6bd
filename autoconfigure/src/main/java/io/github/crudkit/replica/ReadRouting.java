package io.github.crudkit.replica;

import java.util.function.Consumer;
import java.util.function.Supplier;

import io.github.crudkit.error.ConnectionFailures;
import org.jspecify.annotations.Nullable;

import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Says, for the current thread, where the connections it opens may go when read replicas
 * are configured ({@code crudkit.replica.url}): read-only transactions and the work
 * passed to {@link #readOnly(Supplier)} may go to a replica, everything else goes to the
 * primary. Without replicas these calls only run the work.
 * <p>
 * A {@linkplain #session(WalPosition, Consumer) session} carries a client's
 * read-your-writes position: a replica serves its reads only once it has replayed that
 * far, and the position of each write the session commits is handed to it. crudkit's
 * servlet filter opens one per request from the {@code Crudkit-Read-After} header; code
 * that serves clients by other means (a message listener, say) can do the same.
 *
 * @since 0.1.0
 */
public final class ReadRouting {

	/**
	 * The header that carries a client's read-your-writes position, unless
	 * {@code crudkit.replica.header} names another: in each answer, where the primary's
	 * log stood after the request's last write; in a request, the position its reads must
	 * see.
	 */
	public static final String DEFAULT_HEADER = "Crudkit-Read-After";

	private static final ThreadLocal<State> STATE = ThreadLocal.withInitial(State::new);

	private ReadRouting() {
	}

	/**
	 * Run work that only reads, outside any transaction, so that the connections it opens
	 * may go to a replica. Should the replica's connection fail, the replica is taken out
	 * of rotation and the work runs once more, on the primary: work passed here must
	 * therefore only read. Inside a transaction the transaction decides: a read-only one
	 * may use a replica, any other uses the primary.
	 * @param <T> the result type
	 * @param reads the work
	 * @return its result
	 */
	public static <T> T readOnly(Supplier<T> reads) {
		State state = STATE.get();
		if (state.readOnly || state.primary) {
			return reads.get();
		}
		Runnable outerServed = state.replicaServed;
		state.readOnly = true;
		state.replicaServed = null;
		try {
			return reads.get();
		}
		catch (RuntimeException ex) {
			Runnable served = state.replicaServed;
			if (served == null || TransactionSynchronizationManager.isActualTransactionActive()
					|| !ConnectionFailures.isConnectionFailure(ex)) {
				throw ex;
			}
			served.run();
			state.readOnly = false;
			state.primary = true;
			try {
				return reads.get();
			}
			finally {
				state.primary = false;
			}
		}
		finally {
			state.readOnly = false;
			state.replicaServed = outerServed;
		}
	}

	/**
	 * Run work whose reads must see everything committed so far, on the primary, even
	 * where a replica would otherwise serve them.
	 * @param <T> the result type
	 * @param work the work
	 * @return its result
	 */
	public static <T> T onPrimary(Supplier<T> work) {
		State state = STATE.get();
		boolean outer = state.primary;
		state.primary = true;
		try {
			return work.get();
		}
		finally {
			state.primary = outer;
		}
	}

	/**
	 * Open a read-your-writes session on the current thread until the returned scope is
	 * closed: its reads go to a replica only once the replica has replayed {@code after},
	 * and {@code written} receives the position at which each of its transactions that
	 * wrote ended, once it has committed.
	 * @param after the position the client's reads must see, or {@code null} for none
	 * @param written receives the position of each committed write
	 * @return the scope to close when the session's work is done
	 */
	public static Scope session(@Nullable WalPosition after, Consumer<WalPosition> written) {
		State state = STATE.get();
		@Nullable WalPosition outerAfter = state.after;
		@Nullable Consumer<WalPosition> outerWritten = state.written;
		state.after = after;
		state.written = written;
		return () -> {
			state.after = outerAfter;
			state.written = outerWritten;
		};
	}

	/**
	 * Return whether the current thread runs {@link #readOnly(Supplier) read-only work}
	 * outside {@link #onPrimary(Supplier)}.
	 * @return whether its connections may go to a replica
	 */
	public static boolean isReadOnly() {
		State state = STATE.get();
		return state.readOnly && !state.primary;
	}

	/**
	 * Return whether the current thread's work must run on the primary.
	 * @return whether it runs in {@link #onPrimary(Supplier)}
	 */
	public static boolean isPrimaryRequired() {
		return STATE.get().primary;
	}

	/**
	 * Return the position that the current session's reads must see.
	 * @return the position, or {@code null} outside a session or without one
	 */
	public static @Nullable WalPosition requiredPosition() {
		return STATE.get().after;
	}

	/**
	 * Return whether a session wants to know where the current thread's writes end.
	 * @return whether there is a session to tell
	 */
	public static boolean wantsWritePositions() {
		return STATE.get().written != null;
	}

	/**
	 * Tell the current session where one of its writes ended; for the routing data
	 * source, after a commit.
	 * @param position the primary's position after the commit
	 */
	public static void written(WalPosition position) {
		Consumer<WalPosition> written = STATE.get().written;
		if (written != null) {
			written.accept(position);
		}
	}

	/**
	 * Note that a replica serves the current {@link #readOnly(Supplier) read-only work};
	 * for the routing data source.
	 * @param onFailure what to do, once, if the work then fails for a lost connection:
	 * typically take the replica out of rotation
	 */
	public static void replicaServed(Runnable onFailure) {
		State state = STATE.get();
		if (state.readOnly) {
			state.replicaServed = onFailure;
		}
	}

	/**
	 * The end of a {@link ReadRouting#session(WalPosition, Consumer) session}.
	 */
	@FunctionalInterface
	public interface Scope extends AutoCloseable {

		/**
		 * End the session, restoring the one it was opened in, if any.
		 */
		@Override
		void close();

	}

	private static final class State {

		private boolean readOnly;

		private boolean primary;

		private @Nullable Runnable replicaServed;

		private @Nullable WalPosition after;

		private @Nullable Consumer<WalPosition> written;

	}

}
