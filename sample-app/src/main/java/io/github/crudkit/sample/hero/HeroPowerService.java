package io.github.crudkit.sample.hero;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.github.crudkit.concurrency.Aggregates;
import io.github.crudkit.concurrency.IfMatch;
import io.github.crudkit.concurrency.Versioned;
import io.github.crudkit.error.FieldViolation;
import io.github.crudkit.error.ProblemException;
import io.github.crudkit.error.ResourceNotFoundException;
import io.github.crudkit.patch.MergePatch;
import io.github.crudkit.patch.MergePatcher;
import io.github.crudkit.query.ProjectionReader;
import io.github.crudkit.sample.power.Power;
import io.github.crudkit.sample.power.PowerSummary;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The powers a hero holds: links that carry data and belong to the hero. Every write
 * takes the hero's row lock first and increments its version
 * ({@link Aggregates#lockForChange}): writes to one hero's links run one after the other,
 * so the limit of {@value #MAX_POWERS} holds under any race and none of them is refused
 * by an optimistic conflict, and the hero's {@code ETag} changes with its powers. A power
 * being linked is read {@code FOR SHARE}: retiring it waits until the link is committed.
 */
@Service
public class HeroPowerService {

	/**
	 * The most powers a hero holds, links to retired powers included (so that a restore
	 * never takes a hero past it).
	 */
	static final int MAX_POWERS = 20;

	private final HeroRepository heroes;

	private final MergePatcher patcher;

	private final ProjectionReader reader;

	private final EntityManager entityManager;

	HeroPowerService(HeroRepository heroes, MergePatcher patcher, ProjectionReader reader,
			EntityManager entityManager) {
		this.heroes = heroes;
		this.patcher = patcher;
		this.reader = reader;
		this.entityManager = entityManager;
	}

	/**
	 * Return a hero's live powers, in the order of {@code HeroPublic.powers}, with the
	 * hero's version: two statements.
	 * @param heroId the hero's id
	 * @return the powers and the hero's version
	 */
	public Versioned<List<HeroPowerPublic>> list(long heroId) {
		long version = this.heroes.findVersionById(heroId)
			.orElseThrow(() -> new ResourceNotFoundException("Hero", heroId));
		List<HeroPowerPublic> powers = this.reader
			.findAll(HeroPowerRow.PROJECTION,
					(link, query, builder) -> builder.equal(link.get("id").get("heroId"), heroId), HeroPowerRow.ORDER)
			.stream()
			.map(HeroPowerRow::toPublic)
			.toList();
		return new Versioned<>(powers, version);
	}

	/**
	 * Return one of a hero's live powers with the hero's version.
	 * @param heroId the hero's id
	 * @param powerId the power's id
	 * @return the power and the hero's version
	 */
	public Versioned<HeroPowerPublic> get(long heroId, long powerId) {
		long version = this.heroes.findVersionById(heroId)
			.orElseThrow(() -> new ResourceNotFoundException("Hero", heroId));
		return new Versioned<>(row(heroId, powerId).orElseThrow(() -> notHeld(heroId, powerId)).toPublic(), version);
	}

	/**
	 * Give a hero a power, or replace the level and date of one it holds: five statements
	 * (the hero locked and its version incremented, the power read for share, the hero's
	 * links, the insert or update).
	 * @param heroId the hero's id
	 * @param powerId the power's id
	 * @param assign the level and date
	 * @param ifMatch the request's {@code If-Match}, checked against the hero's version
	 * @return the link, whether it was created, and the hero's new version
	 */
	@Transactional
	public Assigned assign(long heroId, long powerId, HeroPowerAssign assign, IfMatch ifMatch) {
		LocalDate acquiredOn = acquiredOn(assign.acquiredOn());
		Hero hero = Aggregates.lockForChange(this.entityManager, Hero.class, heroId, "Hero", ifMatch);
		Power power = this.entityManager.find(Power.class, powerId, LockModeType.PESSIMISTIC_READ);
		if (power == null) {
			throw new ResourceNotFoundException("Power", powerId);
		}
		List<Long> held = this.entityManager
			.createQuery("select l.id.powerId from HeroPower l where l.id.heroId = :hero", Long.class)
			.setParameter("hero", heroId)
			.getResultList();
		boolean created = !held.contains(powerId);
		HeroPowerId id = new HeroPowerId(heroId, powerId);
		if (created) {
			if (held.size() >= MAX_POWERS) {
				String message = "would be the hero's " + (MAX_POWERS + 1) + "st power; a hero holds at most "
						+ MAX_POWERS;
				throw ProblemException.conflict("Hero " + heroId + " holds " + MAX_POWERS + " powers already.",
						new FieldViolation("powerId", message));
			}
			this.entityManager.persist(new HeroPower(id, power, assign.level(), acquiredOn));
		}
		else {
			change(id, assign.level(), acquiredOn);
		}
		this.entityManager.flush();
		HeroPowerPublic body = new HeroPowerPublic(summary(power), assign.level(), acquiredOn);
		return new Assigned(new Versioned<>(body, hero.getVersion()), created);
	}

	/**
	 * Change the level or date of a power a hero holds.
	 * @param heroId the hero's id
	 * @param powerId the power's id
	 * @param patch the merge patch
	 * @param ifMatch the request's {@code If-Match}, checked against the hero's version
	 * @return the link and the hero's new version
	 */
	@Transactional
	public Versioned<HeroPowerPublic> patch(long heroId, long powerId, MergePatch<HeroPowerUpdate> patch,
			IfMatch ifMatch) {
		Hero hero = Aggregates.lockForChange(this.entityManager, Hero.class, heroId, "Hero", ifMatch);
		HeroPowerRow row = row(heroId, powerId).orElseThrow(() -> notHeld(heroId, powerId));
		HeroPowerUpdate update = this.patcher.apply(new HeroPowerUpdate(row.level(), row.acquiredOn()), patch);
		LocalDate acquiredOn = acquiredOn(update.acquiredOn());
		change(new HeroPowerId(heroId, powerId), update.level(), acquiredOn);
		return new Versioned<>(
				new HeroPowerPublic(new PowerSummary(powerId, row.name(), row.category()), update.level(), acquiredOn),
				hero.getVersion());
	}

	/**
	 * Take a power from a hero.
	 * @param heroId the hero's id
	 * @param powerId the power's id
	 * @param ifMatch the request's {@code If-Match}, checked against the hero's version
	 * @return the hero's new version
	 */
	@Transactional
	public long remove(long heroId, long powerId, IfMatch ifMatch) {
		Hero hero = Aggregates.lockForChange(this.entityManager, Hero.class, heroId, "Hero", ifMatch);
		row(heroId, powerId).orElseThrow(() -> notHeld(heroId, powerId));
		this.entityManager.createQuery("delete from HeroPower l where l.id = :id")
			.setParameter("id", new HeroPowerId(heroId, powerId))
			.executeUpdate();
		return hero.getVersion();
	}

	private void change(HeroPowerId id, int level, LocalDate acquiredOn) {
		this.entityManager
			.createQuery("update HeroPower l set l.level = :level, l.acquiredOn = :acquiredOn where l.id = :id")
			.setParameter("level", level)
			.setParameter("acquiredOn", acquiredOn)
			.setParameter("id", id)
			.executeUpdate();
	}

	/**
	 * The link, if the hero holds the power and the power is live.
	 */
	private Optional<HeroPowerRow> row(long heroId, long powerId) {
		return this.reader.findOne(HeroPowerRow.PROJECTION,
				(link, query, builder) -> builder.and(builder.equal(link.get("id").get("heroId"), heroId),
						builder.equal(link.get("id").get("powerId"), powerId)));
	}

	private static ProblemException notHeld(long heroId, long powerId) {
		return new ProblemException(HttpStatus.NOT_FOUND, "not-found",
				"Hero " + heroId + " holds no power " + powerId + ".", List.of());
	}

	private static LocalDate acquiredOn(@Nullable LocalDate acquiredOn) {
		LocalDate today = LocalDate.now(ZoneOffset.UTC);
		if (acquiredOn == null) {
			return today;
		}
		if (acquiredOn.isAfter(today)) {
			throw ProblemException.badRequest("The request is not valid.",
					new FieldViolation("acquiredOn", "must not be after today (UTC)"));
		}
		return acquiredOn;
	}

	private static PowerSummary summary(Power power) {
		return new PowerSummary(Objects.requireNonNull(power.getId()), power.getName(), power.getCategory());
	}

	/**
	 * The answer of an assignment.
	 *
	 * @param link the link and the hero's new version
	 * @param created whether the hero did not hold the power before
	 */
	public record Assigned(Versioned<HeroPowerPublic> link, boolean created) {

	}

}
