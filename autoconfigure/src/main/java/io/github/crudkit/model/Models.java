package io.github.crudkit.model;

import java.lang.reflect.RecordComponent;
import java.util.StringJoiner;

/**
 * Helpers for model records.
 *
 * @since 0.1.0
 */
public final class Models {

	/**
	 * What {@link #toString(Record)} shows in place of a write-only value.
	 */
	public static final String MASK = "<write-only>";

	private Models() {
	}

	/**
	 * Render a record like its generated {@code toString()}, with every {@link WriteOnly}
	 * component masked; use it to override {@code toString()} in a record that holds a
	 * secret.
	 * @param record the record
	 * @return for example {@code HeroCreate[name=Tony, secretName=<write-only>, age=48]}
	 */
	public static String toString(Record record) {
		StringJoiner joiner = new StringJoiner(", ", record.getClass().getSimpleName() + "[", "]");
		for (RecordComponent component : record.getClass().getRecordComponents()) {
			Object value;
			if (isWriteOnly(component)) {
				value = MASK;
			}
			else {
				try {
					component.getAccessor().setAccessible(true);
					value = component.getAccessor().invoke(record);
				}
				catch (ReflectiveOperationException | RuntimeException ex) {
					value = "?";
				}
			}
			joiner.add(component.getName() + "=" + value);
		}
		return joiner.toString();
	}

	/**
	 * Return whether a record component is write-only.
	 * @param component the component
	 * @return whether it is annotated with {@link WriteOnly}
	 */
	public static boolean isWriteOnly(RecordComponent component) {
		return component.isAnnotationPresent(WriteOnly.class)
				|| component.getAccessor().isAnnotationPresent(WriteOnly.class);
	}

}
