package io.github.crudkit.test.postgres;

import java.util.LinkedHashMap;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Gives each application context of a test annotated with {@link CrudkitTestDatabase} a
 * fresh database.
 *
 * @since 0.1.0
 */
public class TestDatabaseContextCustomizerFactory implements ContextCustomizerFactory {

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		return TestContextAnnotationUtils.hasAnnotation(testClass, CrudkitTestDatabase.class)
				? new TestDatabaseContextCustomizer() : null;
	}

	private static final class TestDatabaseContextCustomizer implements ContextCustomizer {

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			TestDatabase database = TestPostgres.server().createDatabase();
			context.getEnvironment()
				.getPropertySources()
				.addFirst(new MapPropertySource("crudkitTestDatabase",
						new LinkedHashMap<>(TestPostgres.describe(database))));
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return other != null && other.getClass() == getClass();
		}

		@Override
		public int hashCode() {
			return getClass().hashCode();
		}

	}

}
