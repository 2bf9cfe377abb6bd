package io.github.crudkit.test.liquibase.lint;

/**
 * One statement of a changeset that breaks a {@link LintRule}.
 *
 * @param file the changelog file of the changeset, as Liquibase names it
 * @param changeSetId the changeset's id
 * @param rule the rule
 * @param problem what the statement does, naming the table and column
 * @since 0.1.0
 */
public record LintFinding(String file, String changeSetId, LintRule rule, String problem) {

	/**
	 * Return the finding as one line:
	 * {@code file [changeset id] CK-L001 index-concurrently:
	 * problem: fix}.
	 * @return the line
	 */
	@Override
	public String toString() {
		return this.file + " [" + this.changeSetId + "] " + this.rule.code() + " " + this.rule.id() + ": "
				+ this.problem + ": " + this.rule.fix();
	}

}
