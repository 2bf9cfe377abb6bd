package io.github.crudkit.sample.power;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.type.SqlTypes;

/**
 * The retired powers, read-only: the other side of {@link Power}'s soft delete, on the
 * same table. {@code Power} never sees these rows, so
 * {@code GET /api/powers?retired=true} reads them through this entity; nothing writes
 * through it.
 */
@Entity
@Immutable
@Table(name = "power")
@SQLRestriction("retired")
public class RetiredPower {

	@Id
	private long id;

	@Column(nullable = false, length = 100)
	private String name = "";

	@Enumerated(EnumType.STRING)
	@Column(nullable = false, length = 20)
	private PowerCategory category = PowerCategory.PHYSICAL;

	@JdbcTypeCode(SqlTypes.ARRAY)
	@Column(nullable = false, columnDefinition = "varchar[]")
	private List<String> tags = List.of();

	@Column(nullable = false)
	private long version;

	@Column(name = "created_at", nullable = false)
	private Instant createdAt = Instant.EPOCH;

	@Column(name = "updated_at", nullable = false)
	private Instant updatedAt = Instant.EPOCH;

	protected RetiredPower() {
	}

}
