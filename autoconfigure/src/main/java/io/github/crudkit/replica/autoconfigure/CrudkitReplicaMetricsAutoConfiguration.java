package io.github.crudkit.replica.autoconfigure;

import javax.sql.DataSource;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * Publishes where reads went, and why some fell back to the primary, to Micrometer (see
 * {@link ReplicaMetrics}). Ordered after Boot's metrics auto-configurations, so that the
 * registry exists when its condition is evaluated.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = CrudkitReplicaAutoConfiguration.class, afterName = {
		"org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
		"org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration" })
@ConditionalOnClass(MeterRegistry.class)
@ConditionalOnBean({ MeterRegistry.class, DataSource.class })
@Conditional(ReplicaConfiguredCondition.class)
public final class CrudkitReplicaMetricsAutoConfiguration {

	@Bean
	ReplicaMetrics crudkitReplicaMetrics(MeterRegistry registry, DataSource dataSource) {
		return new ReplicaMetrics(registry, CrudkitReplicaAutoConfiguration.routing(dataSource));
	}

}
