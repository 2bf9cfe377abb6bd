package io.github.crudkit.test.advisor;

import java.util.List;

import io.github.crudkit.advisor.Advice;
import io.github.crudkit.advisor.MappingAdvisor;

import org.springframework.context.ApplicationContext;

/**
 * Fails a test on any finding of crudkit's {@linkplain MappingAdvisor JPA mapping
 * advisor}, one line per finding: <pre class="code">
 * AdvisorAssertions.assertNoMappingAdvice(applicationContext);
 * </pre>
 *
 * @since 0.1.0
 */
public final class AdvisorAssertions {

	private AdvisorAssertions() {
	}

	/**
	 * Assert that the advisor finds nothing in an application, read as crudkit's start-up
	 * check reads it: its entity manager factory, data source and Spring Data
	 * repositories, with the suppressions of {@code crudkit.advisor.suppress} and
	 * {@code @SuppressAdvice}.
	 * @param context the application context of a {@code @SpringBootTest}
	 */
	public static void assertNoMappingAdvice(ApplicationContext context) {
		assertNoMappingAdvice(MappingAdvisor.of(context));
	}

	/**
	 * Assert that an advisor finds nothing.
	 * @param advisor the advisor, for example
	 * {@code MappingAdvisor.of(entityManagerFactory)}
	 */
	public static void assertNoMappingAdvice(MappingAdvisor advisor) {
		List<Advice> findings = advisor.advise();
		if (!findings.isEmpty()) {
			throw new AssertionError(findings.size() + " JPA mapping advisor finding(s):\n  "
					+ String.join("\n  ", findings.stream().map(Advice::toString).toList()));
		}
	}

}
