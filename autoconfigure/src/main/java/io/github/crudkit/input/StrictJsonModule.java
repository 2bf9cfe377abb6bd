package io.github.crudkit.input;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.module.SimpleModule;

/**
 * Jackson module that refuses JSON strings PostgreSQL cannot store as sent: a NUL
 * character, which PostgreSQL's text types reject, and an unpaired UTF-16 surrogate,
 * which the driver would silently replace, so that the stored value would differ from the
 * acknowledged one. Such a string is a {@link InvalidTextException} naming its field,
 * which crudkit maps to a {@code 400}.
 *
 * @since 0.1.0
 */
public final class StrictJsonModule extends SimpleModule {

	private static final long serialVersionUID = 1L;

	/**
	 * Create the module.
	 */
	public StrictJsonModule() {
		super("crudkit-strict-json");
		addDeserializer(String.class, new CheckedStringDeserializer());
	}

	/**
	 * Return why a string cannot be stored as sent.
	 * @param text the string
	 * @return the reason, or {@code null} if it can be
	 */
	public static @Nullable String problemOf(String text) {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\u0000') {
				return "must not contain the NUL character";
			}
			if (Character.isHighSurrogate(c)) {
				if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
					i++;
					continue;
				}
				return "must not contain an unpaired surrogate";
			}
			if (Character.isLowSurrogate(c)) {
				return "must not contain an unpaired surrogate";
			}
		}
		return null;
	}

	/**
	 * A JSON string that cannot be stored as sent.
	 */
	public static class InvalidTextException extends MismatchedInputException {

		private static final long serialVersionUID = 1L;

		InvalidTextException(JsonParser parser, String message) {
			super(parser, message);
		}

	}

	private static final class CheckedStringDeserializer extends StringDeserializer {

		@Override
		public String deserialize(JsonParser parser, DeserializationContext context) {
			String value = super.deserialize(parser, context);
			String problem = (value != null) ? problemOf(value) : null;
			if (problem != null) {
				throw new InvalidTextException(parser, problem);
			}
			return value;
		}

	}

}
