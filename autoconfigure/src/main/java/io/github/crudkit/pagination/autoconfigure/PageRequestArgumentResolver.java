package io.github.crudkit.pagination.autoconfigure;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.crudkit.pagination.InvalidPageRequestException;
import io.github.crudkit.pagination.PaginationPolicy;
import io.github.crudkit.pagination.SortPolicy;
import io.github.crudkit.pagination.SortableBy;
import org.jspecify.annotations.Nullable;

import org.springframework.core.MethodParameter;
import org.springframework.core.annotation.MergedAnnotation;
import org.springframework.core.annotation.MergedAnnotations;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Resolves {@link Pageable} parameters from {@code page}, {@code size} and {@code sort},
 * strictly: a page that is not a non-negative integer, a size below 1, or a sort property
 * outside the endpoint's {@link SortableBy} is a {@code 400} (Spring Data would silently
 * correct them); a size above the maximum is clamped or refused as configured; the order
 * always ends with the tie-breaker.
 */
final class PageRequestArgumentResolver implements HandlerMethodArgumentResolver {

	private static final SortPolicy UNSORTABLE = SortPolicy.of(new String[] { "id" }, new String[] { "id" }, "id",
			void.class);

	private final PaginationPolicy policy;

	private final Map<MethodParameter, SortPolicy> sortPolicies = new ConcurrentHashMap<>();

	/**
	 * Create the resolver.
	 * @param policy the page size rules
	 */
	PageRequestArgumentResolver(PaginationPolicy policy) {
		this.policy = policy;
	}

	/**
	 * Return the page size rules.
	 * @return the policy
	 */
	public PaginationPolicy policy() {
		return this.policy;
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return Pageable.class.equals(parameter.getParameterType());
	}

	@Override
	public Pageable resolveArgument(MethodParameter parameter, @Nullable ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, @Nullable WebDataBinderFactory binderFactory) {
		int page = parse("page", webRequest.getParameter("page"), 0, 0);
		int size = parse("size", webRequest.getParameter("size"), this.policy.defaultSize(), 1);
		if (size > this.policy.maxSize()) {
			if (this.policy.oversize() == PaginationPolicy.Oversize.REJECT) {
				throw new InvalidPageRequestException("size", "Size must be at most " + this.policy.maxSize() + ".");
			}
			size = this.policy.maxSize();
		}
		// JPA skips at most Integer.MAX_VALUE rows; a later page would fail in the
		// repository instead.
		if ((long) page * size > Integer.MAX_VALUE) {
			throw new InvalidPageRequestException("page",
					"Parameter 'page' must be at most " + (Integer.MAX_VALUE / size) + " with size " + size + ".");
		}
		String[] sortValues = webRequest.getParameterValues("sort");
		Sort sort = sortPolicy(parameter).resolve((sortValues != null) ? Arrays.asList(sortValues) : List.of());
		return PageRequest.of(page, size, sort);
	}

	/**
	 * Return the sort rules of a {@code Pageable} parameter, built once from its
	 * {@link SortableBy} (on the parameter or its method, directly or on an annotation
	 * that carries it); without one, only the tie-breaker {@code id} is allowed.
	 * @param parameter the parameter
	 * @return the rules
	 */
	public SortPolicy sortPolicy(MethodParameter parameter) {
		return this.sortPolicies.computeIfAbsent(parameter, (key) -> {
			SortableBy sortableBy = sortableBy(key);
			return (sortableBy != null) ? SortPolicy.of(sortableBy) : UNSORTABLE;
		});
	}

	/**
	 * Return the {@link SortableBy} of a {@code Pageable} parameter: on the parameter or
	 * its method, directly or on an annotation that carries it.
	 * @param parameter the parameter
	 * @return the annotation, or {@code null} when there is none
	 */
	@Nullable SortableBy sortableBy(MethodParameter parameter) {
		MergedAnnotation<SortableBy> sortableBy = MergedAnnotations.from(parameter.getParameterAnnotations())
			.get(SortableBy.class);
		if (!sortableBy.isPresent()) {
			sortableBy = MergedAnnotations.from(parameter.getExecutable()).get(SortableBy.class);
		}
		return sortableBy.isPresent() ? sortableBy.synthesize() : null;
	}

	private static int parse(String name, @Nullable String value, int fallback, int minimum) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		int parsed;
		try {
			parsed = Integer.parseInt(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new InvalidPageRequestException(name, "Parameter '" + name + "' must be an integer.");
		}
		if (parsed < minimum) {
			throw new InvalidPageRequestException(name, "Parameter '" + name + "' must be at least " + minimum + ".");
		}
		return parsed;
	}

}
