package io.github.crudkit.pagination.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import io.github.crudkit.pagination.SortPolicy;
import io.github.crudkit.pagination.SortableBy;
import io.github.crudkit.startup.StartupCheck;

import org.springframework.core.MethodParameter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Checks the sort rules of every list endpoint at start-up, so that a {@link SortableBy}
 * naming a missing or write-only property fails start-up rather than the first request,
 * with every such problem of every endpoint at once.
 */
final class PageableEndpointsVerifier implements StartupCheck {

	private final PageRequestArgumentResolver resolver;

	private final List<RequestMappingHandlerMapping> mappings;

	/**
	 * Create the verifier.
	 * @param resolver the resolver whose rules are checked
	 * @param mappings the handler mappings whose methods are checked
	 */
	PageableEndpointsVerifier(PageRequestArgumentResolver resolver, List<RequestMappingHandlerMapping> mappings) {
		this.resolver = resolver;
		this.mappings = mappings;
	}

	@Override
	public List<String> problems() {
		List<String> problems = new ArrayList<>();
		for (RequestMappingHandlerMapping mapping : this.mappings) {
			for (HandlerMethod method : mapping.getHandlerMethods().values()) {
				for (MethodParameter parameter : method.getMethodParameters()) {
					if (this.resolver.supportsParameter(parameter)) {
						SortableBy sortableBy = this.resolver.sortableBy(parameter);
						if (sortableBy != null) {
							String where = method.getBeanType().getSimpleName() + "." + method.getMethod().getName();
							SortPolicy.problems(sortableBy).forEach((problem) -> problems.add(where + ": " + problem));
						}
					}
				}
			}
		}
		return problems.stream().distinct().toList();
	}

	@Override
	public String description() {
		return "Sort whitelists (@SortableBy)";
	}

}
