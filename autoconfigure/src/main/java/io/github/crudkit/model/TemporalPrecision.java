package io.github.crudkit.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.event.service.spi.EventListenerRegistry;
import org.hibernate.event.spi.EventType;
import org.hibernate.event.spi.PreInsertEvent;
import org.hibernate.event.spi.PreInsertEventListener;
import org.hibernate.event.spi.PreUpdateEvent;
import org.hibernate.event.spi.PreUpdateEventListener;
import org.hibernate.persister.entity.EntityPersister;
import org.jspecify.annotations.Nullable;

/**
 * Truncates every date-time attribute of an entity to the precision the database stores
 * before it is written: PostgreSQL keeps microseconds, so an {@link Instant} written with
 * nanoseconds (a generated {@code updatedAt}, or a value a client sent) would otherwise
 * be answered with nanoseconds after the write and with microseconds on every later read.
 * With it, a resource has one representation: the entity holds what the row holds.
 * <p>
 * crudkit registers it on the application's Hibernate session factory
 * ({@code crudkit.model.truncate-timestamps});
 * {@link #registerWith(EntityManagerFactory)} does the same for one of your own.
 *
 * @since 0.1.0
 */
public final class TemporalPrecision implements PreInsertEventListener, PreUpdateEventListener {

	private static final long serialVersionUID = 1L;

	private final ChronoUnit unit;

	/**
	 * Create the listener.
	 * @param fractionalDigits the digits of a second the database keeps, 6 for PostgreSQL
	 */
	public TemporalPrecision(int fractionalDigits) {
		this.unit = switch (fractionalDigits) {
			case 0 -> ChronoUnit.SECONDS;
			case 1, 2, 3 -> ChronoUnit.MILLIS;
			case 4, 5, 6 -> ChronoUnit.MICROS;
			default -> ChronoUnit.NANOS;
		};
	}

	/**
	 * Register the listener on a Hibernate session factory, at the precision of its
	 * dialect's timestamps, unless it is registered already.
	 * @param entityManagerFactory the entity manager factory, backed by Hibernate
	 */
	public static void registerWith(EntityManagerFactory entityManagerFactory) {
		SessionFactoryImplementor sessionFactory = entityManagerFactory.unwrap(SessionFactoryImplementor.class);
		EventListenerRegistry registry = sessionFactory.getEventListenerRegistry();
		AtomicBoolean registered = new AtomicBoolean();
		registry.getEventListenerGroup(EventType.PRE_INSERT)
			.fireEventOnEachListener(registered,
					(listener, found) -> found.compareAndSet(false, listener instanceof TemporalPrecision));
		if (registered.get()) {
			return;
		}
		TemporalPrecision listener = new TemporalPrecision(
				sessionFactory.getJdbcServices().getDialect().getDefaultTimestampPrecision());
		registry.appendListeners(EventType.PRE_INSERT, listener);
		registry.appendListeners(EventType.PRE_UPDATE, listener);
	}

	@Override
	public boolean onPreInsert(PreInsertEvent event) {
		truncate(event.getPersister(), event.getEntity(), event.getState());
		return false;
	}

	@Override
	public boolean onPreUpdate(PreUpdateEvent event) {
		truncate(event.getPersister(), event.getEntity(), event.getState());
		return false;
	}

	private void truncate(EntityPersister persister, Object entity, @Nullable Object[] state) {
		for (int i = 0; i < state.length; i++) {
			Object truncated = truncate(state[i]);
			if (truncated != state[i]) {
				state[i] = truncated;
				persister.setValue(entity, i, truncated);
			}
		}
	}

	/**
	 * Return the value at the listener's precision.
	 * @param value a value of any type
	 * @return the value itself when it is no date-time or already fits, else the value
	 * truncated
	 */
	@Nullable Object truncate(@Nullable Object value) {
		if (!(value instanceof Temporal temporal) || this.unit == ChronoUnit.NANOS) {
			return value;
		}
		Temporal truncated = temporal;
		if (temporal instanceof Instant instant) {
			truncated = instant.truncatedTo(this.unit);
		}
		else if (temporal instanceof OffsetDateTime dateTime) {
			truncated = dateTime.truncatedTo(this.unit);
		}
		else if (temporal instanceof ZonedDateTime dateTime) {
			truncated = dateTime.truncatedTo(this.unit);
		}
		else if (temporal instanceof LocalDateTime dateTime) {
			truncated = dateTime.truncatedTo(this.unit);
		}
		else if (temporal instanceof LocalTime time) {
			truncated = time.truncatedTo(this.unit);
		}
		else if (temporal instanceof OffsetTime time) {
			truncated = time.truncatedTo(this.unit);
		}
		return truncated.equals(temporal) ? value : truncated;
	}

}
