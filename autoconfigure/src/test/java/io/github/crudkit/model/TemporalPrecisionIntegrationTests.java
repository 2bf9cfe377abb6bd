package io.github.crudkit.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import io.github.crudkit.support.TestDatabase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import org.hibernate.SessionFactory;
import org.hibernate.cfg.Configuration;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An entity written with nanoseconds, then read back, on a real PostgreSQL: without
 * {@link TemporalPrecision} the entity the write answers from holds what the row does
 * not; with it, both hold microseconds.
 */
class TemporalPrecisionIntegrationTests {

	private static final Instant NANOS = Instant.parse("2026-11-29T10:15:30.123456789Z");

	private TestDatabase.Database database;

	@BeforeEach
	void createDatabase() {
		this.database = TestDatabase.createDatabase();
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void withoutItTheWriteAndTheReadDisagree() {
		try (SessionFactory sessions = sessionFactory(false)) {
			Event written = write(sessions, 1L);
			Event read = read(sessions, 1L);
			assertThat(written.at).isEqualTo(NANOS);
			assertThat(read.at).isNotEqualTo(written.at);
		}
	}

	@Test
	void withItEveryDateTimeIsWrittenAsTheDatabaseKeepsIt() {
		try (SessionFactory sessions = sessionFactory(true)) {
			Event written = write(sessions, 1L);
			Event read = read(sessions, 1L);
			assertThat(written.at).isEqualTo(Instant.parse("2026-11-29T10:15:30.123456Z")).isEqualTo(read.at);
			assertThat(written.localAt).isEqualTo(read.localAt);
			assertThat(written.offsetAt).isNotNull();
			assertThat(written.offsetAt.toInstant()).isEqualTo(read.offsetAt.toInstant());
			assertThat(written.offsetAt.getNano() % 1000).isZero();

			sessions.inTransaction((session) -> session.find(Event.class, 1L).at = NANOS.plusSeconds(1));
			assertThat(read(sessions, 1L).at).isEqualTo(Instant.parse("2026-11-29T10:15:31.123456Z"));
		}
	}

	@Test
	void truncatesToTheGivenDigits() {
		assertThat(new TemporalPrecision(3).truncate(NANOS)).isEqualTo(Instant.parse("2026-11-29T10:15:30.123Z"));
		assertThat(new TemporalPrecision(9).truncate(NANOS)).isSameAs(NANOS);
		assertThat(new TemporalPrecision(6).truncate("not a date")).isEqualTo("not a date");
		Instant exact = Instant.parse("2026-11-29T10:15:30.123456Z");
		assertThat(new TemporalPrecision(6).truncate(exact)).isSameAs(exact);
	}

	private SessionFactory sessionFactory(boolean truncate) {
		SessionFactory sessions = new Configuration().addAnnotatedClass(Event.class)
			.setProperty("hibernate.connection.url", this.database.url())
			.setProperty("hibernate.connection.username", TestDatabase.USERNAME)
			.setProperty("hibernate.connection.password", TestDatabase.PASSWORD)
			.setProperty("hibernate.hbm2ddl.auto", "create")
			.setProperty("hibernate.jdbc.time_zone", "UTC")
			.buildSessionFactory();
		if (truncate) {
			TemporalPrecision.registerWith(sessions);
		}
		return sessions;
	}

	private static Event write(SessionFactory sessions, long id) {
		Event event = new Event();
		event.id = id;
		event.at = NANOS;
		event.localAt = LocalDateTime.ofInstant(NANOS, ZoneOffset.UTC);
		event.offsetAt = OffsetDateTime.ofInstant(NANOS, ZoneOffset.ofHours(2));
		sessions.inTransaction((session) -> session.persist(event));
		return event;
	}

	private static Event read(SessionFactory sessions, long id) {
		return sessions.fromTransaction((session) -> session.find(Event.class, id));
	}

	@Entity(name = "TimedEvent")
	static class Event {

		@Id
		@Nullable Long id;

		@Nullable Instant at;

		@Nullable LocalDateTime localAt;

		@Nullable OffsetDateTime offsetAt;

	}

}
