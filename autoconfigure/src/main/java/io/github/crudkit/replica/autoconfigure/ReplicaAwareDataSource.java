package io.github.crudkit.replica.autoconfigure;

import java.io.Closeable;
import java.sql.Connection;
import java.sql.SQLException;

import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;

/**
 * The application's data source when replicas are configured: Spring's
 * {@link LazyConnectionDataSourceProxy}, so that a transaction takes its physical
 * connection at its first statement, when its read-only flag is known, over the
 * {@link ReplicaRoutingDataSource} that chooses the server. Closing it closes every pool.
 */
final class ReplicaAwareDataSource extends LazyConnectionDataSourceProxy implements Closeable {

	private final ReplicaRoutingDataSource routing;

	ReplicaAwareDataSource(ReplicaRoutingDataSource routing) {
		super(routing);
		this.routing = routing;
	}

	ReplicaRoutingDataSource routing() {
		return this.routing;
	}

	/**
	 * Learn the connections' default auto-commit and isolation from the primary, not
	 * through the routing: the first connection may be asked for inside read-only work,
	 * and that would count as a read.
	 */
	@Override
	public void checkDefaultConnectionProperties() {
		if (defaultAutoCommit() == null || defaultTransactionIsolation() == null) {
			try (Connection connection = this.routing.primary().getConnection()) {
				checkDefaultConnectionProperties(connection);
			}
			catch (SQLException ex) {
				// As Spring's own: the first transaction that needs them tries again.
			}
		}
	}

	@Override
	public void close() {
		this.routing.close();
	}

	@Override
	public String toString() {
		return "ReplicaAwareDataSource[" + this.routing + "]";
	}

}
