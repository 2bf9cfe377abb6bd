package io.github.crudkit.openapi;

/**
 * What a controller writes in springdoc's {@code @ApiResponse} to adjust the error
 * responses crudkit documents for an endpoint. An {@code @ApiResponse} for a 4xx or 5xx
 * status adds that status, or gives it a description of the endpoint's own; crudkit
 * documents it as {@code application/problem+json} with the shared {@code Problem}
 * schema. One whose description is {@link #NEVER} removes a status crudkit would
 * otherwise document: <pre class="code">
 * &#64;ApiResponse(responseCode = "409", description = "A team of that name exists already.")
 * &#64;ApiResponse(responseCode = "422", description = ProblemResponses.NEVER)
 * </pre>
 *
 * @since 0.1.0
 */
public final class ProblemResponses {

	/**
	 * Description of an {@code @ApiResponse} whose status the endpoint never answers:
	 * crudkit leaves it out of the document.
	 */
	public static final String NEVER = "crudkit:never";

	private ProblemResponses() {
	}

}
