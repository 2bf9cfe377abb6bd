package io.github.crudkit.sample.reliability;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded generator of random and adversarial input for the sample's API: path ids,
 * query strings and JSON bodies, each sometimes well-formed, sometimes of the wrong type,
 * out of range, in exotic Unicode, SQL-looking, deeply nested, oversized or malformed.
 * The same seed gives the same inputs.
 */
final class HostileInput {

	/**
	 * Prefix of every secret value sent, so that a leak of any of them can be found in a
	 * response.
	 */
	static final String SECRET = "SECRET-";

	private static final String[] TEXT = { "", " ", "   ", "Tony", "a", "Ünïcödé", "名前", "مرحبا", "שלום", "🦸‍♀️🦹",
			"e\u0301", "\u200b", "\ufeff", "\u202eevil", "Ⅻ", "ﬁ", "ß", "İ", "\\", "\"", "'", "%", "_", "%_%",
			"'; DROP TABLE hero; --", "1' OR '1'='1", "Robert'); DROP TABLE team;--", "$$; TRUNCATE team; $$",
			"\"; DELETE FROM hero; --", "<script>alert(1)</script>", "${jndi:ldap://127.0.0.1/x}", "{{7*7}}",
			"../../etc/passwd", "null", "true", "0", "-1", "1e309", "NaN", "\t\n\r", "\u0007", "\u001b[31m",
			"\ud83d\ude00", "x".repeat(100), "y".repeat(101), "z".repeat(5000) };

	/** JSON fragments written as they are, escapes and all. */
	private static final String[] RAW_STRINGS = { "\"\\u0000\"", "\"a\\u0000b\"", "\"\\ud800\"", "\"\\udc00x\"",
			"\"\\uD83D\"", "\"\\b\\f\\n\\r\\t\"", "\"\\/\"" };

	private static final String[] NUMBERS = { "0", "-0", "1", "-1", "42", "10000", "10001", "-10001", "2147483647",
			"2147483648", "-2147483649", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
			"99999999999999999999999999999999", "1.5", "1.0", "1e2", "1E400", "-1e-400", "0.0000001", "0x10",
			"Infinity", "NaN", "01" };

	private static final String[] IDS = { "0", "-1", "-9223372036854775808", "9223372036854775807",
			"9223372036854775808", "99999999999999999999", "1.5", "1e3", "0x16", "%2016", "%20", "16%20", "abc", "%00",
			"1%00", "%C0%AF", "%E2%80%AE1", "%D9%A1%D9%A2", "1;DROP%20TABLE%20hero", "1'%20OR%20'1'='1", "..", "%2e%2e",
			"%2F", "null", "true", "%F0%9F%A6%B8", "1" + "0".repeat(400), "+1", "%2B1", "1,2", "[1]", "%ZZ", "%E2%82",
			"%" };

	private static final String[] SORT_KEYS = { "name", "age", "createdAt", "id", "updatedAt", "secretName",
			"SECRETNAME", "secret_name", "team", "team.name", "heroCount", "version", "password", "name;drop",
			"name,asc", "name,desc", "name,sideways", "name,asc,extra", "", ",", ",asc", "id,DESC", "name,ASC",
			"𝔫𝔞𝔪𝔢", "name%00", "1", "-name", "name)", "lower(name)" };

	private static final String[] CATEGORIES = { "PHYSICAL", "MENTAL", "ENERGY", "MAGIC", "TECH", "physical", "COSMIC",
			"", "TECH " };

	private static final String[] TAGS = { "ok", "a-b", "x1", "-dash", "UPPER", "with space",
			"thirty-one-characters-long-tag-x", "ok" };

	private static final String[] DATES = { "2020-01-01", "1900-02-28", "2999-12-31", "2020-02-30", "yesterday", "",
			"2020-1-1", "0000-01-01" };

	private static final String[] CONTENT_TYPES = { "application/json", "application/json",
			"application/json;charset=UTF-8", "application/merge-patch+json", "text/plain", "application/xml",
			"application/x-www-form-urlencoded", "application/json; charset=UTF-16", "*/*", "application/*", "%%%",
			null };

	private final SplittableRandom random;

	private int secrets;

	HostileInput(long seed) {
		this.random = new SplittableRandom(seed);
	}

	int nextInt(int bound) {
		return this.random.nextInt(bound);
	}

	boolean chance(double probability) {
		return this.random.nextDouble() < probability;
	}

	<T> T pick(T[] values) {
		return values[this.random.nextInt(values.length)];
	}

	<T> T pick(List<T> values) {
		return values.get(this.random.nextInt(values.size()));
	}

