package io.github.crudkit.openapi.autoconfigure;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import org.junit.jupiter.api.Test;

import org.springframework.web.method.HandlerMethod;

import static org.assertj.core.api.Assertions.assertThat;

class OperationIdCustomizerTests {

	private final OperationIdCustomizer customizer = new OperationIdCustomizer();

	@Test
	void idIsTheControllerFollowedByTheMethod() {
		Operation operation = customize(new Operation().operationId("list"), HeroController.class, "list");

		assertThat(operation.getOperationId()).isEqualTo("heroList");
	}

	@Test
	void keepsAnExplicitId() {
		Operation operation = customize(new Operation().operationId("findHeroes"), HeroController.class, "search");

		assertThat(operation.getOperationId()).isEqualTo("findHeroes");
	}

	@Test
	void mergedHandlersKeepTheShorterIdInEitherOrder() {
		Operation listFirst = customize(new Operation().operationId("list"), HeroController.class, "list");
		customize(listFirst, HeroController.class, "listAfter");
		Operation listAfterFirst = customize(new Operation().operationId("listAfter"), HeroController.class,
				"listAfter");
		customize(listAfterFirst, HeroController.class, "list");

		assertThat(listFirst.getOperationId()).isEqualTo("heroList");
		assertThat(listAfterFirst.getOperationId()).isEqualTo("heroList");
	}

	@Test
	void controllersOfTheSameNameAreQualifiedByTheirPackageAndTheMarkIsRemoved() {
		Operation one = customize(new Operation().operationId("list"), HeroController.class, "list");
		Operation elsewhere = customize(new Operation().operationId("list"),
				io.github.crudkit.openapi.autoconfigure.other.HeroController.class, "list");
		Operation team = customize(new Operation().operationId("list"), TeamController.class, "list");
		OpenAPI openApi = new OpenAPI().paths(new Paths().addPathItem("/heroes", new PathItem().get(one))
			.addPathItem("/other/heroes", new PathItem().get(elsewhere))
			.addPathItem("/teams", new PathItem().get(team)));

		this.customizer.customise(openApi);

		assertThat(one.getOperationId()).isEqualTo("autoconfigureHeroList");
		assertThat(elsewhere.getOperationId()).isEqualTo("otherHeroList");
		assertThat(team.getOperationId()).isEqualTo("teamList");
		assertThat(one.getExtensions()).isNull();
		assertThat(team.getExtensions()).isNull();
	}

	private Operation customize(Operation operation, Class<?> controller, String method) {
		try {
			Object bean = controller.getDeclaredConstructor().newInstance();
			return this.customizer.customize(operation, new HandlerMethod(bean, controller.getDeclaredMethod(method)));
		}
		catch (ReflectiveOperationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static class HeroController {

		void list() {
		}

		void listAfter() {
		}

		@io.swagger.v3.oas.annotations.Operation(operationId = "findHeroes")
		void search() {
		}

	}

	static class TeamController {

		void list() {
		}

	}

}
