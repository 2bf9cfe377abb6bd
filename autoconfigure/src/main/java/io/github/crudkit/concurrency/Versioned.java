package io.github.crudkit.concurrency;

/**
 * A response body with the version of the resource it shows; crudkit writes the body and
 * sets {@code ETag: "<version>"}. Return it from a controller method, alone or inside a
 * {@code ResponseEntity}.
 *
 * @param <T> the body type, a Public record
 * @param body the body
 * @param version the resource's version, as in {@code BaseEntity#getVersion()}
 * @since 0.1.0
 */
public record Versioned<T>(T body, long version) {

	/**
	 * Return the strong entity tag of the version, quotes included.
	 * @return the entity tag, for example {@code "3"}
	 */
	public String eTag() {
		return IfMatch.eTagOf(this.version);
	}

}
