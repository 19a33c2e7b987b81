package dev.migrate.core.graph;

/**
 * Where a revision's header lives, for the fix a message names: a SQL script's header line, or a Java migration's
 * {@code @Migration} attribute.
 */
final class Fixes {

	private Fixes() {
	}

	/**
	 * @param source the revision's source (a file path, or a class name for a Java migration)
	 * @param header the SQL header without the colon: {@code Revises}, {@code Depends On} or {@code Branch Labels}
	 * @return e.g. {@code 'Revises:' header} or {@code @Migration(revises = ...)}
	 */
	static String header(String source, String header) {
		if (isScript(source)) {
			return "'" + header + ":' header";
		}
		String attribute = switch (header) {
			case "Revises" -> "revises";
			case "Depends On" -> "dependsOn";
			case "Branch Labels" -> "branchLabels";
			default -> header;
		};
		return "@Migration(" + attribute + " = ...)";
	}

	static boolean isScript(String source) {
		return source.toLowerCase(java.util.Locale.ROOT).endsWith(".sql");
	}

}
