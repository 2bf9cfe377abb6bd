package io.github.crudkit.advisor;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import io.github.crudkit.model.BaseEntity;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.MapsId;
import jakarta.persistence.NamedAttributeNode;
import jakarta.persistence.NamedEntityGraph;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Version;
import org.hibernate.annotations.CreationTimestamp;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.SoftDelete;
import org.hibernate.annotations.UpdateTimestamp;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;

/**
 * The mapping advisor's fixture: {@code Bad*} entities, each with one mistake that one
 * code reports, and {@code Good*} entities with the safe form of each. Every entity is
 * otherwise well formed (most extend {@link BaseEntity}: a sequence by 50, a version and
 * timestamps), so each code is reported exactly once.
 */
final class AdvisorFixtures {

	static final List<Class<?>> ENTITIES = List.of(Plain.class, BadEagerToOne.class, GoodToOne.class,
			BadEagerCollection.class, BadEagerCollectionItem.class, GoodCollection.class, GoodCollectionItem.class,
			BadIdentity.class, BadSequence.class, BadNoVersion.class, BadNoTimestamps.class, GoodLink.class,
			GoodImmutable.class, BadBidirectional.class, BadBidirectionalItem.class, BadCascade.class,
			GoodCascade.class, BadBags.class, BadBagsFirst.class, BadBagsSecond.class, GoodBags.class,
			BadSoftDelete.class, GoodSoftDelete.class, BadPaged.class, GoodPaged.class, SuppressedEagerToOne.class,
			GoodIdClassLink.class);

	/**
	 * What the database adds to the schema Hibernate creates: the sequence that
	 * {@link BadSequence} allocates from increments by 1, and unique indexes on the
	 * soft-deleted names.
	 */
	static final String[] SCHEMA = { "alter sequence badsequence_seq increment by 1",
			"create unique index uk_badsoftdelete_name on badsoftdelete (name)",
			"create unique index uk_goodsoftdelete_name on goodsoftdelete (name) where not deleted" };

	private AdvisorFixtures() {
	}

	@Entity(name = "Plain")
	static class Plain extends BaseEntity {

		String name = "";

	}

	/**
	 * CK-M001: {@code @ManyToOne} without {@code fetch}.
	 */
	@Entity(name = "BadEagerToOne")
	static class BadEagerToOne extends BaseEntity {

		@ManyToOne
		Plain plain;

	}

	/**
	 * CK-M001 safe: LAZY, also on a self-reference with its inverse side; EAGER to a
	 * soft-deleted entity, as Hibernate requires.
	 */
	@Entity(name = "GoodToOne")
	static class GoodToOne extends BaseEntity {

		@ManyToOne(fetch = FetchType.LAZY)
		Plain plain;

		@ManyToOne(fetch = FetchType.EAGER)
		GoodSoftDelete retirable;

		@ManyToOne(fetch = FetchType.LAZY)
		GoodToOne mentor;

		@OneToMany(mappedBy = "mentor")
		Set<GoodToOne> mentees = new HashSet<>();

	}

	/**
	 * CK-M002: an EAGER collection.
	 */
	@Entity(name = "BadEagerCollection")
	static class BadEagerCollection extends BaseEntity {

		@OneToMany(mappedBy = "owner", fetch = FetchType.EAGER)
		Set<BadEagerCollectionItem> items = new HashSet<>();

	}

	@Entity(name = "BadEagerCollectionItem")
	static class BadEagerCollectionItem extends BaseEntity {

		@ManyToOne(fetch = FetchType.LAZY)
		BadEagerCollection owner;

	}

	/**
	 * CK-M002 and CK-M007 safe: a LAZY collection, mapped by the child's to-one.
	 */
	@Entity(name = "GoodCollection")
	static class GoodCollection extends BaseEntity {

		@OneToMany(mappedBy = "owner")
		Set<GoodCollectionItem> items = new HashSet<>();

	}

	@Entity(name = "GoodCollectionItem")
	static class GoodCollectionItem extends BaseEntity {

		@ManyToOne(fetch = FetchType.LAZY)
		GoodCollection owner;

	}

