package io.github.crudkit.migration.autoconfigure;

import java.util.Set;

import io.github.crudkit.migration.MigrationVerifier;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;
import org.springframework.core.Ordered;
import org.springframework.util.ClassUtils;

/**
 * Makes {@link MigrationVerifier} a database initializer that runs after every other one
 * (Liquibase among them), so that beans that need an initialized database, such as JPA's
 * entity manager factory and its schema validation, start only after the verification
 * passed.
 */
final class MigrationVerifierDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	private static final String LIQUIBASE = "liquibase.integration.spring.SpringLiquibase";

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		// Without Liquibase there is no verifier, and its class must not be loaded.
		return ClassUtils.isPresent(LIQUIBASE, getClass().getClassLoader()) ? Set.of(MigrationVerifier.class)
				: Set.of();
	}

	@Override
	public int getOrder() {
		return Ordered.LOWEST_PRECEDENCE;
	}

}
