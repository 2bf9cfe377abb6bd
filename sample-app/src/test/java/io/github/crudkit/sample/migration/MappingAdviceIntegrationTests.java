package io.github.crudkit.sample.migration;

import java.util.Map;

import io.github.crudkit.advisor.Advice;
import io.github.crudkit.advisor.AdviceCode;
import io.github.crudkit.advisor.MappingAdvisor;
import io.github.crudkit.sample.hero.Hero;
import io.github.crudkit.sample.hero.HeroRepository;
import io.github.crudkit.sample.support.SampleIntegrationTest;
import io.github.crudkit.test.advisor.AdvisorAssertions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sample's entities and repositories give crudkit's JPA mapping advisor nothing to
 * report: lazy to-one associations, sequence ids allocated as the sequences increment,
 * versions and timestamps from {@code BaseEntity}, no unbounded reads of a paged entity.
 */
@SampleIntegrationTest
class MappingAdviceIntegrationTests {

	@Autowired
	ApplicationContext context;

	@Test
	void theAdvisorFindsNothing() {
		AdvisorAssertions.assertNoMappingAdvice(this.context);
	}

	@Test
	void theAdvisorReadsTheSampleAndItsRepositories() {
		// Guards the check itself: the advisor sees the sample's entities, and would
		// report an unbounded read of heroes if the sample paged them through the
		// repository.
		assertThat(MappingAdvisor.of(this.context).withRepositories(Map.of(PagedHeroes.class, Hero.class)).advise())
			.extracting(Advice::code)
			.containsExactly(AdviceCode.UNBOUNDED_LIST);
	}

	interface PagedHeroes extends HeroRepository {

		Page<Hero> findByName(String name, Pageable pageable);

	}

}
