package io.github.crudkit.sample.hero;

import java.util.List;

import io.github.crudkit.sample.support.SampleIntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@code name} filter is served by the trigram index at scale: with 50,000 heroes the
 * planner reads {@code ix_hero_name_trgm} instead of scanning the table. The names are
 * pseudo-random letters, as selective as real names (hex strings would not be: their
 * 16-letter alphabet makes every trigram common). The plan is printed so it can be quoted
 * in the docs.
 */
@SampleIntegrationTest
@TestPropertySource(properties = "crudkit.test.context=name-index")
class HeroNameIndexIntegrationTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void nameFilterUsesTheTrigramIndex() {
		this.jdbc.sql("""
				insert into hero (id, name, secret_name, age)
				select nextval('hero_seq'),
				       (select string_agg(chr(97 + ((n * 7919 + i * 104729 + (n % 13) * i * i) % 26)), '')
				        from generate_series(1, 10 + n % 7) i),
				       'SECRET-seed', n % 100
				from generate_series(1, 50000) n""").update();
		this.jdbc.sql("analyze hero").update();

		List<String> plan = this.jdbc
			.sql("explain select h.id, h.name from hero h where lower(h.name) like '%qxwk%' escape '\\' "
					+ "order by h.id limit 20")
			.query(String.class)
			.list();
		System.out.println("EXPLAIN of the name filter on 50,000 heroes:\n  " + String.join("\n  ", plan));

		assertThat(plan).anySatisfy((line) -> assertThat(line).contains("ix_hero_name_trgm"));
		assertThat(plan).noneSatisfy((line) -> assertThat(line).contains("Seq Scan on hero"));
	}

}
