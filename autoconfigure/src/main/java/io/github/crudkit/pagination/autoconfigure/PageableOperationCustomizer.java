package io.github.crudkit.pagination.autoconfigure;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import io.github.crudkit.pagination.PaginationPolicy;
import io.github.crudkit.pagination.SortPolicy;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import org.jspecify.annotations.Nullable;
import org.springdoc.core.customizers.OperationCustomizer;

import org.springframework.core.MethodParameter;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents the {@code page}, {@code size} and {@code sort} parameters of list endpoints
 * in OpenAPI as crudkit resolves them: their defaults, the maximum size and the allowed
 * sort values.
 */
final class PageableOperationCustomizer implements OperationCustomizer {

	private final PageRequestArgumentResolver resolver;

	/**
	 * Create the customizer.
	 * @param resolver the resolver whose rules are documented
	 */
	PageableOperationCustomizer(PageRequestArgumentResolver resolver) {
		this.resolver = resolver;
	}

	@Override
	public Operation customize(Operation operation, HandlerMethod handlerMethod) {
		MethodParameter pageable = null;
		for (MethodParameter parameter : handlerMethod.getMethodParameters()) {
			if (this.resolver.supportsParameter(parameter)) {
				pageable = parameter;
			}
		}
		if (pageable == null) {
			return operation;
		}
		PaginationPolicy policy = this.resolver.policy();
		SortPolicy sort = this.resolver.sortPolicy(pageable);
		List<Parameter> parameters = (operation.getParameters() != null) ? new ArrayList<>(operation.getParameters())
				: new ArrayList<>();
		parameters.removeIf((parameter) -> "query".equals(parameter.getIn())
				&& List.of("page", "size", "sort").contains(parameter.getName()));
		parameters.add(new Parameter().in("query")
			.name("page")
			.required(false)
			.description("Zero-based page index; negative values are a 400.")
			.schema(integer(0, null, 0)));
		String sizeRule = (policy.oversize() == PaginationPolicy.Oversize.CLAMP)
				? "larger values are clamped to " + policy.maxSize() : "larger values are a 400";
		parameters.add(new Parameter().in("query")
			.name("size")
			.required(false)
			.description("Page size, at most " + policy.maxSize() + " (" + sizeRule + "); below 1 is a 400.")
			.schema(integer(1, policy.maxSize(), policy.defaultSize())));
		List<String> values = new ArrayList<>();
		for (String property : sort.allowed()) {
			values.add(property);
			values.add(property + ",asc");
			values.add(property + ",desc");
		}
		Schema<String> item = new StringSchema();
		item.setEnum(values);
		parameters.add(new Parameter().in("query")
			.name("sort")
			.required(false)
			.description("Order: property[,asc|desc], repeatable. Allowed properties: "
					+ String.join(", ", sort.allowed()) + "; any other is a 400. Every order ends with the id.")
			.schema(new ArraySchema().items(item)));
		operation.setParameters(parameters);
		return operation;
	}

	private static IntegerSchema integer(int minimum, @Nullable Integer maximum, int defaultValue) {
		IntegerSchema schema = new IntegerSchema();
		schema.setMinimum(BigDecimal.valueOf(minimum));
		if (maximum != null) {
			schema.setMaximum(BigDecimal.valueOf(maximum));
		}
		schema.setDefault(defaultValue);
		return schema;
	}

}