	/**
	 * A path id: an existing one, a random positive one, or something that is not a
	 * positive int64.
	 */
	String id(List<Long> known) {
		int kind = this.random.nextInt(10);
		if (kind < 3 && !known.isEmpty()) {
			return Long.toString(pick(known));
		}
		if (kind < 5) {
			return Long.toString(1 + this.random.nextLong(Long.MAX_VALUE - 1));
		}
		if (kind < 6) {
			return encode(text());
		}
		return pick(IDS);
	}

	/**
	 * A query string (with its leading question mark, or empty) of some of the given
	 * parameters, unknown ones and hostile values.
	 */
	String query(String... parameters) {
		if (chance(0.1)) {
			return "";
		}
		List<String> pairs = new ArrayList<>();
		int count = 1 + this.random.nextInt(4);
		for (int i = 0; i < count; i++) {
			String name = chance(0.85) ? pick(parameters)
					: pick(new String[] { "unknown", "secretName", "page[]", "%00", "size%00", "" });
			String value = switch (name) {
				case "sort" -> encode(pick(SORT_KEYS));
				case "page", "size", "minAge", "maxAge", "teamId" -> chance(0.6) ? pick(NUMBERS) : encode(text());
				default -> chance(0.7) ? encode(text()) : pick(NUMBERS);
			};
			if (chance(0.03)) {
				// Percent-encoding that does not decode.
				value = pick(new String[] { "%ZZ", "%E2%82", "%", "%C0%AF", "%FF" });
			}
			pairs.add(chance(0.05) ? name : name + "=" + value);
		}
		return "?" + String.join("&", pairs);
	}

	/**
	 * A body for a team: usually an object with some of its fields, each a hostile value
	 * of some JSON type.
	 */
	String team() {
		return object(List.of("name", "headquarters"), false);
	}

	/**
	 * A body for a hero, with a secret name that the leak check recognises.
	 */
	String hero(List<Long> teams) {
		return hostile(() -> {
			StringBuilder json = new StringBuilder("{");
			List<String> fields = new ArrayList<>(List.of("name", "secretName", "age", "teamId"));
			boolean first = true;
			for (String field : fields) {
				if (chance(0.2)) {
					continue;
				}
				first = comma(json, first);
				json.append('"').append(field).append("\":");
				switch (field) {
					case "secretName" -> json.append(chance(0.8) ? quote(SECRET + (++this.secrets) + text()) : value());
					case "age" -> json.append(chance(0.7) ? pick(NUMBERS) : value());
					case "teamId" -> json.append((chance(0.5) && !teams.isEmpty()) ? Long.toString(pick(teams))
							: chance(0.5) ? pick(NUMBERS) : value());
					default -> json.append(chance(0.7) ? quote(text()) : value());
				}
			}
			extraFields(json, first);
			return json.append('}').toString();
		});
	}

	/**
	 * A bulk body: an items array of hero bodies, sometimes empty, sometimes one item too
	 * many, sometimes not an array at all.
	 */
	String bulk(List<Long> teams) {
		int kind = this.random.nextInt(10);
		if (kind == 0) {
			return "{\"items\":" + value() + "}";
		}
		if (kind == 1) {
			return hostile(() -> "{}");
		}
		int size = switch (this.random.nextInt(6)) {
			case 0 -> 0;
			case 1 -> 1001;
			case 2 -> 1000;
			default -> 1 + this.random.nextInt(20);
		};
		StringBuilder json = new StringBuilder("{\"items\":[");
		for (int i = 0; i < size; i++) {
			if (i > 0) {
				json.append(',');
			}
			// Mostly valid items, so that the one bad item is somewhere in the middle.
			if (chance(0.01)) {
				json.append("null");
				continue;
			}
			json.append(chance(0.9) ? "{\"name\":" + quote("bulk " + i) + ",\"secretName\":\"" + SECRET
					+ (++this.secrets) + "\",\"age\":" + this.random.nextInt(200) + "}" : hero(teams));
		}
		return json.append("]}").toString();
	}

	/**
	 * A merge patch for a team or a hero.
	 */
	/**
	 * A body for a power: a category inside or outside the enum, tags well or badly
	 * formed.
	 */
	String power() {
		return hostile(() -> {
			StringBuilder json = new StringBuilder("{");
			boolean first = true;
			for (String field : List.of("name", "category", "tags")) {
				if (chance(0.2)) {
					continue;
				}
				first = comma(json, first);
				json.append('"').append(field).append("\":");
				switch (field) {
					case "category" -> json.append(chance(0.7) ? quote(pick(CATEGORIES)) : value());
					case "tags" -> json.append(chance(0.7) ? tags() : value());
					default -> json.append(chance(0.7) ? quote(text()) : value());
				}
			}
			extraFields(json, first);
			return json.append('}').toString();
		});
	}

