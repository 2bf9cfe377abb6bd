package io.github.crudkit.query;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.crudkit.pagination.Keyset;
import io.github.crudkit.pagination.KeysetPage;
import io.github.crudkit.support.TestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import org.hibernate.Hibernate;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Pages of entities read by {@link EntityReader} on a real PostgreSQL: 30 crews of 10
 * members each, read with their to-one and to-many relations in one statement per page.
 */
class EntityReaderIntegrationTests {

	private static final List<String> statements = new CopyOnWriteArrayList<>();

	private TestDatabase.Database database;

	private SessionFactory sessions;

	@BeforeEach
	void seed() {
		this.database = TestDatabase.createDatabase();
		this.sessions = new Configuration().addAnnotatedClass(Crew.class)
			.addAnnotatedClass(Member.class)
			.setProperty("hibernate.connection.url", this.database.url())
			.setProperty("hibernate.connection.username", TestDatabase.USERNAME)
			.setProperty("hibernate.connection.password", TestDatabase.PASSWORD)
			.setProperty("hibernate.hbm2ddl.auto", "create")
			.setProperty("hibernate.query.fail_on_pagination_over_collection_fetch", "true")
			.setProperty("hibernate.session_factory.statement_inspector", Recorder.class.getName())
			.buildSessionFactory();
		this.sessions.inTransaction((session) -> {
			for (long c = 1; c <= 30; c++) {
				Crew crew = new Crew(c, "Crew " + (char) ('A' + (30 - c) % 26) + c);
				session.persist(crew);
				for (long m = 1; m <= 10; m++) {
					session.persist(new Member(c * 100 + m, "Member " + c + "-" + m, crew));
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
	void aPageOfCrewsComesWithAllTheirMembersInOneStatement() {
		List<String> names = namesInOrder();
		Page<Crew> page = read((reader) -> reader.findPage(Crew.class, Specification.unrestricted(),
				PageRequest.of(2, 5, Sort.by("name", "id")), "members"));
		assertThat(page.getContent()).hasSize(5);
		assertThat(page.getTotalElements()).isEqualTo(30);
		assertThat(page.getContent()).allSatisfy((crew) -> {
			assertThat(Hibernate.isInitialized(crew.members)).isTrue();
			assertThat(crew.members).hasSize(10);
		});
		assertThat(page.getContent()).extracting((crew) -> crew.name).isSorted();
		assertThat(page.getContent()).extracting((crew) -> crew.name).isEqualTo(names.subList(10, 15));
		assertThat(statements).as("the page, then its total").hasSize(2);
		assertThat(statements.get(0))
			.containsPattern(" in \\(+select .* offset \\? rows fetch first \\? rows only\\)+ order by");
	}

	@Test
	void aPageOfMembersFetchesItsCrewAndKeepsTheFilter() {
		Specification<Member> inLowCrews = (root, query, builder) -> builder.le(root.get("crew").get("id"), 3L);
		Page<Member> page = read((reader) -> reader.findPage(Member.class, inLowCrews,
				PageRequest.of(1, 7, Sort.by(Sort.Order.desc("name"), Sort.Order.asc("id"))), "crew"));
		assertThat(page.getTotalElements()).isEqualTo(30);
		assertThat(page.getTotalPages()).isEqualTo(5);
		assertThat(page.getContent()).hasSize(7).allSatisfy((member) -> {
			assertThat(Hibernate.isInitialized(member.crew)).isTrue();
			assertThat(member.crew.id).isLessThanOrEqualTo(3);
		});
		assertThat(page.getContent()).extracting((member) -> member.name).isSortedAccordingTo((a, b) -> b.compareTo(a));
		assertThat(statements).hasSize(2);
	}

	@Test
	void theLastPageIsNotCountedAgain() {
		Page<Crew> page = read((reader) -> reader.findPage(Crew.class, Specification.unrestricted(),
				PageRequest.of(2, 12, Sort.by("id")), "members"));
		assertThat(page.getContent()).hasSize(6);
		assertThat(page.getTotalElements()).isEqualTo(30);
		assertThat(statements).hasSize(1);
	}

	@Test
	void aKeysetPageFetchesCollectionsThroughThePrimaryKey() {
		KeysetPage<Crew> page = read((reader) -> reader.findAfter(Crew.class, Specification.unrestricted(),
				Keyset.check(10L, PageRequest.of(0, 4, Sort.by("id"))), (crew) -> crew.id, "members"));
		assertThat(page.content()).extracting((crew) -> crew.id).containsExactly(11L, 12L, 13L, 14L);
		assertThat(page.content()).allSatisfy((crew) -> assertThat(crew.members).hasSize(10));
		assertThat(page.page().next()).isEqualTo(14L);
		assertThat(statements).hasSize(1);
	}

	@Test
	void anUnpagedRequestReadsEverythingInOrder() {
		List<String> names = namesInOrder();
		Page<Crew> page = read((reader) -> reader.findPage(Crew.class, Specification.unrestricted(),
				Pageable.unpaged(Sort.by("name")), "members"));
		assertThat(page.getContent()).extracting((crew) -> crew.name).isEqualTo(names);
		assertThat(statements).hasSize(1);
	}

	@Test
	void anUnknownPathIsASpringDataAccessException() {
		assertThatExceptionOfType(InvalidDataAccessApiUsageException.class).isThrownBy(() -> read((reader) -> reader
			.findPage(Crew.class, Specification.unrestricted(), PageRequest.of(0, 5, Sort.by("id")), "captain")));
	}

	@Test
	void aFetchJoinInsideTheFilterIsKeptOutOfTheSubquery() {
		Page<Member> page = read((reader) -> reader.findPage(Member.class, FetchJoins.left("crew"),
				PageRequest.of(3, 10, Sort.by("id")), "crew"));
		assertThat(page.getContent()).hasSize(10)
			.allSatisfy((member) -> assertThat(Hibernate.isInitialized(member.crew)).isTrue());
	}

	private List<String> namesInOrder() {
		List<String> names = new ArrayList<>();
		this.sessions.inSession((session) -> names.addAll(
				session.createSelectionQuery("select name from Crew order by name, id", String.class).getResultList()));
		statements.clear();
		return names;
	}

	private <T> T read(ReaderCall<T> call) {
		return this.sessions.fromTransaction((session) -> call.apply(new EntityReader(session)));
	}

	@FunctionalInterface
	interface ReaderCall<T> {

		T apply(EntityReader reader);

	}

	public static class Recorder implements StatementInspector {

		@Override
		public String inspect(String sql) {
			statements.add(sql);
			return sql;
		}

	}

	@Entity(name = "Crew")
	static class Crew {

		@Id
		@Nullable Long id;

		@Nullable String name;

		@OneToMany(mappedBy = "crew")
		List<Member> members = new ArrayList<>();

		Crew() {
		}

		Crew(long id, String name) {
			this.id = id;
			this.name = name;
		}

	}

	@Entity(name = "CrewMember")
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

}
