package dev.migrate.core.autogen;

import java.util.Map;

/**
 * Renames the diff should emit instead of a drop and an add. Autogenerate never guesses a rename: without a
 * hint, a renamed table or column is a drop plus a create, and the script says so.
 *
 * @param tables old table name to new table name
 * @param columns {@code table.old} (the table's new name) to the column's new name
 */
public record RenameHints(Map<String, String> tables, Map<String, String> columns) {

	/** No renames. */
	public static final RenameHints NONE = new RenameHints(Map.of(), Map.of());

	public RenameHints {
		tables = Map.copyOf(tables);
		columns = Map.copyOf(columns);
	}

	/**
	 * Parses hints such as {@code users=accounts} (a table) and {@code users.mail=email} (a column).
	 * @param hints the hints
	 * @return the parsed hints
	 * @throws IllegalArgumentException if a hint is not {@code old=new} or {@code table.old=new}
	 */
	public static RenameHints parse(Iterable<String> hints) {
		Map<String, String> tables = new java.util.LinkedHashMap<>();
		Map<String, String> columns = new java.util.LinkedHashMap<>();
		for (String hint : hints) {
			int equals = hint.indexOf('=');
			if (equals <= 0 || equals == hint.length() - 1) {
				throw new IllegalArgumentException("Rename hint '" + hint
						+ "' is not 'old_table=new_table' or 'table.old_column=new_column'");
			}
			String from = hint.substring(0, equals).trim();
			String to = hint.substring(equals + 1).trim();
			if (from.contains(".")) {
				columns.put(from, to);
			}
			else {
				tables.put(from, to);
			}
		}
		return new RenameHints(tables, columns);
	}

}
