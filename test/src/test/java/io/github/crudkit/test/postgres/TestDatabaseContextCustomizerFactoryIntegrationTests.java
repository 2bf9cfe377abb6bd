package io.github.crudkit.test.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

import static org.assertj.core.api.Assertions.assertThat;

@SpringJUnitConfig(TestDatabaseContextCustomizerFactoryIntegrationTests.EmptyConfiguration.class)
@CrudkitTestDatabase
class TestDatabaseContextCustomizerFactoryIntegrationTests {

	@Autowired
	private Environment environment;

	@Test
	void pointsSpringDataSourceAtFreshConnectableDatabase() throws Exception {
		String url = this.environment.getRequiredProperty("spring.datasource.url");
		assertThat(url).matches("jdbc:postgresql://[^/]+/crudkit_test_\\w+(\\?.*)?");
		String name = url.replaceFirst("^jdbc:postgresql://[^/]+/", "").replaceFirst("\\?.*$", "");
		try (Connection connection = DriverManager.getConnection(url,
				this.environment.getRequiredProperty("spring.datasource.username"),
				this.environment.getRequiredProperty("spring.datasource.password"));
				Statement statement = connection.createStatement();
				ResultSet result = statement.executeQuery("SELECT current_database(), (SELECT count(*) FROM "
						+ "information_schema.tables WHERE table_schema = 'public')")) {
			assertThat(result.next()).isTrue();
			assertThat(result.getString(1)).isEqualTo(name);
			assertThat(result.getLong(2)).isZero();
		}
	}

	@Test
	void createsNoCustomizerForTestWithoutAnnotation() {
		assertThat(new TestDatabaseContextCustomizerFactory().createContextCustomizer(Plain.class, List.of())).isNull();
	}

	@Test
	void createsEqualCustomizersForAnnotatedAndInheritingTestsSoTheyShareTheirContext() {
		TestDatabaseContextCustomizerFactory factory = new TestDatabaseContextCustomizerFactory();
		assertThat(factory.createContextCustomizer(getClass(), List.of())).isNotNull()
			.isEqualTo(factory.createContextCustomizer(Inheriting.class, List.of()));
	}

	@Configuration(proxyBeanMethods = false)
	static class EmptyConfiguration {

	}

	static class Plain {

	}

	@CrudkitTestDatabase
	static class Annotated {

	}

	static class Inheriting extends Annotated {

	}

}
