package io.github.crudkit.statements.autoconfigure;

import io.github.crudkit.statements.StatementTracker;
import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Publishes the statement counts and SQL time of every request and transaction to
 * Micrometer. Ordered after Boot's metrics auto-configurations, so that the registry Boot
 * creates (with its exporters, Prometheus's among them) exists when its condition is
 * evaluated.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = CrudkitStatementsAutoConfiguration.class, afterName = {
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, StatementTracker.class })
public final class CrudkitStatementsMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	StatementMetrics crudkitStatementMetrics(MeterRegistry registry, StatementTracker tracker) {
		return new StatementMetrics(registry, tracker);
	}

}
