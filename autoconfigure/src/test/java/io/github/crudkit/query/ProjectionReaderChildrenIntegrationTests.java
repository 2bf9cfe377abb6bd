package io.github.crudkit.query;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.LongStream;

import io.github.crudkit.support.TestDatabase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.criteria.JoinType;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.query.spi.QueryInterpretationCache;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.hibernate.stat.Statistics;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.data.domain.Sort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The children of many owners read by {@link ProjectionReader#findChildren} on a real
 * PostgreSQL: one statement whatever the number of owners, with the same text and a query
 * plan that Hibernate translates once.
 */
class ProjectionReaderChildrenIntegrationTests {

	private static final List<String> statements = new CopyOnWriteArrayList<>();

	private static final Projection<Member, MemberRow> ROW = Projection.of(Member.class, MemberRow.class,
			(member, query, builder) -> List.of(member.join("crew", JoinType.INNER).get("id"), member.get("id"),
					member.get("name")));

	private static final Projection<Badge, BadgeRow> BADGE = Projection.of(Badge.class, BadgeRow.class, (badge, query,
			builder) -> List.of(badge.get("id").get("crewId"), badge.get("id").get("number"), badge.get("label")));

	private TestDatabase.Database database;

	private SessionFactory sessions;

	@BeforeEach
	void seed() {
		this.database = TestDatabase.createDatabase();
		this.sessions = new Configuration().addAnnotatedClass(Crew.class)
			.addAnnotatedClass(Member.class)
			.addAnnotatedClass(Badge.class)
			.setProperty("hibernate.connection.url", this.database.url())
			.setProperty("hibernate.connection.username", TestDatabase.USERNAME)
			.setProperty("hibernate.connection.password", TestDatabase.PASSWORD)
			.setProperty("hibernate.hbm2ddl.auto", "create")
			.setProperty("hibernate.criteria.plan_cache_enabled", "true")
			.setProperty("hibernate.generate_statistics", "true")
			.setProperty("hibernate.session_factory.statement_inspector", Recorder.class.getName())
			.buildSessionFactory();
		this.sessions.inTransaction((session) -> {
			for (long c = 1; c <= 40; c++) {
				Crew crew = new Crew(c);
				session.persist(crew);
				// Crew c has c % 4 members: some have none.
				for (long m = 1; m <= c % 4; m++) {
					session.persist(new Member(c * 100 + m, "Member " + c + "-" + (4 - m), crew));
					session.persist(new Badge(new BadgeId(c, m), "Badge " + c + "-" + m));
				}
			}
		});
		statements.clear();
	}

	@AfterEach
	void drop() {
		this.sessions.close();
		this.database.close();
	}

	@Test
	void childrenAreGroupedByOwnerInTheRequestedOrder() {
		Map<Long, List<MemberRow>> children = children(List.of(3L, 4L, 7L, 3L));
		assertThat(children).containsOnlyKeys(3L, 7L);
		assertThat(children.get(3L)).extracting(MemberRow::name)
			.containsExactly("Member 3-1", "Member 3-2", "Member 3-3");
		assertThat(children.get(7L)).extracting(MemberRow::id).containsExactly(703L, 702L, 701L);
		assertThat(statements).hasSize(1);
	}

	@Test
	void noOwnersReadNothing() {
		assertThat(children(List.of())).isEmpty();
		assertThat(statements).isEmpty();
	}

	@Test
	void anyNumberOfOwnersIsOneStatementTextAndOneTranslation() {
		Statistics statistics = this.sessions.getStatistics();
		children(List.of(1L));
		long missesAfterFirst = statistics.getQueryPlanCacheMissCount();
		long hitsAfterFirst = statistics.getQueryPlanCacheHitCount();
		QueryInterpretationCache cache = this.sessions.unwrap(SessionFactoryImplementor.class)
			.getQueryEngine()
			.getInterpretationCache();
		int plansAfterFirst = cache.getNumberOfCachedQueryPlans();
		List<Integer> sizes = List.of(1, 2, 3, 5, 17, 40);
		for (int size : sizes) {
			Map<Long, List<MemberRow>> children = children(LongStream.rangeClosed(1, size).boxed().toList());
			long expected = LongStream.rangeClosed(1, size).map((c) -> c % 4).sum();
			assertThat(children.values().stream().mapToLong(List::size).sum()).isEqualTo(expected);
		}
		assertThat(statements).hasSize(sizes.size() + 1);
		assertThat(statements).containsOnly(statements.get(0));
		assertThat(statements.get(0)).contains("= any(?)");
		assertThat(plansAfterFirst).isPositive();
		assertThat(cache.getNumberOfCachedQueryPlans()).isEqualTo(plansAfterFirst);
		// Hibernate records a call's lookup in its statistics by the next one: allow one.
		assertThat(statistics.getQueryPlanCacheMissCount() - missesAfterFirst).isLessThanOrEqualTo(1);
		assertThat(statistics.getQueryPlanCacheHitCount() - hitsAfterFirst).isGreaterThanOrEqualTo(sizes.size() - 1);
	}

	@Test
	void aPathThroughAnEmbeddedIdIsReadWithAnInListThatLeavesThePlanCacheAlone() {
		QueryInterpretationCache cache = this.sessions.unwrap(SessionFactoryImplementor.class)
			.getQueryEngine()
			.getInterpretationCache();
		badges(List.of(1L));
		int plans = cache.getNumberOfCachedQueryPlans();
		for (int size : List.of(1, 2, 3, 7)) {
			Map<Long, List<BadgeRow>> badges = badges(LongStream.rangeClosed(1, size).boxed().toList());
			assertThat(badges.values().stream().mapToLong(List::size).sum())
				.isEqualTo(LongStream.rangeClosed(1, size).map((c) -> c % 4).sum());
		}
		Map<Long, List<BadgeRow>> three = badges(List.of(3L));
		assertThat(three.get(3L)).extracting(BadgeRow::number).containsExactly(3L, 2L, 1L);
		assertThat(statements).last().asString().contains(" in (");
		assertThat(cache.getNumberOfCachedQueryPlans()).isEqualTo(plans);
	}

	private Map<Long, List<BadgeRow>> badges(List<Long> crews) {
		return this.sessions.fromSession((session) -> new ProjectionReader(session).findChildren(BADGE, "id.crewId",
				crews, Sort.by(Sort.Order.desc("id.number")), BadgeRow::crewId));
	}

	private Map<Long, List<MemberRow>> children(List<Long> crews) {
		return this.sessions.fromSession((session) -> new ProjectionReader(session).findChildren(ROW, "crew.id", crews,
				Sort.by(Sort.Order.asc("crew.name").ignoreCase(), Sort.Order.asc("name").ignoreCase(),
						Sort.Order.asc("id")),
				MemberRow::crewId));
	}

	record MemberRow(Long crewId, Long id, String name) {
	}

	record BadgeRow(Long crewId, Long number, String label) {
	}

	public static class Recorder implements StatementInspector {

		@Override
		public String inspect(String sql) {
			statements.add(sql);
			return sql;
		}

	}

	@Entity(name = "ChildCrew")
	static class Crew {

		@Id
		@Nullable Long id;

		@Nullable String name;

		Crew() {
		}

		Crew(long id) {
			this.id = id;
			this.name = "Crew " + id;
		}

	}

	@Entity(name = "ChildMember")
	static class Member {

		@Id
		@Nullable Long id;

		@Nullable String name;

		@ManyToOne(fetch = FetchType.LAZY)
		@Nullable Crew crew;

		Member() {
		}

		Member(long id, String name, Crew crew) {
			this.id = id;
			this.name = name;
			this.crew = crew;
		}

	}

	@Embeddable
	record BadgeId(Long crewId, Long number) {
	}

	@Entity(name = "ChildBadge")
	static class Badge {

		@EmbeddedId
		@Nullable BadgeId id;

		@Nullable String label;

		Badge() {
		}

		Badge(BadgeId id, String label) {
			this.id = id;
			this.label = label;
		}

	}

}
