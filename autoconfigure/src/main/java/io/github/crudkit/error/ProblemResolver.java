package io.github.crudkit.error;

import org.jspecify.annotations.Nullable;

import org.springframework.web.ErrorResponse;

/**
 * Turns a failure that crudkit's exception handler does not map itself into a problem:
 * the way for a feature, or an application, to map the exceptions of a library it uses
 * without extending the handler. Declare one as a bean; the handler asks every resolver,
 * in their order, for a failure that is not an {@link ErrorResponse} itself and for a
 * request body that cannot be read.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface ProblemResolver {

	/**
	 * Return the problem a failure stands for.
	 * @param failure the failure, with its causes
	 * @return the problem (a {@link ProblemException}, typically), or {@code null} when
	 * this resolver does not know the failure
	 */
	@Nullable ErrorResponse resolve(Throwable failure);

}
