package io.github.crudkit.error;

/**
 * One entry of a problem's {@code errors} list: the offending field, in the form clients
 * use ({@code items[3].name}), and what is wrong with it.
 *
 * @param field the field path
 * @param message what is wrong, safe to show to the client
 * @since 0.1.0
 */
public record FieldViolation(String field, String message) {

}
