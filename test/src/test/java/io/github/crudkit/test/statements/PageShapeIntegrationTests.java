package io.github.crudkit.test.statements;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.github.crudkit.statements.ExecutedStatement;
import io.github.crudkit.statements.UnitOfWorkStatistics;
import io.github.crudkit.test.postgres.TestDatabase;
import io.github.crudkit.test.postgres.TestPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * The page-shape check on a real PostgreSQL: a page that joins first and skips afterwards
 * fails it, the same page cut on its root table first passes.
 */
class PageShapeIntegrationTests {

	private static final String JOIN_FIRST = "select h.id, h.name, t.name from hero h left join team t on t.id = h.team_id "
			+ "order by h.id offset ? rows fetch first ? rows only";

	private static final String ID_FIRST = "select h.id, h.name, t.name from hero h left join team t on t.id = h.team_id "
			+ "where h.id in (select c.id from hero c order by c.id offset ? rows fetch first ? rows only) order by h.id";

	private TestDatabase database;

	private PageShape shape;

	@BeforeEach
	void seed() throws SQLException {
		this.database = TestPostgres.server().createDatabase();
		try (Connection connection = this.database.connect(); Statement statement = connection.createStatement()) {
			statement.execute("create table team (id bigint primary key, name text not null)");
			statement.execute("create table hero (id bigint primary key, name text not null, team_id bigint)");
			statement.execute("insert into team select n, 'Team ' || n from generate_series(1, 100) n");
			statement.execute("insert into hero select n, 'Hero ' || n, 1 + n % 100 from generate_series(1, 10000) n");
			statement.execute("vacuum analyze");
		}
		this.shape = PageShape.of(new DriverManagerDataSource(this.database.jdbcUrl(), this.database.username(),
				this.database.password()));
	}

	@AfterEach
	void drop() {
		TestPostgres.server().dropDatabase(this.database);
	}

	@Test
	void aPageThatJoinsBeforeItSkipsFails() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> this.shape.assertDoesNotGrowWithDepth(page(JOIN_FIRST, 0), page(JOIN_FIRST, 5000)))
			.withMessageContaining("joins rows in proportion to its depth")
			.withMessageContaining("ProjectionReader.findPage");
	}

	@Test
	void aPageCutOnItsRootTableFirstPasses() {
		assertThatNoException()
			.isThrownBy(() -> this.shape.assertDoesNotGrowWithDepth(page(ID_FIRST, 0), page(ID_FIRST, 5000)));
		assertThat(this.shape.explain(new ExecutedStatement(ID_FIRST, List.of(5000, 20))).rowsJoined())
			.isLessThanOrEqualTo(50);
	}

	@Test
	void aRequestWithoutCapturedStatementsIsRefusedWithTheRemedy() {
		UnitOfWorkStatistics uncaptured = new UnitOfWorkStatistics("GET /heroes", 1, 1, 0, 0, 0, 0, Map.of(),
				List.of());
		assertThatExceptionOfType(AssertionError.class).isThrownBy(() -> PageShape.pageQueryOf(uncaptured))
			.withMessageContaining("captureParameters(true)");
	}

	private static UnitOfWorkStatistics page(String sql, int offset) {
		return new UnitOfWorkStatistics("GET /heroes", 2, 2, 0, 0, 0, 0, Map.of(), List.of(), "GET /heroes",
				Duration.ZERO, List.of(new ExecutedStatement(sql, List.of(offset, 20)),
						new ExecutedStatement("select count(*) from hero", List.of())));
	}

}
