package io.github.crudkit.error;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import io.github.crudkit.error.ConstraintViolationInfo.Kind;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import org.springframework.dao.DataIntegrityViolationException;

import static org.assertj.core.api.Assertions.assertThat;

class ConstraintViolationInfoTests {

	@Test
	void fieldFromNameStripsPrefixAndTable() {
		assertThat(ConstraintViolationInfo.fieldFromName("uk_team_name", "team")).isEqualTo("name");
	}

	@Test
	void fieldFromNameTurnsMultiWordColumnIntoCamelCase() {
		assertThat(ConstraintViolationInfo.fieldFromName("fk_hero_team_id", "hero")).isEqualTo("teamId");
	}

	@Test
	void fieldFromNameStripsTableWhoseNameHasUnderscores() {
		assertThat(ConstraintViolationInfo.fieldFromName("uk_hero_power_name", "hero_power")).isEqualTo("name");
	}

	@Test
	void fieldFromNameWithoutTableTakesWhatFollowsTheSecondSegment() {
		assertThat(ConstraintViolationInfo.fieldFromName("uk_team_name", null)).isEqualTo("name");
		assertThat(ConstraintViolationInfo.fieldFromName("fk_hero_team_id", null)).isEqualTo("teamId");
		assertThat(ConstraintViolationInfo.fieldFromName("ck_hero_age", null)).isEqualTo("age");
	}

	@Test
	void fieldFromNameFallsBackToSecondSegmentWhenTableDoesNotMatch() {
		assertThat(ConstraintViolationInfo.fieldFromName("uk_team_name", "hero")).isEqualTo("name");
		assertThat(ConstraintViolationInfo.fieldFromName("uk_teams_name", "team")).isEqualTo("name");
	}

	@Test
	void fieldFromNameWithoutUnderscoreIsNull() {
		assertThat(ConstraintViolationInfo.fieldFromName("teamname", "team")).isNull();
		assertThat(ConstraintViolationInfo.fieldFromName("teamname", null)).isNull();
	}

	@Test
	void fieldFromNameWithoutColumnPartIsNull() {
		assertThat(ConstraintViolationInfo.fieldFromName("pk_team", "team")).isNull();
		assertThat(ConstraintViolationInfo.fieldFromName("pk_team", null)).isNull();
		assertThat(ConstraintViolationInfo.fieldFromName("pk_team_", null)).isNull();
		assertThat(ConstraintViolationInfo.fieldFromName("uk_team_", "team")).isNull();
	}

	@Test
	void fieldFromNameOfDatabaseDefaultNameIsNull() {
		assertThat(ConstraintViolationInfo.fieldFromName("thing_code_key", "thing")).isNull();
		assertThat(ConstraintViolationInfo.fieldFromName("thing_team_id_fkey", "thing")).isNull();
		assertThat(ConstraintViolationInfo.fieldFromName("thing_age_check", "thing")).isNull();
	}

	@ParameterizedTest
	@CsvSource({ "name, name", "team_id, teamId", "created_at, createdAt", "TEAM_ID, teamId", "Team_Id, teamId",
			"_name, name", "secret__name, secretName", "name_, name", "a_b_c, aBC" })
	void camelCaseTurnsSnakeCaseColumnIntoField(String column, String field) {
		assertThat(ConstraintViolationInfo.camelCase(column)).isEqualTo(field);
	}

	@Test
	void uniqueViolationIsRecognisedBySqlState() {
		assertThat(ConstraintViolationInfo.of(violation(new SQLException("x", "23505")), Map.of()))
			.isEqualTo(new ConstraintViolationInfo(Kind.UNIQUE, null, List.of()));
	}

	@Test
	void foreignKeyViolationIsRecognisedBySqlState() {
		assertThat(ConstraintViolationInfo.of(violation(new SQLException("x", "23503")), Map.of()).kind())
			.isEqualTo(Kind.FOREIGN_KEY);
	}