	/**
	 * CK-M003: an IDENTITY id (otherwise versioned and timestamped).
	 */
	@Entity(name = "BadIdentity")
	static class BadIdentity {

		@Id
		@GeneratedValue(strategy = GenerationType.IDENTITY)
		Long id;

		@Version
		long version;

		@CreationTimestamp
		Instant createdAt;

		@UpdateTimestamp
		Instant updatedAt;

	}

	/**
	 * CK-M004: allocates 50 ids per call from a sequence that {@link #SCHEMA} makes
	 * increment by 1.
	 */
	@Entity(name = "BadSequence")
	static class BadSequence extends BaseEntity {

	}

	/**
	 * CK-M005: no {@code @Version}.
	 */
	@Entity(name = "BadNoVersion")
	static class BadNoVersion {

		@Id
		@GeneratedValue(strategy = GenerationType.SEQUENCE)
		Long id;

		@CreationTimestamp
		Instant createdAt;

		@UpdateTimestamp
		Instant updatedAt;

	}

	/**
	 * CK-M006: versioned, but without the timestamps that the other entities have.
	 */
	@Entity(name = "BadNoTimestamps")
	static class BadNoTimestamps {

		@Id
		@GeneratedValue(strategy = GenerationType.SEQUENCE)
		Long id;

		@Version
		long version;

	}

	/**
	 * CK-M005 and CK-M006 safe for a link entity: its id is the two foreign keys, its
	 * owners are versioned and timestamped, and it carries a level and a date of its own.
	 */
	@Entity(name = "GoodLink")
	static class GoodLink {

		@EmbeddedId
		GoodLinkId id = new GoodLinkId();

		@MapsId("plainId")
		@ManyToOne(fetch = FetchType.LAZY)
		Plain plain;

		@MapsId("toOneId")
		@ManyToOne(fetch = FetchType.LAZY)
		GoodToOne toOne;

		int level;

		LocalDate acquiredOn;

	}

	/**
	 * The same link with {@code @IdClass} and {@code @Id} on the to-one associations.
	 */
	@Entity(name = "GoodIdClassLink")
	@IdClass(GoodIdClassLinkId.class)
	static class GoodIdClassLink {

		@Id
		@ManyToOne(fetch = FetchType.LAZY)
		Plain plain;

		@Id
		@ManyToOne(fetch = FetchType.LAZY)
		GoodToOne toOne;

		int level;

	}

	static class GoodIdClassLinkId implements Serializable {

		private static final long serialVersionUID = 1L;

		Long plain;

		Long toOne;

