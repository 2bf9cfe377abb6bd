package io.github.crudkit.openapi.autoconfigure;

import java.util.List;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.junit.jupiter.api.Test;

import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderParameterCustomizerTests {

	private final HeaderParameterCustomizer customizer = new HeaderParameterCustomizer();

	@Test
	void describesIfMatch() {
		Parameter ifMatch = header("If-Match");

		this.customizer.customize(new Operation().parameters(List.of(ifMatch)), handler());

		assertThat(ifMatch.getDescription()).startsWith("The ETag of the version this write is based on")
			.contains("412")
			.contains("409");
		Schema<?> schema = ifMatch.getSchema();
		assertThat(schema.getTypes()).containsExactly("string");
	}

	@Test
	void describesIdempotencyKeyWithItsLength() {
		Parameter key = header("idempotency-key");

		this.customizer.customize(new Operation().parameters(List.of(key)), handler());

		assertThat(key.getDescription()).contains("answered as the first time");
		assertThat(key.getSchema().getMinLength()).isOne();
		assertThat(key.getSchema().getMaxLength()).isEqualTo(255);
	}

	@Test
	void keepsADescriptionOfTheController() {
		Parameter ifMatch = header("If-Match").description("The team's ETag.");

		this.customizer.customize(new Operation().parameters(List.of(ifMatch)), handler());

		assertThat(ifMatch.getDescription()).isEqualTo("The team's ETag.");
	}

	@Test
	void leavesOtherParametersAlone() {
		Parameter query = new Parameter().in("query").name("If-Match").schema(new StringSchema());

		this.customizer.customize(new Operation().parameters(List.of(query)), handler());

		assertThat(query.getDescription()).isNull();
	}

	private static Parameter header(String name) {
		return new Parameter().in("header").name(name).schema(new StringSchema());
	}

	private static HandlerMethod handler() {
		try {
			return new HandlerMethod(new Controller(), Controller.class.getDeclaredMethod("handle"));
		}
		catch (NoSuchMethodException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static class Controller {

		void handle() {
		}

	}

}