	@Test
	void checkViolationIsRecognisedBySqlState() {
		assertThat(ConstraintViolationInfo.of(violation(new SQLException("x", "23514")), Map.of()).kind())
			.isEqualTo(Kind.CHECK);
	}

	@Test
	void notNullViolationIsRecognisedBySqlState() {
		assertThat(ConstraintViolationInfo.of(violation(new SQLException("x", "23502")), Map.of()).kind())
			.isEqualTo(Kind.NOT_NULL);
	}

	@Test
	void otherSqlStateIsOther() {
		assertThat(ConstraintViolationInfo.of(violation(new SQLException("x", "23000")), Map.of()).kind())
			.isEqualTo(Kind.OTHER);
		assertThat(ConstraintViolationInfo.of(violation(new SQLException("x", "40001")), Map.of()).kind())
			.isEqualTo(Kind.OTHER);
	}

	@Test
	void failureWithoutSqlExceptionIsOther() {
		assertThat(ConstraintViolationInfo.of(new DataIntegrityViolationException("x"), Map.of()))
			.isEqualTo(new ConstraintViolationInfo(Kind.OTHER, null, List.of()));
		assertThat(ConstraintViolationInfo.of(new IllegalStateException("x"), Map.of()).kind()).isEqualTo(Kind.OTHER);
	}

	@Test
	void sqlExceptionWithoutSqlStateIsSkippedForOneDeeperThatHasIt() {
		SQLException inner = new SQLException("inner", "23505");
		SQLException outer = new SQLException("outer", null, inner);
		assertThat(ConstraintViolationInfo.of(violation(outer), Map.of()).kind()).isEqualTo(Kind.UNIQUE);
	}

	@Test
	void sqlExceptionDeepInTheCauseChainIsFound() {
		DataIntegrityViolationException failure = new DataIntegrityViolationException("outer",
				new RuntimeException("hibernate", new SQLException("x", "23503")));
		assertThat(ConstraintViolationInfo.of(failure, Map.of()).kind()).isEqualTo(Kind.FOREIGN_KEY);
	}

	@Test
	void plainSqlExceptionNamesNeitherConstraintNorField() {
		ConstraintViolationInfo info = ConstraintViolationInfo.of(violation(new SQLException("x", "23505")),
				Map.of("uk_team_name", "name"));
		assertThat(info.constraint()).isNull();
		assertThat(info.field()).isNull();
	}

	@Test
	void postgresqlUniqueViolationNamesConstraintAndFieldByTheRule() {
		ConstraintViolationInfo info = ConstraintViolationInfo.of(postgres("23505", "uk_team_name", "team", null),
				Map.of());
		assertThat(info).isEqualTo(new ConstraintViolationInfo(Kind.UNIQUE, "uk_team_name", "name"));
	}

	@Test
	void postgresqlForeignKeyViolationNamesConstraintAndFieldByTheRule() {
		ConstraintViolationInfo info = ConstraintViolationInfo.of(postgres("23503", "fk_hero_team_id", "hero", null),
				Map.of());
		assertThat(info).isEqualTo(new ConstraintViolationInfo(Kind.FOREIGN_KEY, "fk_hero_team_id", "teamId"));
	}

	@Test
	void postgresqlNotNullViolationNamesFieldByColumn() {
		ConstraintViolationInfo info = ConstraintViolationInfo.of(postgres("23502", null, "hero", "secret_name"),
				Map.of());
		assertThat(info).isEqualTo(new ConstraintViolationInfo(Kind.NOT_NULL, null, "secretName"));
	}

	@Test
	void columnWinsOverTheConstraintNamingRule() {
		ConstraintViolationInfo info = ConstraintViolationInfo.of(postgres("23514", "ck_hero_age", "hero", "years"),
				Map.of());
		assertThat(info.field()).isEqualTo("years");
	}

