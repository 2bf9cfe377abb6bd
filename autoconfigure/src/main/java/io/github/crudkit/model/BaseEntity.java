package io.github.crudkit.model;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.UpdateTimestamp;
import org.jspecify.annotations.Nullable;

/**
 * Base class of table entities: a sequence-generated id, an optimistic-lock version and
 * UTC creation and update times.
 * <p>
 * Ids come from one sequence per table, named {@code
 *
<table>
 * _seq} and incremented by 50: Hibernate's pooled optimizer hands out 50 ids per round
 * trip, so inserts can be batched (an {@code IDENTITY} column would force one statement
 * per row). The version backs {@code ETag}/{@code If-Match}: a stale write is refused,
 * never silently lost.
 *
 * @since 0.1.0
 */
@MappedSuperclass
public abstract class BaseEntity {

	@Id
	@GeneratedValue(strategy = GenerationType.SEQUENCE)
	private @Nullable Long id;

	@Version
	@Column(nullable = false)
	private long version;

	@CreationTimestamp
	@Column(name = "created_at", nullable = false, updatable = false)
	private @Nullable Instant createdAt;

	@UpdateTimestamp
	@Column(name = "updated_at", nullable = false)
	private @Nullable Instant updatedAt;

	/**
	 * Return the id, {@code null} until the entity is persisted.
	 * @return the id
	 */
	public @Nullable Long getId() {
		return this.id;
	}

	/**
	 * Return the optimistic-lock version, incremented by every update.
	 * @return the version
	 */
	public long getVersion() {
		return this.version;
	}

	/**
	 * Return when the row was inserted, {@code null} until the entity is persisted.
	 * @return the creation time
	 */
	public @Nullable Instant getCreatedAt() {
		return this.createdAt;
	}

	/**
	 * Return when the row was last written, {@code null} until the entity is persisted.
	 * @return the update time
	 */
	public @Nullable Instant getUpdatedAt() {
		return this.updatedAt;
	}

	@Override
	public final boolean equals(@Nullable Object other) {
		if (this == other) {
			return true;
		}
		if (other == null || org.hibernate.Hibernate.getClass(this) != org.hibernate.Hibernate.getClass(other)) {
			return false;
		}
		Long otherId = ((BaseEntity) other).getId();
		return this.id != null && this.id.equals(otherId);
	}

	@Override
	public final int hashCode() {
		return org.hibernate.Hibernate.getClass(this).hashCode();
	}

	@Override
	public String toString() {
		return org.hibernate.Hibernate.getClass(this).getSimpleName() + "[id=" + this.id + ", version=" + this.version
				+ "]";
	}

}
