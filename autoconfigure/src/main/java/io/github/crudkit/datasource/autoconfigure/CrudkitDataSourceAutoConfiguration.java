package io.github.crudkit.datasource.autoconfigure;

import com.zaxxer.hikari.HikariDataSource;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link DatabaseStartupCheck}, which fails start-up with one clear message
 * when the database cannot be reached.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = DataSourceAutoConfiguration.class)
@ConditionalOnClass(HikariDataSource.class)
@ConditionalOnBooleanProperty(name = "crudkit.datasource.enabled", matchIfMissing = true)
@EnableConfigurationProperties(CrudkitDataSourceProperties.class)
public final class CrudkitDataSourceAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	static DatabaseStartupCheck crudkitDatabaseStartupCheck() {
		return new DatabaseStartupCheck();
	}

}
