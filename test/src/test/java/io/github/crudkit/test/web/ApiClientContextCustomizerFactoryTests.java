package io.github.crudkit.test.web;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Which tests get an {@link ApiClient} bean: those whose web server listens on a port.
 */
class ApiClientContextCustomizerFactoryTests {

	private final ApiClientContextCustomizerFactory factory = new ApiClientContextCustomizerFactory();

	@Test
	void testsOnAPortGetAClient() {
		assertThat(this.factory.createContextCustomizer(RandomPort.class, List.of())).isNotNull();
		assertThat(this.factory.createContextCustomizer(DefinedPort.class, List.of())).isNotNull();
		assertThat(this.factory.createContextCustomizer(InheritsRandomPort.class, List.of())).isNotNull();
	}

	@Test
	void otherTestsDoNot() {
		assertThat(this.factory.createContextCustomizer(Mock.class, List.of())).isNull();
		assertThat(this.factory.createContextCustomizer(None.class, List.of())).isNull();
		assertThat(this.factory.createContextCustomizer(NotSpringBoot.class, List.of())).isNull();
	}

	@Test
	void customizersOfTwoTestsAreEqualSoTheyShareAContext() {
		assertThat(this.factory.createContextCustomizer(RandomPort.class, List.of()))
			.isEqualTo(this.factory.createContextCustomizer(DefinedPort.class, List.of()))
			.hasSameHashCodeAs(this.factory.createContextCustomizer(DefinedPort.class, List.of()));
	}

	@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
	static class RandomPort {

	}

	@SpringBootTest(webEnvironment = WebEnvironment.DEFINED_PORT)
	static class DefinedPort {

	}

	static class InheritsRandomPort extends RandomPort {

	}

	@SpringBootTest
	static class Mock {

	}

	@SpringBootTest(webEnvironment = WebEnvironment.NONE)
	static class None {

	}

	static class NotSpringBoot {

	}

}
