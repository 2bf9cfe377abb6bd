package io.github.crudkit.openapi.autoconfigure;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;

import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.util.StringUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * Gives every operation an id derived from its controller and method, the controller's
 * name without {@code Controller} followed by the method's: {@code HeroController.list}
 * is {@code heroList}. springdoc's own ids are the bare method names, numbered when they
 * repeat ({@code list_2}), so they change when a controller is added.
 * <p>
 * An id given with {@code @Operation(operationId = ...)} is kept. Two handlers that
 * springdoc merges into one operation (a list and its keyset twin) keep the shorter id,
 * as springdoc does. Should two controllers of the same name in different packages derive
 * the same id, each is qualified with its package's last segment.
 */
final class OperationIdCustomizer implements GlobalOperationCustomizer, GlobalOpenApiCustomizer {

	/**
	 * Marks an id that crudkit derived, with its qualified alternative; removed once the
	 * document is complete.
	 */
	static final String DERIVED = "x-crudkit-derived-operation-id";

	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		if (hasExplicitId(handlerMethod)) {
			return operation;
		}
		String method = handlerMethod.getMethod().getName();
		String derived = prefix(handlerMethod.getBeanType()) + StringUtils.capitalize(method);
		String current = operation.getOperationId();
		boolean derivedBefore = operation.getExtensions() != null && operation.getExtensions().containsKey(DERIVED);
		if (current == null || (!derivedBefore && current.equals(method))
				|| (derivedBefore && shorter(derived, current))) {
			operation.setOperationId(derived);
			operation.addExtension(DERIVED,
					lastSegment(handlerMethod.getBeanType().getPackageName()) + StringUtils.capitalize(derived));
		}
		return operation;
	}

	@Override
	public void customise(OpenAPI openApi) {
		if (openApi.getPaths() == null) {
			return;
		}
		List<Operation> operations = new ArrayList<>();
		openApi.getPaths().values().stream().map(PathItem::readOperations).forEach(operations::addAll);
		Map<String, Integer> counts = new HashMap<>();
		operations.forEach((operation) -> counts.merge(String.valueOf(operation.getOperationId()), 1, Integer::sum));
		for (Operation operation : operations) {
			Object qualified = (operation.getExtensions() != null) ? operation.getExtensions().remove(DERIVED) : null;
			if (qualified != null && counts.getOrDefault(String.valueOf(operation.getOperationId()), 0) > 1) {
				operation.setOperationId(qualified.toString());
			}
			if (operation.getExtensions() != null && operation.getExtensions().isEmpty()) {
				operation.setExtensions(null);
			}
		}
	}

	private static boolean hasExplicitId(HandlerMethod handlerMethod) {
		io.swagger.v3.oas.annotations.Operation annotation = AnnotatedElementUtils
			.findMergedAnnotation(handlerMethod.getMethod(), io.swagger.v3.oas.annotations.Operation.class);
		return annotation != null && StringUtils.hasText(annotation.operationId());
	}

	private static boolean shorter(String candidate, String current) {
		return candidate.length() < current.length()
				|| (candidate.length() == current.length() && candidate.compareTo(current) < 0);
	}

	static String prefix(Class<?> controller) {
		String name = controller.getSimpleName();
		String stem = name.endsWith("Controller") ? name.substring(0, name.length() - "Controller".length()) : name;
		return StringUtils.uncapitalize(stem.isEmpty() ? name : stem);
	}

	private static String lastSegment(@Nullable String packageName) {
		if (packageName == null || packageName.isEmpty()) {
			return "";
		}
		return packageName.substring(packageName.lastIndexOf('.') + 1);
	}

}
