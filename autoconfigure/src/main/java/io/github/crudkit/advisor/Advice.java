package io.github.crudkit.advisor;

import org.jspecify.annotations.Nullable;

/**
 * One finding of the {@link MappingAdvisor}.
 *
 * @param code what is found
 * @param entity the entity's simple class name
 * @param attribute the attribute (or the repository, for
 * {@link AdviceCode#UNBOUNDED_LIST}), or {@code null} for a finding about the entity
 * @param problem what is found there
 * @since 0.1.0
 */
public record Advice(AdviceCode code, String entity, @Nullable String attribute, String problem) {

	/**
	 * Return where the finding is: {@code Entity} or {@code Entity.attribute}.
	 * @return the location
	 */
	public String location() {
		return (this.attribute != null) ? this.entity + "." + this.attribute : this.entity;
	}

	/**
	 * Return the finding as one line: code, location, problem, why it matters and the
	 * fix.
	 * @return the line
	 */
	@Override
	public String toString() {
		return this.code.code() + " " + location() + ": " + this.problem + "; why: " + this.code.why() + "; fix: "
				+ this.code.fix();
	}

}