	/**
	 * A body for a hero's power: a level in or out of range, a date in the past, the
	 * future or not a date.
	 */
	String assign() {
		return hostile(() -> {
			StringBuilder json = new StringBuilder("{");
			boolean first = true;
			for (String field : List.of("level", "acquiredOn")) {
				if (chance(0.25)) {
					continue;
				}
				first = comma(json, first);
				json.append('"').append(field).append("\":");
				json.append(field.equals("level") ? (chance(0.7) ? pick(NUMBERS) : value())
						: chance(0.7) ? quote(pick(DATES)) : value());
			}
			extraFields(json, first);
			return json.append('}').toString();
		});
	}

	private String tags() {
		List<String> tags = new ArrayList<>();
		int count = this.random.nextInt(13);
		for (int i = 0; i < count; i++) {
			tags.add(chance(0.6) ? quote(pick(TAGS)) : chance(0.5) ? quote(text()) : value());
		}
		return "[" + String.join(",", tags) + "]";
	}

	String patch(boolean hero, List<Long> teams) {
		return hero ? hero(teams) : object(List.of("name", "headquarters"), true);
	}

	String contentType() {
		return pick(CONTENT_TYPES);
	}

	String ifMatch() {
		return pick(new String[] { "\"0\"", "\"1\"", "\"-1\"", "\"abc\"", "0", "*", "W/\"0\"",
				"\"99999999999999999999\"", "\"0\", \"1\"", "" });
	}

	private String object(List<String> fields, boolean nulls) {
		return hostile(() -> {
			StringBuilder json = new StringBuilder("{");
			boolean first = true;
			for (String field : fields) {
				if (chance(0.25)) {
					continue;
				}
				first = comma(json, first);
				json.append('"').append(field).append("\":");
				json.append((nulls && chance(0.15)) ? "null" : chance(0.7) ? quote(text()) : value());
			}
			extraFields(json, first);
			return json.append('}').toString();
		});
	}

	private void extraFields(StringBuilder json, boolean first) {
		if (chance(0.1)) {
			comma(json, first);
			String field = pick(new String[] { "id", "version", "createdAt", "heroCount", "unknown", "SecretName",
					"secretname", "__proto__", "name", "", "𝔫𝔞𝔪𝔢" });
			json.append(quote(field)).append(':').append(value());
		}
	}

	/**
	 * Return the well-formed body, or now and then something else entirely: malformed,
	 * deeply nested, oversized or not an object.
	 */
	private String hostile(java.util.function.Supplier<String> wellFormed) {
		int kind = this.random.nextInt(40);
		return switch (kind) {
			case 0 -> "";
			case 1 -> "{";
			case 2 -> "{\"name\":\"unterminated";
			case 3 -> "{'name':'single quotes'}";
			case 4 -> "{\"name\":\"a\",}";
			case 5 -> "[" + wellFormed.get() + "]";
			case 6 -> value();
			case 7 -> "[".repeat(600 + this.random.nextInt(3000)) + "]".repeat(10);
			case 8 -> "{\"a\":".repeat(600 + this.random.nextInt(3000)) + "1" + "}".repeat(10);
			case 9 -> "{\"name\":\"" + "x".repeat(1_100_000) + "\"}";
			case 10 -> "{\"name\":\"a\",\"name\":\"b\"}";
			case 11 -> "{\"name\":\"a\u0001b\"}";
			case 12 -> "\u0000{}";
			case 13 -> "{\"name\":" + "1".repeat(2000) + "}";
			default -> wellFormed.get();
		};
	}

	/**
	 * A JSON value of a random type.
	 */
	private String value() {
		return switch (this.random.nextInt(9)) {
			case 0 -> "null";
			case 1 -> this.random.nextBoolean() ? "true" : "false";
			case 2, 3 -> pick(NUMBERS);
			case 4 -> "[" + quote(text()) + "," + pick(NUMBERS) + "]";
			case 5 -> "{\"nested\":" + quote(text()) + "}";
			case 6 -> pick(RAW_STRINGS);
			default -> quote(text());
		};
	}

	private String text() {
		String text = pick(TEXT);
		if (chance(0.2)) {
			text = text + pick(TEXT);
		}
		// Nothing but a secret name may carry the secret prefix.
		return text.replace("SECRET", "S3CRET");
	}

	private static boolean comma(StringBuilder json, boolean first) {
		if (!first) {
			json.append(',');
		}
		return false;
	}

	static String quote(String text) {
		StringBuilder json = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				default -> {
					if (c < 0x20) {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		return json.append('"').toString();
	}

	static String encode(String text) {
		return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
	}

}
