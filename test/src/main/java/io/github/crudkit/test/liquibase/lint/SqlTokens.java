package io.github.crudkit.test.liquibase.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * The tokens of one SQL statement, as far as the lint needs them: words (unquoted ones in
 * lower case, quoted identifiers as written), string and dollar-quoted literals, numbers
 * and punctuation; comments are dropped.
 */
final class SqlTokens {

	private final List<Token> tokens;

	private SqlTokens(List<Token> tokens) {
		this.tokens = tokens;
	}

	static SqlTokens of(String sql) {
		List<Token> tokens = new ArrayList<>();
		int i = 0;
		int length = sql.length();
		while (i < length) {
			char c = sql.charAt(i);
			if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '-' && i + 1 < length && sql.charAt(i + 1) == '-') {
				int end = sql.indexOf('\n', i);
				i = (end < 0) ? length : end + 1;
			}
			else if (c == '/' && i + 1 < length && sql.charAt(i + 1) == '*') {
				int end = sql.indexOf("*/", i + 2);
				i = (end < 0) ? length : end + 2;
			}
			else if (c == '\'') {
				int end = i + 1;
				while (end < length) {
					if (sql.charAt(end) == '\'') {
						if (end + 1 < length && sql.charAt(end + 1) == '\'') {
							end += 2;
							continue;
						}
						break;
					}
					end++;
				}
				tokens.add(new Token(Kind.LITERAL, sql.substring(i + 1, Math.min(end, length))));
				i = end + 1;
			}
			else if (c == '"') {
				int end = sql.indexOf('"', i + 1);
				end = (end < 0) ? length : end;
				tokens.add(new Token(Kind.WORD, sql.substring(i + 1, end)));
				i = end + 1;
			}
			else if (c == '$' && dollarTag(sql, i) != null) {
				String tag = Objects.requireNonNull(dollarTag(sql, i));
				int end = sql.indexOf(tag, i + tag.length());
				end = (end < 0) ? length : end;
				tokens.add(new Token(Kind.LITERAL, sql.substring(i + tag.length(), end)));
				i = Math.min(length, end + tag.length());
			}
			else if (Character.isLetter(c) || c == '_') {
				int end = i;
				while (end < length && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_'
						|| sql.charAt(end) == '$')) {
					end++;
				}
				tokens.add(new Token(Kind.WORD, sql.substring(i, end).toLowerCase(Locale.ROOT)));
				i = end;
			}
			else if (Character.isDigit(c)) {
				int end = i;
				while (end < length && (Character.isDigit(sql.charAt(end)) || sql.charAt(end) == '.')) {
					end++;
				}
				tokens.add(new Token(Kind.NUMBER, sql.substring(i, end)));
				i = end;
			}
			else if (c == ':' && i + 1 < length && sql.charAt(i + 1) == ':') {
				tokens.add(new Token(Kind.PUNCTUATION, "::"));
				i += 2;
			}
			else {
				tokens.add(new Token(Kind.PUNCTUATION, String.valueOf(c)));
				i++;
			}
		}
		return new SqlTokens(List.copyOf(tokens));
	}

	private static @Nullable String dollarTag(String sql, int start) {
		int end = start + 1;
		while (end < sql.length() && (Character.isLetterOrDigit(sql.charAt(end)) || sql.charAt(end) == '_')) {
			end++;
		}
		if (end < sql.length() && sql.charAt(end) == '$') {
			return sql.substring(start, end + 1);
		}
		return null;
	}

	List<Token> tokens() {
		return this.tokens;
	}

	int size() {
		return this.tokens.size();
	}

	Token get(int index) {
		return this.tokens.get(index);
	}

	/**
	 * Return whether the words at a position are the given ones.
	 * @param index the position
	 * @param words the words, in lower case
	 * @return whether they match
	 */
	boolean wordsAt(int index, String... words) {
		if (index + words.length > this.tokens.size()) {
			return false;
		}
		for (int i = 0; i < words.length; i++) {
			if (!this.tokens.get(index + i).isWord(words[i])) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Return the position of a word at depth zero (outside parentheses) from a position,
	 * or -1.
	 * @param from the first position
	 * @param word the word
	 * @return the position or -1
	 */
	int indexOf(int from, String word) {
		int depth = 0;
		for (int i = from; i < this.tokens.size(); i++) {
			Token token = this.tokens.get(i);
			if (token.is("(")) {
				depth++;
			}
			else if (token.is(")")) {
				depth--;
			}
			else if (depth == 0 && token.isWord(word)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Return the tokens between two positions, split at commas outside parentheses.
	 * @param from the first position
	 * @param to the position after the last
	 * @return the parts
	 */
	List<List<Token>> splitAtCommas(int from, int to) {
		List<List<Token>> parts = new ArrayList<>();
		List<Token> part = new ArrayList<>();
		int depth = 0;
		for (int i = from; i < to; i++) {
			Token token = this.tokens.get(i);
			if (token.is("(")) {
				depth++;
			}
			else if (token.is(")")) {
				depth--;
			}
			if (depth == 0 && token.is(",")) {
				parts.add(part);
				part = new ArrayList<>();
			}
			else {
				part.add(token);
			}
		}
		if (!part.isEmpty()) {
			parts.add(part);
		}
		return parts;
	}

	/**
	 * Return the position of the parenthesis that closes the one at a position.
	 * @param open the position of an opening parenthesis
	 * @return the position of its closing one, or the number of tokens
	 */
	int closing(int open) {
		int depth = 0;
		for (int i = open; i < this.tokens.size(); i++) {
			if (this.tokens.get(i).is("(")) {
				depth++;
			}
			else if (this.tokens.get(i).is(")")) {
				depth--;
				if (depth == 0) {
					return i;
				}
			}
		}
		return this.tokens.size();
	}

	static String text(List<Token> tokens) {
		StringBuilder text = new StringBuilder();
		@Nullable Token previous = null;
		for (Token token : tokens) {
			boolean tight = token.is("(") || token.is(")") || token.is(",") || token.is("::")
					|| (previous != null && (previous.is("(") || previous.is("::")));
			if (previous != null && !tight) {
				text.append(' ');
			}
			text.append(token.kind() == Kind.LITERAL ? "'" + token.text() + "'" : token.text());
			previous = token;
		}
		return text.toString();
	}

	enum Kind {

		WORD, LITERAL, NUMBER, PUNCTUATION

	}

	record Token(Kind kind, String text) {

		boolean isWord(String word) {
			return this.kind == Kind.WORD && this.text.equals(word);
		}

		boolean is(String punctuation) {
			return this.kind == Kind.PUNCTUATION && this.text.equals(punctuation);
		}

		boolean isWord() {
			return this.kind == Kind.WORD;
		}

	}

}
