package io.github.crudkit.statements.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.github.crudkit.statements.AssociationResolver;
import io.github.crudkit.statements.NPlusOneDetection;
import io.github.crudkit.support.TestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.hibernate.resource.jdbc.spi.StatementInspector;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The association resolver on the statements Hibernate really runs against PostgreSQL
 * when a lazy to-one and a lazy collection are read in a loop: each is named, and the
 * collection's fix is a batch load, never a join fetch on a page.
 */
class HibernateAssociationResolverIntegrationTests {

	private static final List<String> statements = new CopyOnWriteArrayList<>();

	private TestDatabase.Database database;

	private SessionFactory sessions;

	private HibernateAssociationResolver resolver;

	@BeforeEach
	void seed() {
		this.database = TestDatabase.createDatabase();
		this.sessions = new Configuration().addAnnotatedClass(Squad.class)
			.addAnnotatedClass(Soldier.class)
			.setProperty("hibernate.connection.url", this.database.url())
			.setProperty("hibernate.connection.username", TestDatabase.USERNAME)
			.setProperty("hibernate.connection.password", TestDatabase.PASSWORD)
			.setProperty("hibernate.hbm2ddl.auto", "create")
			.setProperty("hibernate.session_factory.statement_inspector", Recorder.class.getName())
			.buildSessionFactory();
		this.sessions.inTransaction((session) -> {
			for (long s = 1; s <= 3; s++) {
				Squad squad = new Squad(s);
				session.persist(squad);
				session.persist(new Soldier(s * 10, squad));
			}
		});
		this.resolver = new HibernateAssociationResolver(() -> this.sessions);
		statements.clear();
	}

	@AfterEach
	void drop() {
		this.sessions.close();
		this.database.close();
	}

	@Test
	void aLazyCollectionReadPerOwnerIsNamedAsACollection() {
		this.sessions.inTransaction((session) -> session.createSelectionQuery("from Squad", Squad.class)
			.getResultList()
			.forEach((squad) -> squad.soldiers.size()));
		String perOwner = statements.stream().filter((sql) -> sql.contains("where")).findFirst().orElseThrow();

		AssociationResolver.Target target = this.resolver.resolve(perOwner);

		assertThat(target).isNotNull();
		assertThat(target.entity()).isEqualTo("Soldier");
		assertThat(target.associations()).containsExactly("Squad.soldiers");
		assertThat(target.collection()).isTrue();
		String fix = new NPlusOneDetection("GET /squads", perOwner, 5, target.entity(), target.associations(), null,
				target.collection())
			.fix();
		assertThat(fix).contains("ProjectionReader.findChildren", "EntityReader.findPage(..., \"soldiers\")",
				"@BatchSize on Squad.soldiers", "never 'join fetch'");
	}

	@Test
	void aLazyToOneReadPerRowIsNamedAsAToOne() {
		this.sessions.inTransaction((session) -> session.createSelectionQuery("from Soldier", Soldier.class)
			.getResultList()
			.forEach((soldier) -> soldier.squad.toString()));
		String perRow = statements.stream()
			.filter((sql) -> sql.contains("where") && sql.contains("from Squad"))
			.findFirst()
			.orElseThrow();

		AssociationResolver.Target target = this.resolver.resolve(perRow);

		assertThat(target).isNotNull();
		assertThat(target.entity()).isEqualTo("Squad");
		assertThat(target.associations()).containsExactly("Soldier.squad");
		assertThat(target.collection()).isFalse();
		assertThat(
				new NPlusOneDetection("GET /soldiers", perRow, 5, target.entity(), target.associations(), null).fix())
			.contains("FetchJoins.left(\"squad\")");
	}

	public static class Recorder implements StatementInspector {

		@Override
		public String inspect(String sql) {
			statements.add(sql);
			return sql;
		}

	}

	@Entity(name = "Squad")
	static class Squad {

		@Id
		@Nullable Long id;

		@OneToMany(mappedBy = "squad")
		List<Soldier> soldiers = new ArrayList<>();

		Squad() {
		}

		Squad(long id) {
			this.id = id;
		}

		@Override
		public String toString() {
			return "Squad " + this.id;
		}

	}

	@Entity(name = "Soldier")
	static class Soldier {

		@Id
		@Nullable Long id;

		@ManyToOne(fetch = FetchType.LAZY)
		@Nullable Squad squad;

		Soldier() {
		}

		Soldier(long id, Squad squad) {
			this.id = id;
			this.squad = squad;
		}

	}

}
