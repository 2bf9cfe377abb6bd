package io.github.crudkit.error;

import java.net.URI;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Chooses the {@code type} of every problem detail: {@code about:blank} (the problem
 * means no more than its HTTP status) unless a base URI is configured, in which case each
 * kind of problem gets {@code <base><slug>}, for example
 * {@code https://api.example.com/problems/duplicate}.
 *
 * @since 0.1.0
 */
public final class ProblemTypes {

	/**
	 * The type of a problem that means no more than its status.
	 */
	public static final URI BLANK = URI.create("about:blank");

	private final @Nullable String base;

	/**
	 * Create the strategy.
	 * @param base the base URI that slugs are appended to, or {@code null} for
	 * {@code about:blank} everywhere
	 */
	public ProblemTypes(@Nullable String base) {
		this.base = (base == null || base.isBlank()) ? null : base;
	}

	/**
	 * Return the slug of a problem known only by its status, the same one crudkit's
	 * handlers use for that status.
	 * @param status the HTTP status
	 * @return the slug, for example {@code not-found}
	 */
	public static String slugOf(int status) {
		return switch (status) {
			case 413 -> "payload-too-large";
			case 500 -> "internal-error";
			default -> {
				HttpStatus resolved = HttpStatus.resolve(status);
				yield (resolved != null) ? resolved.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-')
						: "error";
			}
		};
	}

	/**
	 * Complete a problem the way every crudkit problem is completed: the type of its kind
	 * (unless it has a type other than {@code about:blank}), the status's reason phrase
	 * as title, and the request path as instance (left out when the path is not a valid
	 * URI reference).
	 * @param problem the problem, with status and detail
	 * @param slug the kind of problem, for its type
	 * @param path the request path, if known
	 * @return the problem
	 */
	public ProblemDetail complete(ProblemDetail problem, String slug, @Nullable String path) {
		if (problem.getType() == null || BLANK.equals(problem.getType())) {
			problem.setType(typeOf(slug));
		}
		if (problem.getTitle() == null) {
			HttpStatus status = HttpStatus.resolve(problem.getStatus());
			problem.setTitle((status != null) ? status.getReasonPhrase() : "Error");
		}
		if (problem.getInstance() == null && path != null) {
			try {
				problem.setInstance(URI.create(path));
			}
			catch (IllegalArgumentException ex) {
				// A path that is not a valid URI reference stays out of the body.
			}
		}
		return problem;
	}

	/**
	 * Return the type URI of a kind of problem.
	 * @param slug the kind, for example {@code not-found}
	 * @return the type URI
	 */
	public URI typeOf(String slug) {
		return (this.base != null) ? URI.create(this.base + slug) : BLANK;
	}

}
