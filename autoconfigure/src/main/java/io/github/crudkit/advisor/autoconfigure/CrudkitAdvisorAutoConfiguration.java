package io.github.crudkit.advisor.autoconfigure;

import java.util.List;

import io.github.crudkit.advisor.MappingAdvisor;
import jakarta.persistence.EntityManagerFactory;
import org.hibernate.engine.spi.SessionFactoryImplementor;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * Registers the JPA mapping advisor as a start-up check: once the application has started
 * (and migrated), {@link MappingAdvisor} reads Hibernate's mapping model and the
 * database's catalogue, and each finding is logged ({@code crudkit.advisor.mode=warn},
 * the default) or fails start-up with the other checks' problems ({@code fail});
 * {@code off} does not run it.
 *
 * @since 0.1.0
 */
@AutoConfiguration(afterName = { "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration",
		"org.springframework.boot.liquibase.autoconfigure.LiquibaseAutoConfiguration" })
@ConditionalOnClass({ EntityManagerFactory.class, SessionFactoryImplementor.class })
@EnableConfigurationProperties(CrudkitAdvisorProperties.class)
public final class CrudkitAdvisorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	MappingAdvisorStartupCheck crudkitMappingAdvisorStartupCheck(ApplicationContext context,
			CrudkitAdvisorProperties properties) {
		return new MappingAdvisorStartupCheck(
				() -> (context.getBeanProvider(EntityManagerFactory.class).getIfUnique() != null)
						? MappingAdvisor.of(context).advise() : List.of(),
				properties.mode());
	}

}
