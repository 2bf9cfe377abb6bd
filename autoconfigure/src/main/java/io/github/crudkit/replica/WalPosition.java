package io.github.crudkit.replica;

import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * A position in PostgreSQL's write-ahead log (a {@code pg_lsn}, written
 * {@code 16/B374D848}): where a commit ended on the primary, or how far a replica has
 * replayed.
 *
 * @param value the position as an unsigned 64-bit number
 * @since 0.1.0
 */
public record WalPosition(long value) implements Comparable<WalPosition> {

	/**
	 * Parse the text form PostgreSQL gives a {@code pg_lsn}.
	 * @param text two hexadecimal numbers separated by a slash, such as {@code 0/16B3748}
	 * @return the position
	 * @throws IllegalArgumentException if the text is not a position
	 */
	public static WalPosition parse(String text) {
		WalPosition position = tryParse(text);
		if (position == null) {
			throw new IllegalArgumentException("Not a WAL position: " + text);
		}
		return position;
	}

	/**
	 * Parse the text form PostgreSQL gives a {@code pg_lsn}, or answer {@code null}.
	 * @param text the text, possibly {@code null}
	 * @return the position, or {@code null} if the text is missing or not a position
	 */
	public static @Nullable WalPosition tryParse(@Nullable String text) {
		if (text == null) {
			return null;
		}
		String trimmed = text.strip();
		int slash = trimmed.indexOf('/');
		if (slash < 1 || slash > 8 || trimmed.length() - slash - 1 < 1 || trimmed.length() - slash - 1 > 8) {
			return null;
		}
		try {
			long high = Long.parseLong(trimmed, 0, slash, 16);
			long low = Long.parseLong(trimmed, slash + 1, trimmed.length(), 16);
			if (high < 0 || low < 0) {
				return null;
			}
			return new WalPosition((high << 32) | low);
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * Return whether this position is at or after another.
	 * @param other the other position
	 * @return whether this one has reached it
	 */
	public boolean reached(WalPosition other) {
		return compareTo(other) >= 0;
	}

	@Override
	public int compareTo(WalPosition other) {
		return Long.compareUnsigned(this.value, other.value);
	}

	/**
	 * Return the text form PostgreSQL uses, for example {@code 16/B374D848}.
	 * @return the position as text
	 */
	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%X/%X", this.value >>> 32, this.value & 0xFFFFFFFFL);
	}

}
