package io.github.crudkit.query.autoconfigure;

import io.github.crudkit.query.EntityReader;
import io.github.crudkit.query.ProjectionReader;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.query.criteria.JpaSubQuery;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.orm.jpa.SharedEntityManagerCreator;

/**
 * Registers a {@link ProjectionReader} and an {@link EntityReader} on the application's
 * entity manager factory, so that services read what they only show as projections and
 * pages of entities with their relations, both with id-first pages.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass({ EntityManagerFactory.class, JpaSubQuery.class, Specification.class })
@ConditionalOnSingleCandidate(EntityManagerFactory.class)
@ConditionalOnBooleanProperty(name = "crudkit.query.enabled", matchIfMissing = true)
public final class CrudkitQueryAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	ProjectionReader crudkitProjectionReader(EntityManagerFactory entityManagerFactory) {
		return new ProjectionReader(SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory));
	}

	@Bean
	@ConditionalOnMissingBean
	EntityReader crudkitEntityReader(EntityManagerFactory entityManagerFactory) {
		return new EntityReader(SharedEntityManagerCreator.createSharedEntityManager(entityManagerFactory));
	}

}
