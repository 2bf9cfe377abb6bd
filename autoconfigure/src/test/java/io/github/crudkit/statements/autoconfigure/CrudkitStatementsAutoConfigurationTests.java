package io.github.crudkit.statements.autoconfigure;

import java.sql.Connection;
import java.sql.Statement;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import io.github.crudkit.statements.AssociationResolver;
import io.github.crudkit.statements.StatementCountingDataSource;
import io.github.crudkit.statements.StatementRecorder;
import io.github.crudkit.statements.StatementTracker;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static io.github.crudkit.support.TestDatabase.PASSWORD;
import static io.github.crudkit.support.TestDatabase.URL;
import static io.github.crudkit.support.TestDatabase.USERNAME;
import static org.assertj.core.api.Assertions.assertThat;

class CrudkitStatementsAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CrudkitStatementsAutoConfiguration.class));

	@Test
	void registersTheTrackerInLogModeWithThresholdFive() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(StatementTracker.class).hasSingleBean(AssociationResolver.class);
			assertThat(context.getBean(StatementTracker.class).mode()).isEqualTo(StatementTracker.Mode.LOG);
			assertThat(context).doesNotHaveBean(StatementMetrics.class);
		});
	}

	@Test
	void bindsModeAndThreshold() {
		this.contextRunner
			.withPropertyValues("crudkit.statements.n-plus-one.mode=fail", "crudkit.statements.n-plus-one.threshold=3")
			.run((context) -> {
				assertThat(context.getBean(StatementTracker.class).mode()).isEqualTo(StatementTracker.Mode.FAIL);
				assertThat(context.getBean(CrudkitStatementsProperties.class).nPlusOne().threshold()).isEqualTo(3);
			});
	}

	@Test
	void wrapsTheDataSourceAndCountsItsStatements() {
		this.contextRunner.withUserConfiguration(DataSourceConfiguration.class).run((context) -> {
			DataSource dataSource = context.getBean(DataSource.class);
			assertThat(dataSource).isInstanceOf(StatementCountingDataSource.class);
			assertThat(dataSource.isWrapperFor(HikariDataSource.class)).isTrue();
			StatementTracker tracker = context.getBean(StatementTracker.class);
			try (StatementRecorder recorder = StatementRecorder.start(tracker)) {
				try (StatementTracker.Scope scope = tracker.begin("job");
						Connection connection = dataSource.getConnection();
						Statement statement = connection.createStatement()) {
					statement.execute("select 1");
					statement.execute("select 2");
				}
				assertThat(recorder.single().selects()).isEqualTo(2);
			}
		});
	}

	@Test
	void registersTheRequestFilterInAWebApplication() {
		new WebApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(CrudkitStatementsAutoConfiguration.class))
			.run((context) -> assertThat(context).hasBean("crudkitStatementCountingFilter")
				.getBean("crudkitStatementCountingFilter")
				.isInstanceOf(FilterRegistrationBean.class));
	}

	@Test
	void backsOffWhenUserDefinesTheTracker() {
		this.contextRunner.withUserConfiguration(UserTrackerConfiguration.class)
			.run((context) -> assertThat(context).getBean(StatementTracker.class)
				.isSameAs(context.getBean("userTracker")));
	}

	@Test
	void isSwitchedOffByProperty() {
		this.contextRunner.withUserConfiguration(DataSourceConfiguration.class)
			.withPropertyValues("crudkit.statements.enabled=false")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(StatementTracker.class);
				assertThat(context.getBean(DataSource.class)).isInstanceOf(HikariDataSource.class);
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class DataSourceConfiguration {

		@Bean(destroyMethod = "close")
		HikariDataSource dataSource() {
			HikariDataSource dataSource = new HikariDataSource();
			dataSource.setJdbcUrl(URL);
			dataSource.setUsername(USERNAME);
			dataSource.setPassword(PASSWORD);
			dataSource.setMaximumPoolSize(1);
			return dataSource;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserTrackerConfiguration {

		@Bean
		StatementTracker userTracker() {
			return new StatementTracker(StatementTracker.Mode.OFF, 2, AssociationResolver.NONE);
		}

	}

}
