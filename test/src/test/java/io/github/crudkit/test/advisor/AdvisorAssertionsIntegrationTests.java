package io.github.crudkit.test.advisor;

import java.util.function.Consumer;

import io.github.crudkit.advisor.MappingAdvisor;
import io.github.crudkit.model.BaseEntity;
import io.github.crudkit.test.liquibase.MigrationAssertions;
import io.github.crudkit.test.postgres.TestDatabase;
import io.github.crudkit.test.postgres.TestPostgres;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.FetchType;
import jakarta.persistence.ManyToOne;
import org.hibernate.jpa.HibernatePersistenceConfiguration;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatNoException;

/**
 * Tests for {@link AdvisorAssertions} on entity manager factories of a real PostgreSQL
 * database.
 */
class AdvisorAssertionsIntegrationTests {

	@Test
	void failsWithOneLinePerFinding() {
		inDatabase((database) -> {
			try (EntityManagerFactory entityManagerFactory = entityManagerFactory(database, Crew.class,
					EagerMember.class)) {
				assertThatExceptionOfType(AssertionError.class)
					.isThrownBy(() -> AdvisorAssertions.assertNoMappingAdvice(MappingAdvisor.of(entityManagerFactory)
						.withDataSource(MigrationAssertions.dataSource(database))))
					.withMessageStartingWith("1 JPA mapping advisor finding(s):\n"
							+ "  CK-M001 EagerMember.crew: the association to Crew is EAGER; why: ");
			}
		});
	}

	@Test
	void passesWhenTheAdvisorFindsNothing() {
		inDatabase((database) -> {
			try (EntityManagerFactory entityManagerFactory = entityManagerFactory(database, Crew.class,
					LazyMember.class)) {
				assertThatNoException()
					.isThrownBy(() -> AdvisorAssertions.assertNoMappingAdvice(MappingAdvisor.of(entityManagerFactory)
						.withDataSource(MigrationAssertions.dataSource(database))));
			}
		});
	}

	private static void inDatabase(Consumer<TestDatabase> test) {
		TestDatabase database = TestPostgres.server().createDatabase();
		try {
			test.accept(database);
		}
		finally {
			TestPostgres.server().dropDatabase(database);
		}
	}

	private static EntityManagerFactory entityManagerFactory(TestDatabase database, Class<?>... entities) {
		return new HibernatePersistenceConfiguration("advisor").managedClasses(entities)
			.jdbcUrl(database.jdbcUrl())
			.jdbcCredentials(database.username(), database.password())
			.property("hibernate.hbm2ddl.auto", "create")
			.createEntityManagerFactory();
	}

	@Entity(name = "Crew")
	static class Crew extends BaseEntity {

	}

	@Entity(name = "EagerMember")
	static class EagerMember extends BaseEntity {

		@ManyToOne
		Crew crew;

	}

	@Entity(name = "LazyMember")
	static class LazyMember extends BaseEntity {

		@ManyToOne(fetch = FetchType.LAZY)
		Crew crew;

	}

}
