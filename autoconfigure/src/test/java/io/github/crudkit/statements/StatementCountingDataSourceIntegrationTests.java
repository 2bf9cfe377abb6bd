package io.github.crudkit.statements;

import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.Map;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;

import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static io.github.crudkit.support.TestDatabase.PASSWORD;
import static io.github.crudkit.support.TestDatabase.URL;
import static io.github.crudkit.support.TestDatabase.USERNAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Runs statements through a {@link StatementCountingDataSource} on the
 * {@linkplain io.github.crudkit.support.TestDatabase test database}; the tables are
 * temporary.
 */
class StatementCountingDataSourceIntegrationTests {

	private final StatementTracker tracker = new StatementTracker(StatementTracker.Mode.FAIL, 3,
			AssociationResolver.NONE);

	private final StatementCountingDataSource dataSource = new StatementCountingDataSource(
			new SimpleDriverDataSource(new org.postgresql.Driver(), URL, USERNAME, PASSWORD), this.tracker);

	private StatementRecorder recorder;

	@BeforeEach
	void record() {
		this.recorder = StatementRecorder.start(this.tracker);
	}

	@AfterEach
	void stop() {
		this.recorder.close();
	}

	@Test
	void countsPreparedAndPlainStatementsWithTheirSql() throws SQLException {
		try (StatementTracker.Scope scope = this.tracker.begin("job");
				Connection connection = this.dataSource.getConnection()) {
			try (PreparedStatement statement = connection.prepareStatement("select ?::int + 1")) {
				statement.setInt(1, 41);
				try (ResultSet rows = statement.executeQuery()) {
					assertThat(rows.next()).isTrue();
					assertThat(rows.getInt(1)).isEqualTo(42);
				}
				assertThat(statement.getConnection()).isSameAs(connection);
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("select 1");
				statement.executeUpdate("create temporary table counted (id int)");
			}
		}
		UnitOfWorkStatistics unit = this.recorder.single();
		assertThat(unit.statements()).isEqualTo(3);
		assertThat(unit.selects()).isEqualTo(2);
		assertThat(unit.batches()).isZero();
		assertThat(unit.bySql())
			.isEqualTo(Map.of("select ?::int + 1", 1, "select 1", 1, "create temporary table counted (id int)", 1));
	}

	@Test
	void countsAPreparedBatchOnceWhateverItsRows() throws SQLException {
		try (StatementTracker.Scope scope = this.tracker.begin("job");
				Connection connection = this.dataSource.getConnection()) {
			try (Statement statement = connection.createStatement()) {
				statement.execute("create temporary table item (id int primary key)");
			}
			try (PreparedStatement statement = connection.prepareStatement("insert into item (id) values (?)")) {
				for (int id = 1; id <= 1000; id++) {
					statement.setInt(1, id);
					statement.addBatch();
				}
				assertThat(statement.executeBatch()).hasSize(1000);
			}
			try (Statement statement = connection.createStatement()) {
				statement.addBatch("insert into item (id) values (1001)");
				statement.addBatch("delete from item where id = 1");
				statement.executeBatch();
				try (ResultSet rows = statement.executeQuery("select count(*) from item")) {
					rows.next();
					assertThat(rows.getInt(1)).isEqualTo(1000);
				}
			}
		}
		UnitOfWorkStatistics unit = this.recorder.single();
		assertThat(unit.statements()).isEqualTo(5);
		assertThat(unit.inserts()).isEqualTo(2);
		assertThat(unit.deletes()).isEqualTo(1);
		assertThat(unit.batches()).isEqualTo(3);
	}

	@Test
	void countsCallableStatements() throws SQLException {
		try (StatementTracker.Scope scope = this.tracker.begin("job");
				Connection connection = this.dataSource.getConnection();
				CallableStatement call = connection.prepareCall("{? = call lower(?)}")) {
			call.registerOutParameter(1, Types.VARCHAR);
			call.setString(2, "HERO");
			call.execute();
			assertThat(call.getString(1)).isEqualTo("hero");
		}
		assertThat(this.recorder.single().statements()).isEqualTo(1);
	}

	@Test
	void aFailingStatementIsCountedAndItsExceptionPassesUnchanged() throws SQLException {
		try (StatementTracker.Scope scope = this.tracker.begin("job");
				Connection connection = this.dataSource.getConnection();
				Statement statement = connection.createStatement()) {
			assertThatExceptionOfType(SQLException.class).isThrownBy(() -> statement.execute("select 1/0"))
				.satisfies((ex) -> assertThat(ex.getSQLState()).isEqualTo("22012"));
		}
		assertThat(this.recorder.single().statements()).isEqualTo(1);
	}

	@Test
	void findsAnNPlusOneThroughJdbc() throws SQLException {
		try (StatementTracker.Scope scope = this.tracker.begin("job");
				Connection connection = this.dataSource.getConnection()) {
			for (int id = 1; id < 3; id++) {
				try (PreparedStatement statement = connection.prepareStatement("select ? where 1 = ?")) {
					statement.setInt(1, id);
					statement.setInt(2, 1);
					statement.executeQuery().close();
				}
			}
			try (PreparedStatement statement = connection.prepareStatement("select ? where 1 = ?")) {
				statement.setInt(1, 3);
				statement.setInt(2, 1);
				assertThatExceptionOfType(NPlusOneException.class).isThrownBy(statement::executeQuery);
			}
		}
	}

	@Test
	void proxiesBehaveAsObjectsAndUnwrapToTheDriver() throws SQLException {
		try (Connection connection = this.dataSource.getConnection();
				Connection other = this.dataSource.getConnection()) {
			assertThat(connection).isEqualTo(connection).isNotEqualTo(other);
			assertThat(connection.hashCode()).isEqualTo(System.identityHashCode(connection));
			assertThat(connection.toString()).startsWith("counted ");
			assertThat(connection.isWrapperFor(PGConnection.class)).isTrue();
			assertThat(connection.unwrap(PGConnection.class)).isNotNull();
		}
		assertThat(this.recorder.units()).isEmpty();
	}

	@Test
	void closingItClosesThePoolItWraps() throws Exception {
		HikariDataSource pool = new HikariDataSource();
		pool.setJdbcUrl(URL);
		pool.setUsername(USERNAME);
		pool.setPassword(PASSWORD);
		pool.setMaximumPoolSize(1);
		StatementCountingDataSource counted = new StatementCountingDataSource(pool, this.tracker);
		try (Connection connection = counted.getConnection()) {
			assertThat(connection.isValid(1)).isTrue();
		}
		assertThat(counted.isWrapperFor(HikariDataSource.class)).isTrue();
		counted.close();
		assertThat(pool.isClosed()).isTrue();
	}

}
