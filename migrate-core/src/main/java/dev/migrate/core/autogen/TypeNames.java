package dev.migrate.core.autogen;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalizes SQL type names so that engine aliases compare equal: {@code int4}, {@code int(11)} and
 * {@code serial} are {@code integer}; {@code character varying(255)} is {@code varchar(255)};
 * {@code numeric(10, 2)} is {@code decimal(10,2)}; {@code float8} and {@code double precision} are
 * {@code double}; {@code tinyint(1)} and {@code bool} are {@code boolean}.
 */
final class TypeNames {

	private static final Pattern TYPE = Pattern.compile("([a-z_][a-z0-9_ ]*)\\s*(?:\\(([^)]*)\\))?\\s*([a-z ]*)");

	/** MySQL/MariaDB and H2 {@code ENUM('A','B')} and MySQL {@code SET(...)}. */
	private static final Pattern ENUMERATION = Pattern.compile("(?is)(enum|set)\\s*\\((.*)\\)");

	private TypeNames() {
	}

	static String normalize(String type) {
		Matcher enumeration = ENUMERATION.matcher(type.trim());
		if (enumeration.matches()) {
			// the values are data: their case and order stay as declared (MariaDB reports them as written)
			return enumeration.group(1).toLowerCase(Locale.ROOT) + "("
					+ enumeration.group(2).trim().replaceAll("'\\s*,\\s*'", "','") + ")";
		}
		String text = type.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
		Matcher matcher = TYPE.matcher(text);
		if (!matcher.matches()) {
			return text;
		}
		String base = matcher.group(1).trim();
		String args = (matcher.group(2) != null) ? matcher.group(2).replace(" ", "") : null;
		String suffix = matcher.group(3).trim();
		for (String modifier : new String[] { " unsigned", " zerofill" }) {
			if (base.endsWith(modifier)) {
				base = base.substring(0, base.length() - modifier.length()).trim();
				suffix = (modifier.trim() + " " + suffix).trim();
			}
		}
		if (suffix.equals("without time zone")) {
			suffix = "";
		}
		if (suffix.equals("with time zone")) {
			base = base + "tz";
			suffix = "";
		}
		String canonical = switch (base) {
			case "int", "int4", "integer", "serial", "serial4", "mediumint" -> "integer";
			case "bigint", "int8", "bigserial", "serial8" -> "bigint";
			case "smallint", "int2", "smallserial", "serial2" -> "smallint";
			case "bool", "boolean" -> "boolean";
			case "tinyint" -> "1".equals(args) ? "boolean" : "tinyint";
			case "bit" -> (args == null || "1".equals(args)) ? "boolean" : "bit";
			case "character varying", "varchar", "varchar2" -> "varchar";
			case "character", "char", "bpchar" -> "char";
			case "numeric", "decimal", "dec" -> "decimal";
			case "float8", "double precision", "double" -> "double";
			case "float4", "real" -> "real";
			case "timestamp", "timestamp without time zone" -> "timestamp";
			case "timestamptz", "timestamp with time zone" -> "timestamptz";
			case "time", "time without time zone" -> "time";
			case "clob", "character large object", "text" -> "text";
			case "bytea", "blob", "binary large object" -> "blob";
			default -> base;
		};
		String arguments = switch (canonical) {
			case "varchar", "char", "nvarchar", "nchar", "varbinary", "binary" -> args;
			case "decimal" -> (args == null) ? null : (args.contains(",") ? args : args + ",0");
			case "bit", "float" -> args;
			default -> null;
		};
		String result = (arguments != null && !arguments.isEmpty()) ? canonical + "(" + arguments + ")" : canonical;
		return suffix.isEmpty() ? result : result + " " + suffix;
	}

	/**
	 * Whether changing a column from one type to another may lose data: a shorter string, fewer digits, a
	 * smaller integer, or a different kind of type.
	 */
	static boolean narrows(String from, String to) {
		String a = normalize(from);
		String b = normalize(to);
		if (a.equals(b)) {
			return false;
		}
		String baseA = a.replaceAll("\\(.*", "");
		String baseB = b.replaceAll("\\(.*", "");
		int rankA = integerRank(baseA);
		int rankB = integerRank(baseB);
		if (rankA > 0 && rankB > 0) {
			return rankB < rankA;
		}
		if (baseA.equals(baseB)) {
			int[] argsA = arguments(a);
			int[] argsB = arguments(b);
			for (int i = 0; i < Math.min(argsA.length, argsB.length); i++) {
				if (argsB[i] < argsA[i]) {
					return true;
				}
			}
			return false;
		}
		if (baseB.equals("text") && (baseA.equals("varchar") || baseA.equals("char"))) {
			return false;
		}
		if (baseB.equals("varchar") && baseA.equals("char")) {
			return false;
		}
		return !(rankA > 0 && (baseB.equals("decimal") || baseB.equals("double")));
	}

	private static int integerRank(String base) {
		return switch (base) {
			case "boolean" -> 1;
			case "tinyint" -> 2;
			case "smallint" -> 3;
			case "integer" -> 4;
			case "bigint" -> 5;
			default -> 0;
		};
	}

	private static int[] arguments(String type) {
		int open = type.indexOf('(');
		if (open < 0) {
			return new int[0];
		}
		String[] parts = type.substring(open + 1, type.indexOf(')')).split(",");
		int[] values = new int[parts.length];
		for (int i = 0; i < parts.length; i++) {
			try {
				values[i] = Integer.parseInt(parts[i].trim());
			}
			catch (NumberFormatException ex) {
				values[i] = Integer.MAX_VALUE;
			}
		}
		return values;
	}

}
