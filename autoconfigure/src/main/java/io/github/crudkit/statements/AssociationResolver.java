package io.github.crudkit.statements;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * Tells which entity, and which associations, a repeated SQL statement loads, for N+1
 * reports.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface AssociationResolver {

	/**
	 * A resolver that knows nothing.
	 */
	AssociationResolver NONE = (sql) -> null;

	/**
	 * Resolve a statement.
	 * @param sql the SQL text
	 * @return what it loads, or {@code null} if unknown
	 */
	@Nullable Target resolve(String sql);

	/**
	 * What a statement loads.
	 *
	 * @param entity the entity's name
	 * @param associations the associations ({@code Owner.attribute}) that load it lazily
	 * @param collection whether the associations are collections (to-many), loaded by the
	 * owner's key rather than by the entity's id
	 */
	record Target(String entity, List<String> associations, boolean collection) {

		/**
		 * A target loaded through to-one associations, or none.
		 * @param entity the entity's name
		 * @param associations the to-one associations that load it lazily
		 */
		public Target(String entity, List<String> associations) {
			this(entity, associations, false);
		}

	}

}
