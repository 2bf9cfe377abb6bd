package io.github.crudkit.idempotency.autoconfigure;

import java.util.List;

import io.github.crudkit.idempotency.IdempotencyStore;
import io.github.crudkit.startup.StartupCheck;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;

/**
 * Looks for the table of the records once the migrations have run. Where the feature is
 * required ({@code crudkit.idempotency.enabled=true}), a missing table is a start-up
 * problem; otherwise the feature stays off, said once in the log.
 */
final class IdempotencyTableCheck implements StartupCheck, SmartInitializingSingleton {

	private static final Log logger = LogFactory.getLog(IdempotencyTableCheck.class);

	private final IdempotencyStore store;

	private final boolean required;

	IdempotencyTableCheck(IdempotencyStore store, boolean required) {
		this.store = store;
		this.required = required;
	}

	@Override
	public void afterSingletonsInstantiated() {
		try {
			if (this.store.isAvailable()) {
				return;
			}
			if (this.required) {
				logger.warn(missing());
			}
			else {
				logger.info("Idempotency-Key support is off: the table " + IdempotencyStore.TABLE
						+ " does not exist. To turn it on, include " + IdempotencyStore.CHANGELOG
						+ " from the Liquibase changelog.");
			}
		}
		catch (DataAccessException ex) {
			logger.warn("Cannot tell whether the table " + IdempotencyStore.TABLE
					+ " exists; it is looked for again at the first request with an Idempotency-Key: "
					+ ex.getMessage());
		}
	}

	@Override
	public List<String> problems() {
		if (!this.required) {
			return List.of();
		}
		try {
			return this.store.isAvailable() ? List.of() : List.of(missing());
		}
		catch (DataAccessException ex) {
			return List.of("cannot tell whether the table " + IdempotencyStore.TABLE + " exists: " + ex.getMessage());
		}
	}

	@Override
	public String description() {
		return "Idempotency-Key";
	}

	private static String missing() {
		return "crudkit.idempotency.enabled is true but the table " + IdempotencyStore.TABLE
				+ " does not exist: include " + IdempotencyStore.CHANGELOG
				+ " from the Liquibase master changelog (- include: {file: " + IdempotencyStore.CHANGELOG
				+ "}), or set crudkit.idempotency.enabled=false";
	}

}