	@Test
	void registryWinsOverTheNamingRule() {
		ConstraintViolationInfo info = ConstraintViolationInfo.of(postgres("23505", "uk_team_name", "team", null),
				Map.of("uk_team_name", "title"));
		assertThat(info).isEqualTo(new ConstraintViolationInfo(Kind.UNIQUE, "uk_team_name", "title"));
	}

	@Test
	void registryWinsOverTheColumn() {
		ConstraintViolationInfo info = ConstraintViolationInfo.of(postgres("23514", "ck_hero_age", "hero", "age"),
				Map.of("ck_hero_age", "yearsOld"));
		assertThat(info.field()).isEqualTo("yearsOld");
	}

	@Test
	void registryNamesFieldOfConstraintThatBreaksTheNamingRule() {
		assertThat(ConstraintViolationInfo.of(postgres("23505", "teamname", "team", null), Map.of()).field()).isNull();
		assertThat(ConstraintViolationInfo.of(postgres("23505", "teamname", "team", null), Map.of("teamname", "name"))
			.field()).isEqualTo("name");
	}

	@Test
	void registryEntriesForOtherConstraintsAreIgnored() {
		ConstraintViolationInfo info = ConstraintViolationInfo.of(postgres("23505", "uk_team_name", "team", null),
				Map.of("uk_hero_name", "title"));
		assertThat(info.field()).isEqualTo("name");
	}

	private static DataIntegrityViolationException violation(SQLException cause) {
		return new DataIntegrityViolationException("could not execute statement", cause);
	}

	@Test
	void keyColumnsOfTheServersDetailNameEveryFieldOfACompositeConstraint() {
		ConstraintViolationInfo info = ConstraintViolationInfo.of(postgres("23505", "uk_book_tag_book_id_tag_id",
				"book_tag", null, "Key (book_id, tag_id)=(1, 2) already exists."), Map.of());
		assertThat(info.fields()).containsExactly("bookId", "tagId");
		assertThat(info.field()).isNull();
	}

	@Test
	void keyOfAnExpressionFallsBackToTheNamingRule() {
		ConstraintViolationInfo info = ConstraintViolationInfo.of(
				postgres("23505", "uk_team_name", "team", null, "Key (lower(name::text))=(avengers) already exists."),
				Map.of());
		assertThat(info.fields()).containsExactly("name");
	}

	@Test
	void constraintFieldsNameSeveralFieldsSeparatedByCommas() {
		ConstraintViolationInfo info = ConstraintViolationInfo.of(postgres("23505", "book_tag_pair", "book_tag", null),
				Map.of("book_tag_pair", "bookId, tagId"));
		assertThat(info.fields()).containsExactly("bookId", "tagId");
	}

	@Test
	void onlyTheKeysColumnsAreReadNeverItsValues() {
		assertThat(ConstraintViolationInfo.keyColumns("Key (name)=(SECRET-1) already exists.")).containsExactly("name");
		assertThat(ConstraintViolationInfo.keyColumns("Failing row contains (1, SECRET-1).")).isEmpty();
		assertThat(ConstraintViolationInfo.keyColumns(null)).isEmpty();
	}

	static DataIntegrityViolationException postgres(String sqlState, @Nullable String constraint, String table,
			@Nullable String column) {
		return postgres(sqlState, constraint, table, column, null);
	}

	static DataIntegrityViolationException postgres(String sqlState, @Nullable String constraint, String table,
			@Nullable String column, @Nullable String detail) {
		StringBuilder fields = new StringBuilder("SERROR\0C").append(sqlState)
			.append("\0Mviolation\0t")
			.append(table)
			.append('\0');
		if (constraint != null) {
			fields.append('n').append(constraint).append('\0');
		}
		if (column != null) {
			fields.append('c').append(column).append('\0');
		}
		if (detail != null) {
			fields.append('D').append(detail).append('\0');
		}
		return violation(new PSQLException(new ServerErrorMessage(fields.toString())));
	}

}
