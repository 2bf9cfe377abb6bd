package io.github.crudkit.input.autoconfigure;

import java.beans.PropertyEditorSupport;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.InitBinder;

/**
 * Reads integer path variables and query parameters strictly: only an optional minus sign
 * and decimal digits. Spring falls back to {@code NumberUtils.parseNumber}, which also
 * accepts hexadecimal ({@code 0x16}) and surrounding whitespace, so that one resource
 * would answer to several URLs; custom editors come first, so these refuse such values (a
 * {@code 400}).
 *
 * @since 0.1.0
 */
@ControllerAdvice
final class StrictNumberBinding {

	private static final Pattern INTEGER = Pattern.compile("-?[0-9]{1,19}");

	/**
	 * Register the strict editors on every binder.
	 * @param binder the binder
	 */
	@InitBinder
	public void registerStrictNumberEditors(WebDataBinder binder) {
		binder.registerCustomEditor(long.class, new StrictEditor(Long::valueOf, false));
		binder.registerCustomEditor(Long.class, new StrictEditor(Long::valueOf, true));
		binder.registerCustomEditor(int.class, new StrictEditor(Integer::valueOf, false));
		binder.registerCustomEditor(Integer.class, new StrictEditor(Integer::valueOf, true));
	}

	private static final class StrictEditor extends PropertyEditorSupport {

		private final Function<String, Object> parser;

		private final boolean nullable;

		StrictEditor(Function<String, Object> parser, boolean nullable) {
			this.parser = parser;
			this.nullable = nullable;
		}

		@Override
		public void setAsText(@Nullable String text) {
			if (text == null || text.isEmpty()) {
				if (!this.nullable) {
					throw new IllegalArgumentException("A number is required");
				}
				setValue(null);
				return;
			}
			if (!INTEGER.matcher(text).matches()) {
				throw new IllegalArgumentException("Not a decimal integer");
			}
			setValue(this.parser.apply(text));
		}

		@Override
		public String getAsText() {
			Object value = getValue();
			return (value != null) ? value.toString() : "";
		}

	}

}
