package io.github.crudkit.concurrency;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * A request's {@code If-Match} precondition (RFC 9110, section 13.1.1), checked against
 * an entity's version.
 * <p>
 * Absent, it allows any version (the write may still lose an optimistic-lock race, which
 * crudkit answers with {@code 409}). {@code *} allows any existing resource. Otherwise
 * the stored version must be one of the listed strong entity tags; a weak tag
 * ({@code W/"3"}) or a malformed value never matches, as the RFC's strong comparison
 * requires.
 *
 * @since 0.1.0
 */
public final class IfMatch {

	private static final IfMatch ANY = new IfMatch(true, List.of(), false);

	private final boolean any;

	private final List<Long> versions;

	private final boolean present;

	private IfMatch(boolean any, List<Long> versions, boolean present) {
		this.any = any;
		this.versions = versions;
		this.present = present;
	}

	/**
	 * Parse the header.
	 * @param header the header value, or {@code null} when the request has none
	 * @return the precondition
	 */
	public static IfMatch parse(@Nullable String header) {
		if (header == null || header.isBlank()) {
			return ANY;
		}
		if (header.strip().equals("*")) {
			return new IfMatch(true, List.of(), true);
		}
		List<Long> versions = new ArrayList<>();
		for (String tag : header.split(",")) {
			Long version = versionOf(tag.strip());
			if (version != null) {
				versions.add(version);
			}
		}
		return new IfMatch(false, List.copyOf(versions), true);
	}

	/**
	 * Return the strong entity tag of a version.
	 * @param version the version
	 * @return the tag, quotes included
	 */
	public static String eTagOf(long version) {
		return "\"" + version + "\"";
	}

	/**
	 * Return whether the request carried an {@code If-Match} header.
	 * @return whether a precondition was given
	 */
	public boolean isPresent() {
		return this.present;
	}

	/**
	 * Return whether the stored version satisfies the precondition.
	 * @param currentVersion the stored version
	 * @return whether the write may go ahead
	 */
	public boolean matches(long currentVersion) {
		return this.any || this.versions.contains(currentVersion);
	}

	/**
	 * Fail unless the stored version satisfies the precondition.
	 * @param resource the resource's name as clients know it
	 * @param id the resource's id
	 * @param currentVersion the stored version
	 * @throws StaleVersionException if it does not
	 */
	public void check(String resource, Object id, long currentVersion) {
		if (!matches(currentVersion)) {
			throw new StaleVersionException(resource, id, currentVersion);
		}
	}

	/**
	 * Return the version a strong entity tag names, or {@code null} when the tag is not
	 * exactly one that {@link #eTagOf(long)} writes: strong comparison (RFC 9110,
	 * 8.8.3.2) is character by character, so {@code "03"}, {@code W/"3"}, {@code "-3"} or
	 * non-ASCII digits never match.
	 * @param tag the entity tag, quotes included
	 * @return the version, or {@code null}
	 */
	private static @Nullable Long versionOf(String tag) {
		if (tag.length() < 3 || tag.charAt(0) != '"' || tag.charAt(tag.length() - 1) != '"') {
			return null;
		}
		String digits = tag.substring(1, tag.length() - 1);
		if (digits.length() > 18 || (digits.length() > 1 && digits.charAt(0) == '0')) {
			return null;
		}
		for (int i = 0; i < digits.length(); i++) {
			char c = digits.charAt(i);
			if (c < '0' || c > '9') {
				return null;
			}
		}
		return Long.parseLong(digits);
	}

	@Override
	public String toString() {
		return !this.present ? "IfMatch[absent]" : this.any ? "IfMatch[*]" : "IfMatch" + this.versions;
	}

}
