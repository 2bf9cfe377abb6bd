package io.github.crudkit.statements.autoconfigure;

import java.io.IOException;

import io.github.crudkit.statements.StatementTracker;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.servlet.ServletException;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class CrudkitStatementsMetricsAutoConfigurationTests {

	// Boot's own metrics auto-configurations create the registry, as in an application:
	// crudkit's metrics must find it.
	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CrudkitStatementsAutoConfiguration.class,
				CrudkitStatementsMetricsAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class));

	@Test
	void publishesMetricsToTheRegistryBootCreates() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(StatementMetrics.class);
			StatementTracker tracker = context.getBean(StatementTracker.class);
			try (StatementTracker.Scope scope = tracker.begin("job")) {
				tracker.record("select 1", false, 2_000_000);
			}
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("crudkit.sql.statements").tag("unit", "request").summary().totalAmount())
				.isEqualTo(1.0);
			assertThat(registry.get("crudkit.sql.time")
				.tag("unit", "request")
				.timer()
				.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(2.0);
		});
	}

	@Test
	void tagsRequestsWithTheirMethodAndUriTemplate() {
		this.contextRunner.run((context) -> {
			StatementTracker tracker = context.getBean(StatementTracker.class);
			MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/heroes/42");
			serve(tracker, request, () -> {
				request.setAttribute(StatementCountingFilter.BEST_MATCHING_PATTERN, "/api/heroes/{id}");
				tracker.record("select h from hero h where h.id=?", false, 1_000_000);
			});
			serve(tracker, new MockHttpServletRequest("GET", "/nowhere/7"), () -> {
			});
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get("crudkit.sql.statements")
				.tags("unit", "request", "method", "GET", "uri", "/api/heroes/{id}")
				.summary()
				.count()).isEqualTo(1);
			assertThat(registry.get("crudkit.sql.time")
				.tags("method", "GET", "uri", "/api/heroes/{id}")
				.timer()
				.totalTime(java.util.concurrent.TimeUnit.MILLISECONDS)).isEqualTo(1.0);
			assertThat(registry.find("crudkit.sql.statements").tag("uri", "/nowhere/7").summary())
				.as("raw URIs never become tags")
				.isNull();
			assertThat(registry.get("crudkit.sql.statements").tag("uri", "NOT_FOUND").summary().count()).isEqualTo(1);
		});
	}

	@Test
	void transactionsOutsideARequestAreTaggedNone() {
		this.contextRunner.run((context) -> {
			StatementTracker tracker = context.getBean(StatementTracker.class);
			try (StatementTracker.Scope scope = tracker.begin("transaction job")) {
				tracker.record("select 1", false);
			}
			assertThat(context.getBean(MeterRegistry.class)
				.get("crudkit.sql.statements")
				.tags("unit", "transaction", "method", "NONE", "uri", "NONE")
				.summary()
				.count()).isEqualTo(1);
		});
	}

	@Test
	void backsOffWithoutARegistry() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CrudkitStatementsAutoConfiguration.class,
					CrudkitStatementsMetricsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(StatementMetrics.class));
	}

	@Test
	void usesARegistryTheApplicationDefines() {
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CrudkitStatementsAutoConfiguration.class,
					CrudkitStatementsMetricsAutoConfiguration.class))
			.withBean(MeterRegistry.class, SimpleMeterRegistry::new)
			.run((context) -> assertThat(context).hasSingleBean(StatementMetrics.class));
	}

	private static void serve(StatementTracker tracker, MockHttpServletRequest request, Runnable handler)
			throws ServletException, IOException {
		MockHttpServletResponse response = new MockHttpServletResponse();
		new StatementCountingFilter(tracker).doFilter(request, response, (req, res) -> {
			if (request.getRequestURI().startsWith("/nowhere")) {
				((MockHttpServletResponse) res).setStatus(404);
			}
			handler.run();
		});
	}

}
