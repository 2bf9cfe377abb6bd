package io.github.crudkit.concurrency;

import io.github.crudkit.error.ResourceNotFoundException;
import io.github.crudkit.model.BaseEntity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

/**
 * Writes to the parts of an aggregate that live in other tables: the links of a hero to
 * its powers, the lines of an order. The owner is the unit of consistency: such writes
 * take the owner's row lock, so that they run one after the other (a limit such as "at
 * most 20 powers per hero" holds under any race, and none is refused by an optimistic
 * conflict with another), and each of them changes the owner's version, so that the
 * owner's {@code ETag} changes whenever what it shows does. <pre class="code">
 * &#64;Transactional
 * public HeroPower assign(long heroId, long powerId, HeroPowerAssign assign, IfMatch ifMatch) {
 * 	Hero hero = Aggregates.lockForChange(this.entityManager, Hero.class, heroId, "Hero", ifMatch);
 * 	// count, insert or update the link: no other link write to this hero runs meanwhile
 * }
 * </pre> Two statements: {@code select ... for update} of the owner, then the increment
 * of its version. Call it first in the transaction, before reading what the limit counts.
 *
 * @since 0.1.0
 */
public final class Aggregates {

	private Aggregates() {
	}

	/**
	 * Lock an aggregate's owner for a change to one of its parts: wait for the owner's
	 * row lock, check {@code If-Match} against its version, and increment the version
	 * (the change is visible in the owner's {@code ETag} from the answer of this request
	 * on).
	 * @param <T> the owner's type
	 * @param entityManager the entity manager of the current transaction
	 * @param type the owner's entity class
	 * @param id the owner's id
	 * @param resource the owner's name in problem details ({@code "Hero"})
	 * @param ifMatch the request's {@code If-Match}
	 * @return the owner, locked until the transaction ends, its version incremented
	 * @throws ResourceNotFoundException if no owner has the id (a 404)
	 * @throws StaleVersionException if {@code If-Match} names another version (a 412)
	 */
	public static <T extends BaseEntity> T lockForChange(EntityManager entityManager, Class<T> type, Object id,
			String resource, IfMatch ifMatch) {
		T owner = entityManager.find(type, id, LockModeType.PESSIMISTIC_WRITE);
		if (owner == null) {
			throw new ResourceNotFoundException(resource, id);
		}
		ifMatch.check(resource, id, owner.getVersion());
		entityManager.lock(owner, LockModeType.PESSIMISTIC_FORCE_INCREMENT);
		return owner;
	}

}
