package io.github.crudkit.sample.query;

import java.util.List;
import java.util.Map;

import io.github.crudkit.query.FetchJoins;
import io.github.crudkit.sample.hero.Hero;
import io.github.crudkit.sample.support.Api;
import io.github.crudkit.sample.support.SampleIntegrationTest;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.Hibernate;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.data.jpa.repository.support.SimpleJpaRepository;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Proves that reads keep their translated query plans: the sample's id-first projection
 * pages are translated once and reused for other values and pages; a
 * {@link Specification} with {@link FetchJoins} is translated once and reused for other
 * parameter values, loads the team in the same statement, and still counts the rows.
 */
@SampleIntegrationTest
class QueryPlanCacheIntegrationTests {

	@Autowired
	private EntityManager entityManager;

	@Autowired
	private EntityManagerFactory entityManagerFactory;

	@Autowired
	private TransactionTemplate transactions;

	@Autowired
	private Api api;

	private long team;

	@BeforeEach
	void setUp() {
		this.team = this.api.post("/api/teams", Map.of("name", Api.unique("Cached"))).id();
		for (int i = 0; i < 3; i++) {
			this.api.post("/api/heroes",
					Map.of("name", "Planned " + i, "secretName", Api.secret(), "age", 40 + i, "teamId", this.team));
		}
	}

	@Test
	void aSpecificationWithFetchJoinsIsTranslatedOnceAndReused() {
		QueryInterpretationCache cache = this.entityManagerFactory.unwrap(SessionFactoryImplementor.class)
			.getQueryEngine()
			.getInterpretationCache();
		// An order that no other read of the sample uses, so that its plan is new to the
		// cache.
		PageRequest page = PageRequest.of(0, 2, Sort.by(Sort.Order.desc("age"), Sort.Order.asc("name"),
				Sort.Order.desc("createdAt"), Sort.Order.asc("id")));

		int before = cache.getNumberOfCachedQueryPlans();
		Page<Hero> first = read("Planned", page);
		int afterFirst = cache.getNumberOfCachedQueryPlans();
		for (String name : List.of("Planned 0", "planned 1", "PLANNED", "nobody")) {
			read(name, page);
		}

		assertThat(afterFirst).as("the first read caches its plan").isGreaterThan(before);
		assertThat(cache.getNumberOfCachedQueryPlans()).as("later reads with other values reuse it")
			.isEqualTo(afterFirst);
		assertThat(first.getTotalElements()).as("the count query runs without the fetch join").isEqualTo(3);
		assertThat(first.getContent()).extracting(Hero::getName).containsExactly("Planned 2", "Planned 1");
	}

	@Test
	void anIdFirstProjectionPageIsTranslatedOnceAndReused() {
		QueryInterpretationCache cache = this.entityManagerFactory.unwrap(SessionFactoryImplementor.class)
			.getQueryEngine()
			.getInterpretationCache();
		// An order that no other read of the sample uses, so that its plan is new to the
		// cache.
		String order = "&sort=age,desc&sort=createdAt,desc&sort=name&size=2";

		int before = cache.getNumberOfCachedQueryPlans();
		JsonNode first = this.api.get("/api/heroes?name=Planned&teamId=" + this.team + order).json();
		int afterFirst = cache.getNumberOfCachedQueryPlans();
		for (String name : List.of("Planned 0", "planned 1", "PLANNED", "nobody")) {
			for (int page = 0; page < 3; page++) {
				this.api.get("/api/heroes?name=" + name.replace(' ', '+') + "&teamId=" + this.team + "&page=" + page
						+ order);
			}
		}

		assertThat(afterFirst).as("the first read caches its plans").isGreaterThan(before);
		assertThat(cache.getNumberOfCachedQueryPlans()).as("later reads with other values and pages reuse them")
			.isEqualTo(afterFirst);
		assertThat(first.get("page").get("totalElements").asLong()).isEqualTo(3);
		assertThat(first.get("content")).extracting((hero) -> hero.get("name").asString())
			.containsExactly("Planned 2", "Planned 1");
	}

	@Test
	void theFetchedTeamIsLoadedWithTheHeroes() {
		Page<Hero> page = read("Planned", PageRequest.of(0, 10, Sort.by("id")));

		assertThat(page.getContent()).hasSize(3)
			.allSatisfy((hero) -> assertThat(Hibernate.isInitialized(hero.getTeam())).isTrue());
	}

	private Page<Hero> read(String name, PageRequest page) {
		Specification<Hero> filter = (root, query, builder) -> builder.and(
				builder.like(builder.lower(root.get("name")), "%" + name.toLowerCase() + "%"),
				builder.equal(root.get("team").get("id"), this.team));
		// A repository of the Specification kind, as an application that reads entities
		// page by page declares one.
		SimpleJpaRepository<Hero, Long> heroes = new SimpleJpaRepository<>(Hero.class, this.entityManager);
		return this.transactions.execute((status) -> heroes.findAll(filter.and(FetchJoins.left("team")), page));
	}

}
