package io.github.crudkit.query.autoconfigure;

import io.github.crudkit.query.EntityReader;
import io.github.crudkit.query.ProjectionReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

class CrudkitQueryAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(CrudkitQueryAutoConfiguration.class))
		.withBean(EntityManagerFactory.class, () -> mock(EntityManagerFactory.class));

	@Test
	void registersBothReaders() {
		this.contextRunner.run((context) -> assertThat(context).hasSingleBean(ProjectionReader.class)
			.hasSingleBean(EntityReader.class));
	}

	@Test
	void isSwitchedOffByProperty() {
		this.contextRunner.withPropertyValues("crudkit.query.enabled=false")
			.run((context) -> assertThat(context).doesNotHaveBean(ProjectionReader.class)
				.doesNotHaveBean(EntityReader.class));
	}

	@Test
	void backsOffWithoutAnEntityManagerFactory() {
		new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(CrudkitQueryAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed()
				.doesNotHaveBean(ProjectionReader.class)
				.doesNotHaveBean(EntityReader.class));
	}

	@Test
	void backsOffWhenTheApplicationDefinesItsOwnReaders() {
		this.contextRunner.withUserConfiguration(OwnReaders.class)
			.run((context) -> assertThat(context).getBean(EntityReader.class)
				.isSameAs(context.getBean("ownEntityReader")));
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnReaders {

		@Bean
		EntityReader ownEntityReader() {
			return new EntityReader(mock(EntityManager.class));
		}

	}

}
