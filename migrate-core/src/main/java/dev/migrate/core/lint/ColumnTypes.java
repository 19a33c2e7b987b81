package dev.migrate.core.lint;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Column types as the linter compares them: normalized text ({@code character varying(20)} and
 * {@code VARCHAR (20)} are both {@code varchar(20)}), and whether a change keeps every value (widening) or
 * may lose some (narrowing).
 */
final class ColumnTypes {

	private static final Map<String, String> SYNONYMS = Map.ofEntries(Map.entry("integer", "int"),
			Map.entry("int4", "int"), Map.entry("int8", "bigint"), Map.entry("int2", "smallint"),
			Map.entry("charactervarying", "varchar"), Map.entry("character", "char"), Map.entry("bool", "boolean"),
			Map.entry("float8", "double"), Map.entry("doubleprecision", "double"), Map.entry("float4", "real"),
			Map.entry("decimal", "numeric"), Map.entry("timestamptz", "timestampwithtimezone"),
			Map.entry("nvarchar", "nvarchar"));

	/** Integer types from narrowest to widest. */
	private static final List<String> INTEGERS = List.of("tinyint", "smallint", "mediumint", "int", "bigint");

	private ColumnTypes() {
	}

	static String normalize(List<Token> tokens, int from, int to) {
		StringBuilder text = new StringBuilder();
		for (int k = from; k < to; k++) {
			text.append(tokens.get(k).text().toLowerCase(Locale.ROOT));
		}
		String type = text.toString();
		int open = type.indexOf('(');
		String base = (open >= 0) ? type.substring(0, open) : type;
		String arguments = (open >= 0) ? type.substring(open) : "";
		base = SYNONYMS.getOrDefault(base, base);
		if (INTEGERS.contains(base) && !arguments.isEmpty() && !arguments.contains(")unsigned")) {
			// MySQL's display width (int(11)) does not change what the column holds.
			arguments = arguments.substring(arguments.indexOf(')') + 1);
		}
		return base + arguments;
	}

	/**
	 * Whether changing {@code from} to {@code to} keeps every value: the same type, a longer string, a wider
	 * integer or a numeric with more digits.
	 */
	static boolean keepsValues(String from, String to) {
		if (from.equals(to)) {
			return true;
		}
		String fromBase = base(from);
		String toBase = base(to);
		if (isString(fromBase) && (to.equals("text") || to.equals("varchar") || to.equals("longtext"))) {
			return true;
		}
		if (fromBase.equals(toBase) && isString(fromBase)) {
			return length(to) >= length(from);
		}
		if (INTEGERS.contains(fromBase) && INTEGERS.contains(toBase)) {
			return INTEGERS.indexOf(toBase) >= INTEGERS.indexOf(fromBase);
		}
		if (fromBase.equals("numeric") && toBase.equals("numeric")) {
			return to.equals("numeric") || (length(to) >= length(from) && scale(to) == scale(from));
		}
		return false;
	}

	/** Whether the change may lose values that fit before: a shorter string, a narrower number. */
	static boolean narrows(String from, String to) {
		String fromBase = base(from);
		String toBase = base(to);
		boolean bothStrings = isString(fromBase) && isString(toBase);
		boolean bothIntegers = INTEGERS.contains(fromBase) && INTEGERS.contains(toBase);
		boolean bothNumeric = fromBase.equals("numeric") && toBase.equals("numeric");
		return (bothStrings || bothIntegers || bothNumeric) && !keepsValues(from, to);
	}

	/**
	 * Whether PostgreSQL changes the type without rewriting the table: binary-coercible changes such as a longer
	 * {@code varchar}, {@code varchar} to {@code text}, or a numeric with more digits and the same scale.
	 */
	static boolean postgresChangesInPlace(String from, String to) {
		return (isString(base(from)) || base(from).equals("numeric")) && keepsValues(from, to)
				&& !to.startsWith("char(") && !base(from).equals("char");
	}

	/**
	 * Whether MySQL/MariaDB change the type in place: the same type, or a {@code VARCHAR} made longer without
	 * changing how many bytes its length takes (1 up to 255 bytes, 2 above; counted at 4 bytes a character,
	 * utf8mb4, the default character set).
	 */
	static boolean mysqlChangesInPlace(String from, String to) {
		if (from.equals(to)) {
			return true;
		}
		if (base(from).equals("varchar") && base(to).equals("varchar") && length(to) >= length(from)) {
			return (length(from) * 4 <= 255) == (length(to) * 4 <= 255);
		}
		return false;
	}

	private static boolean isString(String base) {
		return base.equals("varchar") || base.equals("text") || base.equals("nvarchar") || base.equals("char");
	}

	private static String base(String type) {
		int open = type.indexOf('(');
		return (open >= 0) ? type.substring(0, open) : type;
	}

	private static int length(String type) {
		return argument(type, 0, Integer.MAX_VALUE);
	}

	private static int scale(String type) {
		return argument(type, 1, 0);
	}

	private static int argument(String type, int index, int absent) {
		int open = type.indexOf('(');
		int close = type.indexOf(')');
		if (open < 0 || close < open) {
			return absent;
		}
		String[] parts = type.substring(open + 1, close).split(",");
		if (index >= parts.length) {
			return absent;
		}
		try {
			return Integer.parseInt(parts[index].trim());
		}
		catch (NumberFormatException ex) {
			return absent; // varchar(max)
		}
	}

}