		@Override
		public boolean equals(Object other) {
			return other instanceof GoodIdClassLinkId id && Objects.equals(this.plain, id.plain)
					&& Objects.equals(this.toOne, id.toOne);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.plain, this.toOne);
		}

	}

	@Embeddable
	static class GoodLinkId implements Serializable {

		private static final long serialVersionUID = 1L;

		Long plainId;

		Long toOneId;

		@Override
		public boolean equals(Object other) {
			return other instanceof GoodLinkId id && Objects.equals(this.plainId, id.plainId)
					&& Objects.equals(this.toOneId, id.toOneId);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.plainId, this.toOneId);
		}

	}

	/**
	 * CK-M005 and CK-M006 safe: rows that are never updated.
	 */
	@Entity(name = "GoodImmutable")
	@Immutable
	static class GoodImmutable {

		@Id
		@GeneratedValue(strategy = GenerationType.SEQUENCE)
		Long id;

	}

	/**
	 * CK-M007: a {@code @OneToMany} without {@code mappedBy} while the child maps the
	 * same relationship.
	 */
	@Entity(name = "BadBidirectional")
	static class BadBidirectional extends BaseEntity {

		@OneToMany
		@JoinTable(name = "badbidirectional_items")
		Set<BadBidirectionalItem> items = new HashSet<>();

	}

	@Entity(name = "BadBidirectionalItem")
	static class BadBidirectionalItem extends BaseEntity {

		@ManyToOne(fetch = FetchType.LAZY)
		BadBidirectional owner;

	}

	/**
	 * CK-M008: a {@code @ManyToMany} that cascades everything.
	 */
	@Entity(name = "BadCascade")
	static class BadCascade extends BaseEntity {

		@ManyToMany(cascade = CascadeType.ALL)
		@JoinTable(name = "badcascade_plain")
		Set<Plain> plains = new HashSet<>();

	}

	/**
	 * CK-M008 safe: PERSIST and MERGE only.
	 */
	@Entity(name = "GoodCascade")
	static class GoodCascade extends BaseEntity {

		@ManyToMany(cascade = { CascadeType.PERSIST, CascadeType.MERGE })
		@JoinTable(name = "goodcascade_plain")
		Set<Plain> plains = new HashSet<>();

	}

	/**
	 * CK-M009: two bags that an entity graph fetches together.
	 */
	@Entity(name = "BadBags")
	@NamedEntityGraph(name = "BadBags.all",
			attributeNodes = { @NamedAttributeNode("first"), @NamedAttributeNode("second") })
	static class BadBags extends BaseEntity {

		@OneToMany(mappedBy = "bags")
		List<BadBagsFirst> first = new ArrayList<>();

		@OneToMany(mappedBy = "bags")
		List<BadBagsSecond> second = new ArrayList<>();

	}

	@Entity(name = "BadBagsFirst")
	static class BadBagsFirst extends BaseEntity {

		@ManyToOne(fetch = FetchType.LAZY)
		BadBags bags;

	}

	@Entity(name = "BadBagsSecond")
	static class BadBagsSecond extends BaseEntity {

		@ManyToOne(fetch = FetchType.LAZY)
		BadBags bags;

	}

	/**
	 * CK-M009 safe: one bag and one set, fetched together.
	 */
	@Entity(name = "GoodBags")
	@NamedEntityGraph(name = "GoodBags.all",
			attributeNodes = { @NamedAttributeNode("first"), @NamedAttributeNode("second") })
	static class GoodBags extends BaseEntity {

		@ManyToMany
		@JoinTable(name = "goodbags_first")
		List<Plain> first = new ArrayList<>();

		@ManyToMany
		@JoinTable(name = "goodbags_second")
		Set<Plain> second = new HashSet<>();

	}

	/**
	 * CK-M010: soft-deleted, with a plain unique index on the name ({@link #SCHEMA}).
	 */
	@Entity(name = "BadSoftDelete")
	@SoftDelete
	static class BadSoftDelete extends BaseEntity {

		@Column(nullable = false)
		String name = "";

	}

	/**
	 * CK-M010 safe: the unique index on the name is partial ({@code WHERE NOT deleted}).
	 */
	@Entity(name = "GoodSoftDelete")
	@SoftDelete
	static class GoodSoftDelete extends BaseEntity {

		@Column(nullable = false)
		String name = "";

	}

	/**
	 * CK-M011: paged by {@link BadPagedRepository}, which also returns all of it.
	 */
	@Entity(name = "BadPaged")
	static class BadPaged extends BaseEntity {

		String name = "";

	}

	/**
	 * CK-M011 safe: paged, and every list it returns is bounded.
	 */
	@Entity(name = "GoodPaged")
	static class GoodPaged extends BaseEntity {

		String name = "";

	}

	/**
	 * CK-M001, suppressed on the attribute.
	 */
	@Entity(name = "SuppressedEagerToOne")
	static class SuppressedEagerToOne extends BaseEntity {

		@ManyToOne
		@SuppressAdvice(value = "CK-M001", reason = "a fixture of the suppression")
		Plain plain;

	}

	interface BadPagedRepository extends JpaRepository<BadPaged, Long> {

		Page<BadPaged> findByName(String name, Pageable pageable);

		List<BadPaged> findByNameStartingWith(String prefix);

	}

	interface GoodPagedRepository extends Repository<GoodPaged, Long> {

		Page<GoodPaged> findByName(String name, Pageable pageable);

		List<GoodPaged> findTop10ByNameStartingWith(String prefix);

	}

	interface BadBagsRepository extends Repository<BadBags, Long> {

		@Query("select b from BadBags b left join fetch b.first left join fetch b.second where b.id = :id")
		BadBags findWithBagsById(long id);

	}

}
