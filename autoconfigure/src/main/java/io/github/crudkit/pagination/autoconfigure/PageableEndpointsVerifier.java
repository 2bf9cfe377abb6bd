package io.github.crudkit.pagination.autoconfigure;

import java.util.List;

import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.MethodParameter;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Builds the sort rules of every list endpoint at start-up, so that a {@link SortableBy}
 * naming a missing or write-only property fails start-up rather than the first request.
 */
final class PageableEndpointsVerifier implements SmartInitializingSingleton {

	private final PageRequestArgumentResolver resolver;

	private final List<RequestMappingHandlerMapping> mappings;

	/**
	 * Create the verifier.
	 * @param resolver the resolver whose rules are built
	 * @param mappings the handler mappings whose methods are checked
	 */
	PageableEndpointsVerifier(PageRequestArgumentResolver resolver, List<RequestMappingHandlerMapping> mappings) {
		this.resolver = resolver;
		this.mappings = mappings;
	}

	@Override
	public void afterSingletonsInstantiated() {
		for (RequestMappingHandlerMapping mapping : this.mappings) {
			for (HandlerMethod method : mapping.getHandlerMethods().values()) {
				for (MethodParameter parameter : method.getMethodParameters()) {
					if (this.resolver.supportsParameter(parameter)) {
						try {
							this.resolver.sortPolicy(parameter);
						}
						catch (IllegalStateException ex) {
							throw new IllegalStateException(method.getBeanType().getSimpleName() + "."
									+ method.getMethod().getName() + ": " + ex.getMessage(), ex);
						}
					}
				}
			}
		}
	}

}
