package io.github.crudkit.statements;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class StatementKindTests {

	@ParameterizedTest
	@CsvSource(delimiter = '|',
			value = { "select 1|SELECT", "  SELECT * from t|SELECT", "with x as (select 1) select * from x|SELECT",
					"/* hint */ select 1|SELECT", "-- note\\nselect 1|SELECT", "(select 1) union (select 2)|SELECT",
					"insert into t values (1)|INSERT", "update t set a = 1|UPDATE", "DELETE from t|DELETE",
					"call p()|OTHER", "create table t (id int)|OTHER", "''|OTHER" })
	void classifiesByTheFirstKeyword(String sql, StatementKind expected) {
		assertThat(StatementKind.of(sql.replace("\\n", "\n"))).isEqualTo(expected);
	}

}
