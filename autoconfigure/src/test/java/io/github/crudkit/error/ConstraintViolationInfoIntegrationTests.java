package io.github.crudkit.error;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import io.github.crudkit.error.ConstraintViolationInfo.Kind;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;

import static io.github.crudkit.support.TestDatabase.PASSWORD;
import static io.github.crudkit.support.TestDatabase.URL;
import static io.github.crudkit.support.TestDatabase.USERNAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Provokes real constraint violations on the
 * {@linkplain io.github.crudkit.support.TestDatabase test database}, in a schema of its
 * own that it drops afterwards.
 */
class ConstraintViolationInfoIntegrationTests {

	private static final String SCHEMA = "crudkit_cvi_" + UUID.randomUUID().toString().replace("-", "");

	private static Connection connection;

	@BeforeAll
	static void createSchema() throws SQLException {
		connection = DriverManager.getConnection(URL, USERNAME, PASSWORD);
		execute("create schema " + SCHEMA);
		execute("set search_path to " + SCHEMA);
		execute("create table team (id bigint constraint pk_team primary key)");
		execute("""
				create table thing (
					id bigint constraint pk_thing primary key,
					name varchar(100) not null,
					secret_name varchar(100) not null default 'x',
					age integer,
					team_id bigint,
					code varchar(10),
					constraint uk_thing_name unique (name),
					constraint fk_thing_team_id foreign key (team_id) references team (id),
					constraint ck_thing_age check (age >= 0),
					unique (code)
				)""");
		execute("""
				create table thing_team (
					thing_id bigint not null constraint fk_thing_team_thing_id references thing (id),
					team_id bigint not null constraint fk_thing_team_team_id references team (id),
					constraint uk_thing_team_thing_id_team_id unique (thing_id, team_id)
				)""");
	}

	@AfterAll
	static void dropSchema() throws SQLException {
		if (connection != null) {
			try {
				execute("drop schema if exists " + SCHEMA + " cascade");
			}
			finally {
				connection.close();
			}
		}
	}

	@BeforeEach
	void emptyTables() throws SQLException {
		execute("delete from thing_team");
		execute("delete from thing");
		execute("delete from team");
	}

	@Test
	void uniqueViolationNamesConstraintAndField() throws SQLException {
		execute("insert into thing (id, name) values (1, 'Widget')");
		ConstraintViolationInfo info = violationOf("insert into thing (id, name) values (2, 'Widget')");
		assertThat(info).isEqualTo(new ConstraintViolationInfo(Kind.UNIQUE, "uk_thing_name", "name"));
	}

	@Test
	void foreignKeyViolationOnInsertNamesConstraintAndField() {
		ConstraintViolationInfo info = violationOf("insert into thing (id, name, team_id) values (1, 'Widget', 99)");
		assertThat(info).isEqualTo(new ConstraintViolationInfo(Kind.FOREIGN_KEY, "fk_thing_team_id", "teamId"));
	}

	@Test
	void foreignKeyViolationOnUpdateNamesConstraintAndField() throws SQLException {
		execute("insert into thing (id, name) values (1, 'Widget')");
		ConstraintViolationInfo info = violationOf("update thing set team_id = 99 where id = 1");
		assertThat(info).isEqualTo(new ConstraintViolationInfo(Kind.FOREIGN_KEY, "fk_thing_team_id", "teamId"));
	}

	@Test
	void foreignKeyViolationOnDeleteOfReferencedRowNamesConstraint() throws SQLException {
		execute("insert into team (id) values (1)");
		execute("insert into thing (id, name, team_id) values (1, 'Widget', 1)");
		ConstraintViolationInfo info = violationOf("delete from team where id = 1");
		assertThat(info.kind()).isEqualTo(Kind.FOREIGN_KEY);
		assertThat(info.constraint()).isEqualTo("fk_thing_team_id");
		assertThat(info.field()).isEqualTo("teamId");
	}

	@Test
	void checkViolationNamesConstraintAndField() {
		ConstraintViolationInfo info = violationOf("insert into thing (id, name, age) values (1, 'Widget', -1)");
		assertThat(info).isEqualTo(new ConstraintViolationInfo(Kind.CHECK, "ck_thing_age", "age"));
	}

	@Test
	void notNullViolationNamesFieldByColumn() {
		ConstraintViolationInfo info = violationOf("insert into thing (id, name) values (1, null)");
		assertThat(info).isEqualTo(new ConstraintViolationInfo(Kind.NOT_NULL, null, "name"));
	}

