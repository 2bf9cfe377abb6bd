package io.github.crudkit.migration;

import java.util.List;

/**
 * Thrown at start-up when the changesets applied to the database do not match the
 * changelog: the database is ahead of the code (it has changesets the changelog does
 * not), behind it (changesets of the changelog are not applied), or both. Each changeset
 * is named as {@code file::id::author}.
 *
 * @since 0.1.0
 */
public class MigrationMismatchException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String changeLog;

	private final List<String> ahead;

	private final List<String> behind;

	/**
	 * Create the exception.
	 * @param changeLog the location of the changelog
	 * @param ahead changesets applied to the database that the changelog does not have
	 * @param behind changesets of the changelog that are not applied to the database
	 */
	public MigrationMismatchException(String changeLog, List<String> ahead, List<String> behind) {
		super(message(changeLog, ahead, behind));
		this.changeLog = changeLog;
		this.ahead = List.copyOf(ahead);
		this.behind = List.copyOf(behind);
	}

	/**
	 * Return the location of the changelog.
	 * @return the changelog
	 */
	public String getChangeLog() {
		return this.changeLog;
	}

	/**
	 * Return the changesets applied to the database that the changelog does not have.
	 * @return the changesets, as {@code file::id::author}
	 */
	public List<String> getAhead() {
		return this.ahead;
	}

	/**
	 * Return the changesets of the changelog that are not applied to the database.
	 * @return the changesets, as {@code file::id::author}
	 */
	public List<String> getBehind() {
		return this.behind;
	}

	private static String message(String changeLog, List<String> ahead, List<String> behind) {
		StringBuilder message = new StringBuilder("The database schema does not match the changelog ").append(changeLog)
			.append('.');
		if (!ahead.isEmpty()) {
			message.append(System.lineSeparator())
				.append("The database is ahead of this code: ")
				.append(ahead.size())
				.append(" changeset(s) applied to it are not in the changelog:");
			ahead.forEach((changeSet) -> message.append(System.lineSeparator()).append("    - ").append(changeSet));
		}
		if (!behind.isEmpty()) {
			message.append(System.lineSeparator())
				.append("The database is behind this code: ")
				.append(behind.size())
				.append(" changeset(s) of the changelog are not applied to it:");
			behind.forEach((changeSet) -> message.append(System.lineSeparator()).append("    - ").append(changeSet));
		}
		return message.toString();
	}

}
