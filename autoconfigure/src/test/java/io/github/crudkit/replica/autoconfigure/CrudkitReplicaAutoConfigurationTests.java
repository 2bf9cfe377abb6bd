package io.github.crudkit.replica.autoconfigure;

import io.github.crudkit.statements.StatementCountingDataSource;
import io.github.crudkit.statements.autoconfigure.CrudkitStatementsAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.jdbc.datasource.LazyConnectionDataSourceProxy;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

class CrudkitReplicaAutoConfigurationTests {

	private final WebApplicationContextRunner contextRunner = new WebApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(DataSourceAutoConfiguration.class, CrudkitStatementsAutoConfiguration.class,
						CrudkitReplicaAutoConfiguration.class, CrudkitReplicaMetricsAutoConfiguration.class))
		.withPropertyValues("spring.datasource.url=jdbc:postgresql://127.0.0.1:1/primary");

	@Test
	void changesNothingWithoutAReplicaUrl() {
		this.contextRunner.run((context) -> {
			assertThat(context).doesNotHaveBean(ReplicaDataSourceWrapper.class)
				.doesNotHaveBean("crudkitReadYourWritesFilter")
				.doesNotHaveBean("replicasHealthIndicator")
				.doesNotHaveBean(CrudkitReplicaProperties.class);
			assertThat(context.getBean("dataSource")).isInstanceOf(StatementCountingDataSource.class);
			assertThat(((StatementCountingDataSource) context.getBean("dataSource")).getTargetDataSource())
				.isInstanceOf(com.zaxxer.hikari.HikariDataSource.class);
		});
	}

	@Test
	void putsThePrimaryBehindTheRoutingUnderTheStatementCounter() {
		this.contextRunner.withPropertyValues("crudkit.replica.url=jdbc:postgresql://127.0.0.1:1/replica")
			.run((context) -> {
				assertThat(context).hasSingleBean(ReplicaDataSourceWrapper.class)
					.hasBean("crudkitReadYourWritesFilter")
					.hasBean("replicasHealthIndicator");
				StatementCountingDataSource counted = (StatementCountingDataSource) context.getBean("dataSource");
				assertThat(counted.getTargetDataSource()).isInstanceOf(LazyConnectionDataSourceProxy.class)
					.isInstanceOf(ReplicaAwareDataSource.class);
				ReplicaRoutingDataSource routing = counted.unwrap(ReplicaRoutingDataSource.class);
				assertThat(routing.replicas()).singleElement()
					.satisfies(
							(replica) -> assertThat(replica.url()).isEqualTo("jdbc:postgresql://127.0.0.1:1/replica"));
				assertThat(counted.unwrap(com.zaxxer.hikari.HikariDataSource.class).getJdbcUrl())
					.isEqualTo("jdbc:postgresql://127.0.0.1:1/primary");
			});
	}

	@Test
	void takesAListOfReplicasWithTheirOwnCredentials() {
		this.contextRunner
			.withPropertyValues("crudkit.replica.url=jdbc:postgresql://127.0.0.1:1/a",
					"crudkit.replica.urls[0]=jdbc:postgresql://127.0.0.1:1/b", "crudkit.replica.username=reader",
					"crudkit.replica.password=secret", "crudkit.replica.connection-timeout=300ms")
			.run((context) -> {
				ReplicaRoutingDataSource routing = CrudkitReplicaAutoConfiguration
					.routing(context.getBean(javax.sql.DataSource.class));
				assertThat(routing.replicas()).extracting(Replica::name).containsExactly("replica-1", "replica-2");
				assertThat(routing.replicas()).allSatisfy((replica) -> {
					assertThat(replica.pool().getUsername()).isEqualTo("reader");
					assertThat(replica.pool().getPassword()).isEqualTo("secret");
					assertThat(replica.pool().getConnectionTimeout()).isEqualTo(300);
					assertThat(replica.pool().isReadOnly()).isTrue();
				});
			});
	}

	@Test
	void isSwitchedOffByProperty() {
		this.contextRunner
			.withPropertyValues("crudkit.replica.url=jdbc:postgresql://127.0.0.1:1/replica",
					"crudkit.replica.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ReplicaDataSourceWrapper.class)
				.doesNotHaveBean("crudkitReadYourWritesFilter"));
	}

	@Test
	void leavesOutTheFilterOutsideAWebApplication() {
		new ApplicationContextRunner()
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, CrudkitReplicaAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=jdbc:postgresql://127.0.0.1:1/primary",
					"crudkit.replica.url=jdbc:postgresql://127.0.0.1:1/replica")
			.run((context) -> assertThat(context).hasSingleBean(ReplicaDataSourceWrapper.class)
				.doesNotHaveBean("crudkitReadYourWritesFilter"));
	}

	@Test
	void leavesOutHealthWithoutBootHealth() {
		this.contextRunner.withPropertyValues("crudkit.replica.url=jdbc:postgresql://127.0.0.1:1/replica")
			.withClassLoader(new FilteredClassLoader("org.springframework.boot.health"))
			.run((context) -> assertThat(context).hasSingleBean(ReplicaDataSourceWrapper.class)
				.doesNotHaveBean("replicasHealthIndicator"));
	}

	@Test
	void addsDegradedToTheHealthStatusOrderOnlyWithAReplica() {
		CrudkitReplicaDefaultsEnvironmentPostProcessor postProcessor = new CrudkitReplicaDefaultsEnvironmentPostProcessor();
		MockEnvironment without = new MockEnvironment();
		postProcessor.postProcessEnvironment(without, new SpringApplication());
		assertThat(without.getProperty("management.endpoint.health.status.order")).isNull();
		MockEnvironment with = new MockEnvironment().withProperty("crudkit.replica.url", "jdbc:postgresql://r/db")
			.withProperty("management.endpoint.health.status.http-mapping.degraded", "207");
		postProcessor.postProcessEnvironment(with, new SpringApplication());
		assertThat(with.getProperty("management.endpoint.health.status.order"))
			.isEqualTo("DOWN,OUT_OF_SERVICE,DEGRADED,UP,UNKNOWN");
		assertThat(with.getProperty("management.endpoint.health.status.http-mapping.degraded"))
			.as("the application's own setting wins")
			.isEqualTo("207");
	}

}
