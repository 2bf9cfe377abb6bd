package io.github.crudkit.statements;

/**
 * Thrown when {@code crudkit.n-plus-one.mode=fail} and a unit of work runs into an N+1;
 * its message names the entity, the association, the code that ran the statements and the
 * fix.
 *
 * @since 0.1.0
 */
public class NPlusOneException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final transient NPlusOneDetection detection;

	/**
	 * Create the exception.
	 * @param detection what was found
	 */
	public NPlusOneException(NPlusOneDetection detection) {
		super(detection.message());
		this.detection = detection;
	}

	/**
	 * Return what was found.
	 * @return the detection
	 */
	public NPlusOneDetection getDetection() {
		return this.detection;
	}

}
