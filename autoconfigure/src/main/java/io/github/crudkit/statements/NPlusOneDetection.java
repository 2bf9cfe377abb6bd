package io.github.crudkit.statements;

import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * One N+1 found in a unit of work: the same single-row statement run again and again,
 * typically a lazy relation loaded once per row of a list.
 *
 * @param unitOfWork the request ({@code GET /api/heroes}) or transaction it happened in
 * @param sql the repeated statement
 * @param count how often it ran in the unit of work
 * @param entity the entity it loads, if known
 * @param associations the associations that lazily load it, for example
 * {@code Hero.team}, if known
 * @param location the application code that ran it, for example
 * {@code HeroService.list(HeroService.java:42)}
 * @param collection whether the associations are collections (to-many)
 * @since 0.1.0
 */
public record NPlusOneDetection(String unitOfWork, String sql, int count, @Nullable String entity,
		List<String> associations, @Nullable String location, boolean collection) {

	/**
	 * A detection of to-one associations, or of none.
	 * @param unitOfWork the request or transaction it happened in
	 * @param sql the repeated statement
	 * @param count how often it ran in the unit of work
	 * @param entity the entity it loads, if known
	 * @param associations the to-one associations that lazily load it
	 * @param location the application code that ran it
	 */
	public NPlusOneDetection(String unitOfWork, String sql, int count, @Nullable String entity,
			List<String> associations, @Nullable String location) {
		this(unitOfWork, sql, count, entity, associations, location, false);
	}

	/**
	 * Return how to fix it.
	 * @return the advice
	 */
	public String fix() {
		if (!this.associations.isEmpty() && this.collection) {
			String attribute = this.associations.get(0);
			String path = attribute.substring(attribute.indexOf('.') + 1);
			return "load the collection for all the owners at once: read the owners' page, then their " + path
					+ " in one statement by the page's ids (ProjectionReader.findChildren), or fetch it with an"
					+ " id-first page (EntityReader.findPage(..., \"" + path + "\")), or load it in batches"
					+ " (@BatchSize on " + attribute + ", hibernate.default_batch_fetch_size); never 'join fetch' a"
					+ " collection into a paged query (crudkit's default fail_on_pagination_over_collection_fetch"
					+ " refuses it, and it would cut the page in memory)";
		}
		if (!this.associations.isEmpty()) {
			String attribute = this.associations.get(0);
			String path = attribute.substring(attribute.indexOf('.') + 1);
			return "fetch it with the query that loads the owners: 'join fetch' in its JPQL, FetchJoins.left(\"" + path
					+ "\") with a Specification, or @EntityGraph(attributePaths = \"" + path
					+ "\") on the repository method (Hibernate does not cache the plan of that one); or load the"
					+ " relation in batches (hibernate.default_batch_fetch_size, @BatchSize)";
		}
		return "load the rows with one query (an IN list or a join fetch) instead of one per row";
	}

	/**
	 * Return the full report, on one line.
	 * @return the message
	 */
	public String message() {
		StringBuilder message = new StringBuilder("N+1 in ").append(this.unitOfWork)
			.append(": the same statement ran ")
			.append(this.count)
			.append(" times");
		if (this.entity != null) {
			message.append(", loading ").append(this.entity);
			if (!this.associations.isEmpty()) {
				message.append(" through ").append(String.join(" or ", this.associations));
			}
		}
		if (this.location != null) {
			message.append(", from ").append(this.location);
		}
		message.append(". Fix: ").append(fix()).append(". Statement: ").append(this.sql);
		return message.toString();
	}

}