	@Test
	void notNullViolationOfSnakeCaseColumnNamesCamelCaseField() {
		ConstraintViolationInfo info = violationOf(
				"insert into thing (id, name, secret_name) values (1, 'Widget', null)");
		assertThat(info).isEqualTo(new ConstraintViolationInfo(Kind.NOT_NULL, null, "secretName"));
	}

	@Test
	void primaryKeyViolationIsUnique() throws SQLException {
		execute("insert into thing (id, name) values (1, 'Widget')");
		ConstraintViolationInfo info = violationOf("insert into thing (id, name) values (1, 'Gadget')");
		assertThat(info.kind()).isEqualTo(Kind.UNIQUE);
		assertThat(info.constraint()).isEqualTo("pk_thing");
	}

	@Test
	void registryNamesFieldOfConstraintWithDatabaseDefaultName() throws SQLException {
		execute("insert into thing (id, name, code) values (1, 'Widget', 'W1')");
		DataIntegrityViolationException failure = failureOf(
				"insert into thing (id, name, code) values (2, 'Gadget', 'W1')");
		assertThat(ConstraintViolationInfo.of(failure, Map.of("thing_code_key", "code")))
			.isEqualTo(new ConstraintViolationInfo(Kind.UNIQUE, "thing_code_key", "code"));
	}

	@Test
	void uniqueViolationOfConstraintWithDatabaseDefaultNameNamesTheKeysColumn() throws SQLException {
		execute("insert into thing (id, name, code) values (1, 'Widget', 'W1')");
		ConstraintViolationInfo info = violationOf("insert into thing (id, name, code) values (2, 'Gadget', 'W1')");
		assertThat(info).isEqualTo(new ConstraintViolationInfo(Kind.UNIQUE, "thing_code_key", "code"));
	}

	@Test
	void compositeUniqueViolationNamesEachOfItsFields() throws SQLException {
		execute("insert into thing (id, name) values (1, 'Widget')");
		execute("insert into team (id) values (1)");
		execute("insert into thing_team (thing_id, team_id) values (1, 1)");
		ConstraintViolationInfo info = violationOf("insert into thing_team (thing_id, team_id) values (1, 1)");
		assertThat(info.constraint()).isEqualTo("uk_thing_team_thing_id_team_id");
		assertThat(info.fields()).containsExactly("thingId", "teamId");
	}

	@Test
	void keyColumnsAreReadWhenTheDriverKeepsTheServersDetailOutOfItsMessages() throws SQLException {
		try (Connection quiet = DriverManager.getConnection(
				URL + (URL.contains("?") ? "&" : "?") + "logServerErrorDetail=false&currentSchema=" + SCHEMA, USERNAME,
				PASSWORD); Statement statement = quiet.createStatement()) {
			statement.execute("insert into thing (id, name) values (1, 'Widget')");
			statement.execute("insert into team (id) values (1)");
			statement.execute("insert into thing_team (thing_id, team_id) values (1, 1)");
			SQLException ex = catchThrowableOfType(SQLException.class,
					() -> statement.execute("insert into thing_team (thing_id, team_id) values (1, 1)"));
			assertThat(ex.getMessage()).doesNotContain("Key (");
			assertThat(
					ConstraintViolationInfo.of(new DataIntegrityViolationException("duplicate", ex), Map.of()).fields())
				.containsExactly("thingId", "teamId");
		}
	}

	@Test
	void registryWinsOverTheNamingRule() throws SQLException {
		execute("insert into thing (id, name) values (1, 'Widget')");
		DataIntegrityViolationException failure = failureOf("insert into thing (id, name) values (2, 'Widget')");
		assertThat(ConstraintViolationInfo.of(failure, Map.of("uk_thing_name", "title")).field()).isEqualTo("title");
	}

	private static ConstraintViolationInfo violationOf(String sql) {
		return ConstraintViolationInfo.of(failureOf(sql), Map.of());
	}

	private static DataIntegrityViolationException failureOf(String sql) {
		SQLException ex = catchThrowableOfType(SQLException.class, () -> execute(sql));
		assertThat((Throwable) ex).as("'%s' must violate a constraint", sql).isNotNull();
		return new DataIntegrityViolationException("could not execute statement [" + sql + "]", ex);
	}

	private static void execute(String sql) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			statement.execute(sql);
		}
	}

}
