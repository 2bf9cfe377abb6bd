package io.github.crudkit.sample.power;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

/**
 * Repository of live powers ({@link Power} never loads a retired one).
 */
public interface PowerRepository extends JpaRepository<Power, Long> {

	/**
	 * Bring a retired power back, its version incremented: native SQL, the one write that
	 * sees retired rows. A live power of the same name makes it fail on
	 * {@code uk_power_name} (a 409 naming {@code name}).
	 * @param id the power's id
	 * @return 1 when a retired power was restored, 0 when none has the id
	 */
	@Modifying(flushAutomatically = true, clearAutomatically = true)
	@Query(value = "update power set retired = false, version = version + 1, updated_at = now() "
			+ "where id = :id and retired", nativeQuery = true)
	int restore(long id);

}
