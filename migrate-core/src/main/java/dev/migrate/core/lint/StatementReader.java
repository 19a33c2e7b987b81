package dev.migrate.core.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.migrate.core.lint.Command.Action;
import dev.migrate.core.lint.Command.ColumnDefinition;
import dev.migrate.core.lint.Command.ConstraintKind;

/**
 * Reads a statement's tokens into a {@link Command}: only the statement shapes the rules look at, and within
 * them only the clauses that change what a rule says. Anything else becomes {@link Command.Other} (or
 * {@link Command.OtherDdl}), so an unusual statement is never an error, only not linted.
 *
 * <p>Over 400 lines because it is one recursive-descent reader whose statement shapes share one token cursor.
 */
final class StatementReader {

	/** Words that end a column's type and start its constraints. */
	private static final Set<String> COLUMN_CLAUSES = Set.of("NOT", "NULL", "DEFAULT", "PRIMARY", "REFERENCES",
			"UNIQUE", "CHECK", "COLLATE", "CONSTRAINT", "GENERATED", "AUTO_INCREMENT", "AUTOINCREMENT", "COMMENT",
			"AS", "FIRST", "AFTER", "IDENTITY", "CHARACTER", "CHARSET", "ON", "KEY", "USING", "INVISIBLE", "VISIBLE",
			"STORED", "VIRTUAL", "SPARSE", "ROWGUIDCOL", "ENCODE", "STORAGE", "COMPRESSION");

	/** Functions whose value differs per row: a default calling one fills every existing row separately. */
	private static final Set<String> VOLATILE_FUNCTIONS = Set.of("RANDOM", "CLOCK_TIMESTAMP", "TIMEOFDAY",
			"GEN_RANDOM_UUID", "UUID_GENERATE_V1", "UUID_GENERATE_V1MC", "UUID_GENERATE_V4", "NEXTVAL", "UUID",
			"NEWID", "RAND");

	private static final Set<String> SERIAL_TYPES = Set.of("serial", "bigserial", "smallserial", "serial2", "serial4",
			"serial8");

	private static final Set<String> DDL_VERBS = Set.of("CREATE", "ALTER", "DROP", "RENAME", "COMMENT", "GRANT",
			"REVOKE");

	private final List<Token> t;

	private StatementReader(List<Token> tokens) {
		this.t = tokens;
	}

	static Command read(List<Token> tokens) {
		return new StatementReader(tokens).read();
	}

	private Command read() {
		if (this.t.isEmpty()) {
			return new Command.Other();
		}
		int i = 0;
		if (is(0, "WITH")) {
			// A common table expression in front of a data change: find the verb after the CTEs.
			i = afterCommonTableExpressions();
		}
		if (is(i, "CREATE")) {
			return create(i + 1);
		}
		if (is(i, "DROP")) {
			return drop(i + 1);
		}
		if (is(i, "ALTER") && is(i + 1, "TABLE")) {
			return alterTable(i + 2);
		}
		if (is(i, "RENAME") && is(i + 1, "TABLE")) {
			return new Command.RenameTable(names(i + 2, "TO"), at(i));
		}
		if (is(i, "EXEC") || is(i, "EXECUTE")) {
			int name = is(i + 1, "sp_rename") ? i + 1 : (is(i + 3, "sp_rename") ? i + 3 : -1);
			if (name >= 0 && name + 1 < this.t.size()) {
				return new Command.RenameTable(List.of(unquoteString(this.t.get(name + 1).text())), at(i));
			}
		}
		if (is(i, "TRUNCATE")) {
			return new Command.Truncate(names(is(i + 1, "TABLE") ? i + 2 : i + 1, null), at(i));
		}
		if (is(i, "UPDATE")) {
			return new Command.DataChange("UPDATE", name(skip(i + 1, "ONLY")), hasTopLevel(i, "WHERE"), at(i));
		}
		if (is(i, "DELETE")) {
			int from = is(i + 1, "FROM") ? i + 2 : i + 1;
			return new Command.DataChange("DELETE", name(skip(from, "ONLY")), hasTopLevel(i, "WHERE"), at(i));
		}
		if (is(i, "INSERT") || is(i, "REPLACE") || is(i, "MERGE") || is(i, "UPSERT")) {
			return new Command.DataChange(this.t.get(i).text().toUpperCase(java.util.Locale.ROOT), null, true, at(i));
		}
		if (is(i, "VACUUM")) {
			return is(i + 1, "FULL") || hasOption(i + 1, "FULL")
					? new Command.Maintenance(Command.MaintenanceKind.VACUUM_FULL, false, at(i)) : new Command.Other();
		}
		if (is(i, "CLUSTER")) {
			return new Command.Maintenance(Command.MaintenanceKind.CLUSTER, false, at(i));
		}
		if (is(i, "REINDEX")) {
			return new Command.Maintenance(Command.MaintenanceKind.REINDEX, contains(i, "CONCURRENTLY"), at(i));
		}
		if (is(i, "LOCK")) {
			return new Command.Maintenance(Command.MaintenanceKind.LOCK, false, at(i));
		}
		if (is(i, "OPTIMIZE")) {
			return new Command.Maintenance(Command.MaintenanceKind.OPTIMIZE, false, at(i));
		}
		if (this.t.get(i).kind() == Token.Kind.WORD
				&& DDL_VERBS.contains(this.t.get(i).text().toUpperCase(java.util.Locale.ROOT))) {
			return new Command.OtherDdl();
		}
		return new Command.Other();
	}

	private Command create(int i) {
		int at = i;
		while (is(at, "OR") || is(at, "REPLACE") || is(at, "TEMPORARY") || is(at, "TEMP") || is(at, "UNLOGGED")
				|| is(at, "GLOBAL") || is(at, "LOCAL") || is(at, "UNIQUE") || is(at, "CLUSTERED")
				|| is(at, "NONCLUSTERED") || is(at, "FULLTEXT") || is(at, "SPATIAL")) {
			at++;
		}
		if (is(at, "TABLE")) {
			int nameAt = skipIfNotExists(at + 1);
			String table = name(nameAt);
			int open = nameAt + nameLength(nameAt);
			List<ColumnDefinition> columns = new ArrayList<>();
			if (isSymbol(open, '(')) {
				for (int[] part : commaSeparated(open + 1, matching(open))) {
					if (part[0] < part[1] && !isConstraintStart(part[0])) {
						columns.add(column(part[0], part[1]));
					}
				}
			}
			return new Command.CreateTable(table, columns);
		}
		if (is(at, "INDEX")) {
			int k = at + 1;
			boolean concurrently = is(k, "CONCURRENTLY");
			if (concurrently) {
				k++;
			}
			k = skipIfNotExists(k);
			String index = is(k, "ON") ? null : name(k);
			int on = find(k, "ON");
			String table = (on >= 0) ? name(skip(on + 1, "ONLY")) : null;
			return new Command.CreateIndex(index, table, concurrently, at(i - 1));
		}
		return new Command.OtherDdl();
	}

	private Command drop(int i) {
		if (is(i, "TABLE")) {
			return new Command.DropTable(names(skipIfExists(i + 1), null), at(i - 1));
		}
		if (is(i, "INDEX")) {
			int k = i + 1;
			boolean concurrently = is(k, "CONCURRENTLY");
			if (concurrently) {
				k++;
			}
			k = skipIfExists(k);
			int on = find(k, "ON");
			List<String> indexes = names(k, "ON");
			return new Command.DropIndex(indexes, (on >= 0) ? name(on + 1) : null, concurrently, at(i - 1));
		}
		return new Command.OtherDdl();
	}

	private Command alterTable(int i) {
		int k = skip(skipIfExists(i), "ONLY");
		String table = name(k);
		k += nameLength(k);
		if (isSymbol(k, '*')) {
			k++;
		}
		List<Action> actions = new ArrayList<>();
		String algorithm = null;
		for (int[] part : commaSeparated(k, this.t.size())) {
			if (is(part[0], "ALGORITHM")) {
				algorithm = word(isSymbol(part[0] + 1, '=') ? part[0] + 2 : part[0] + 1);
			}
			else if (part[0] < part[1]) {
				actions.add(action(part[0], part[1]));
			}
		}
		return new Command.AlterTable(table, actions, algorithm);
	}

	private Action action(int from, int to) {
		int at = at(from);
		if (is(from, "ADD")) {
			int k = from + 1;
			if (is(k, "COLUMN")) {
				return new Command.AddColumn(column(skipIfNotExists(k + 1), to));
			}
			String name = null;
			if (is(k, "CONSTRAINT")) {
				name = name(k + 1);
				k += 1 + nameLength(k + 1);
			}
			ConstraintKind kind = constraintKind(k);
			if (kind == null) {
				return new Command.AddColumn(column(skipIfNotExists(k), to));
			}
			boolean notValid = false;
			boolean usingIndex = false;
			for (int j = k; j < to - 1; j++) {
				notValid |= is(j, "NOT") && is(j + 1, "VALID");
				usingIndex |= is(j, "USING") && is(j + 1, "INDEX");
			}
			String notNullColumn = null;
			if (kind == ConstraintKind.CHECK && isSymbol(k + 1, '(') && is(k + 3, "IS") && is(k + 4, "NOT")
					&& is(k + 5, "NULL") && isSymbol(k + 6, ')')) {
				notNullColumn = name(k + 2);
			}
			return new Command.AddConstraint(kind, name, notValid, usingIndex, notNullColumn, at);
		}
		if (is(from, "DROP")) {
			int k = from + 1;
			if (is(k, "PRIMARY")) {
				return new Command.DropPrimaryKey(at);
			}
			if (is(k, "CONSTRAINT") || is(k, "INDEX") || is(k, "KEY") || is(k, "FOREIGN") || is(k, "CHECK")
					|| is(k, "DEFAULT") || is(k, "PERIOD") || is(k, "PARTITION") || is(k, "SYSTEM")) {
				return new Command.OtherAction(at);
			}
			if (is(k, "COLUMN")) {
				k++;
			}
			return new Command.DropColumn(name(skipIfExists(k)), at);
		}
		if (is(from, "ALTER")) {
			int k = is(from + 1, "COLUMN") ? from + 2 : from + 1;
			if (is(k, "CONSTRAINT") || is(k, "INDEX")) {
				return new Command.OtherAction(at);
			}
			String column = name(k);
			int after = k + 1;
			if (is(after, "TYPE") || is(after, "SET") && is(after + 1, "DATA") && is(after + 2, "TYPE")) {
				int typeAt = is(after, "TYPE") ? after + 1 : after + 3;
				return new Command.ChangeColumn(column, null, type(typeAt, to), contains(typeAt, to, "USING"), null,
						at);
			}
			if (is(after, "SET") && is(after + 1, "NOT") && is(after + 2, "NULL")) {
				return new Command.SetNotNull(column, at);
			}
			if (after < to && (this.t.get(after).kind() == Token.Kind.WORD) && !is(after, "SET") && !is(after, "DROP")
					&& !is(after, "ADD") && !is(after, "RESTART")) {
				// SQL Server restates the type: ALTER COLUMN c varchar(20) NOT NULL.
				return new Command.ChangeColumn(column, null, type(after, to), false, null, at);
			}
			return new Command.OtherAction(at);
		}
		if (is(from, "MODIFY")) {
			ColumnDefinition column = column(is(from + 1, "COLUMN") ? from + 2 : from + 1, to);
			return new Command.ChangeColumn(column.name(), null, column.type(), false, column.position(), at);
		}
		if (is(from, "CHANGE")) {
			int k = is(from + 1, "COLUMN") ? from + 2 : from + 1;
			String old = name(k);
			ColumnDefinition column = column(k + 1, to);
			return new Command.ChangeColumn(old, column.name(), column.type(), false, column.position(), at);
		}
		if (is(from, "RENAME")) {
			int k = from + 1;
			if (is(k, "TO") || is(k, "AS")) {
				return new Command.RenameTo(name(k + 1), at);
			}
			if (is(k, "CONSTRAINT") || is(k, "INDEX") || is(k, "KEY")) {
				return new Command.OtherAction(at);
			}
			if (is(k, "COLUMN")) {
				k++;
			}
			if (is(k + 1, "TO")) {
				return new Command.RenameColumn(name(k), name(k + 2), at);
			}
			return new Command.OtherAction(at);
		}
		if (is(from, "VALIDATE") && is(from + 1, "CONSTRAINT")) {
			return new Command.ValidateConstraint(name(from + 2), at);
		}
		if (is(from, "CONVERT") && is(from + 1, "TO")) {
			return new Command.CopyingClause("CONVERT TO CHARACTER SET", at);
		}
		if (is(from, "ORDER") && is(from + 1, "BY")) {
			return new Command.CopyingClause("ORDER BY", at);
		}
		if (is(from, "PARTITION") && is(from + 1, "BY")) {
			return new Command.CopyingClause("PARTITION BY", at);
		}
		if (is(from, "ENGINE")) {
			return new Command.CopyingClause("ENGINE=", at);
		}
		return new Command.OtherAction(at);
	}

	private ConstraintKind constraintKind(int k) {
		if (is(k, "PRIMARY")) {
			return ConstraintKind.PRIMARY_KEY;
		}
		if (is(k, "UNIQUE")) {
			return ConstraintKind.UNIQUE;
		}
		if (is(k, "FOREIGN")) {
			return ConstraintKind.FOREIGN_KEY;
		}
		if (is(k, "CHECK")) {
			return ConstraintKind.CHECK;
		}
		if (is(k, "EXCLUDE")) {
			return ConstraintKind.EXCLUDE;
		}
		if (is(k, "INDEX") || is(k, "KEY")) {
			return ConstraintKind.INDEX;
		}
		if (is(k, "FULLTEXT")) {
			return ConstraintKind.FULLTEXT;
		}
		if (is(k, "SPATIAL")) {
			return ConstraintKind.SPATIAL;
		}
		return null;
	}

	private boolean isConstraintStart(int k) {
		return is(k, "CONSTRAINT") || is(k, "PRIMARY") && is(k + 1, "KEY") || is(k, "FOREIGN") && is(k + 1, "KEY")
				|| is(k, "UNIQUE") && (isSymbol(k + 1, '(') || is(k + 1, "KEY") || is(k + 1, "INDEX"))
				|| is(k, "CHECK") && isSymbol(k + 1, '(') || is(k, "INDEX") || is(k, "KEY") || is(k, "FULLTEXT")
				|| is(k, "SPATIAL") || is(k, "EXCLUDE") || is(k, "LIKE") || is(k, "PERIOD");
	}

	/** A column definition from its name to {@code to}. */
	private ColumnDefinition column(int from, int to) {
		String name = name(from);
		int typeEnd = typeEnd(from + 1, to);
		String type = ColumnTypes.normalize(this.t, from + 1, typeEnd);
		boolean notNull = false;
		boolean hasDefault = false;
		String volatileDefault = SERIAL_TYPES.contains(type) ? type : null;
		boolean stored = false;
		String position = null;
		int depth = 0;
		boolean inDefault = false;
		for (int k = typeEnd; k < to; k++) {
			if (isSymbol(k, '(')) {
				depth++;
			}
			else if (isSymbol(k, ')')) {
				depth--;
			}
			if (depth == 0 && this.t.get(k).kind() == Token.Kind.WORD) {
				String word = this.t.get(k).text().toUpperCase(java.util.Locale.ROOT);
				if (COLUMN_CLAUSES.contains(word)) {
					inDefault = false;
				}
				switch (word) {
					case "NOT" -> notNull |= is(k + 1, "NULL");
					case "PRIMARY" -> notNull = true;
					case "DEFAULT" -> {
						hasDefault = true;
						inDefault = true;
					}
					case "IDENTITY", "AUTO_INCREMENT", "STORED" -> {
						stored = true;
						volatileDefault = (volatileDefault != null) ? volatileDefault : word;
					}
					case "FIRST" -> position = "FIRST";
					case "AFTER" -> position = "AFTER";
					default -> {
					}
				}
			}
			if (inDefault && volatileDefault == null && this.t.get(k).kind() == Token.Kind.WORD
					&& VOLATILE_FUNCTIONS.contains(this.t.get(k).text().toUpperCase(java.util.Locale.ROOT))
					&& isSymbol(k + 1, '(')) {
				volatileDefault = this.t.get(k).text() + "()";
			}
		}
		if ("STORED".equals(volatileDefault)) {
			volatileDefault = null;
		}
		return new ColumnDefinition(name, type, notNull, hasDefault, volatileDefault, stored, position, at(from));
	}

	private int typeEnd(int from, int to) {
		int depth = 0;
		for (int k = from; k < to; k++) {
			if (isSymbol(k, '(')) {
				depth++;
			}
			else if (isSymbol(k, ')')) {
				depth--;
			}
			else if (depth == 0 && k > from && this.t.get(k).kind() == Token.Kind.WORD
					&& COLUMN_CLAUSES.contains(this.t.get(k).text().toUpperCase(java.util.Locale.ROOT))) {
				return k;
			}
		}
		return to;
	}

	private String type(int from, int to) {
		return ColumnTypes.normalize(this.t, from, typeEnd(from, to));
	}

	/** Splits {@code [from, to)} at commas outside parentheses; a closing parenthesis at depth 0 ends it. */
	private List<int[]> commaSeparated(int from, int to) {
		List<int[]> parts = new ArrayList<>();
		int depth = 0;
		int start = from;
		for (int k = from; k < to; k++) {
			if (isSymbol(k, '(')) {
				depth++;
			}
			else if (isSymbol(k, ')')) {
				if (depth == 0) {
					to = k;
					break;
				}
				depth--;
			}
			else if (depth == 0 && (isSymbol(k, ',') || isSymbol(k, ';'))) {
				parts.add(new int[] { start, k });
				start = k + 1;
			}
		}
		parts.add(new int[] { start, to });
		return parts;
	}

	private int matching(int open) {
		int depth = 0;
		for (int k = open; k < this.t.size(); k++) {
			if (isSymbol(k, '(')) {
				depth++;
			}
			else if (isSymbol(k, ')') && --depth == 0) {
				return k;
			}
		}
		return this.t.size();
	}

	private int afterCommonTableExpressions() {
		int depth = 0;
		for (int k = 1; k < this.t.size(); k++) {
			if (isSymbol(k, '(')) {
				depth++;
			}
			else if (isSymbol(k, ')')) {
				depth--;
			}
			else if (depth == 0 && (is(k, "UPDATE") || is(k, "DELETE") || is(k, "INSERT") || is(k, "SELECT")
					|| is(k, "MERGE"))) {
				return k;
			}
		}
		return this.t.size();
	}

	private boolean hasTopLevel(int from, String word) {
		int depth = 0;
		for (int k = from; k < this.t.size(); k++) {
			if (isSymbol(k, '(')) {
				depth++;
			}
			else if (isSymbol(k, ')')) {
				depth--;
			}
			else if (depth == 0 && is(k, word)) {
				return true;
			}
		}
		return false;
	}

	/** {@code VACUUM (FULL, ANALYZE) t}. */
	private boolean hasOption(int k, String option) {
		return isSymbol(k, '(') && contains(k, matching(k), option);
	}

	private boolean contains(int from, String word) {
		return contains(from, this.t.size(), word);
	}

	private boolean contains(int from, int to, String word) {
		for (int k = from; k < to; k++) {
			if (is(k, word)) {
				return true;
			}
		}
		return false;
	}

	private int find(int from, String word) {
		for (int k = from; k < this.t.size(); k++) {
			if (is(k, word)) {
				return k;
			}
		}
		return -1;
	}

	/** The names of a comma-separated list, stopping at {@code stop} (or at a word that is not a name). */
	private List<String> names(int from, String stop) {
		List<String> names = new ArrayList<>();
		int k = skip(from, "ONLY");
		while (k < this.t.size() && this.t.get(k).isName() && (stop == null || !is(k, stop))) {
			names.add(name(k));
			k += nameLength(k);
			if (is(k, "TO")) {
				// RENAME TABLE a TO b, c TO d: the old names are the ones that matter.
				k += 1 + nameLength(k + 1);
			}
			if (!isSymbol(k, ',')) {
				break;
			}
			k++;
		}
		return names;
	}

	/** The last part of a possibly qualified name ({@code schema.table}). */
	private String name(int k) {
		if (k >= this.t.size() || !this.t.get(k).isName()) {
			return null;
		}
		int last = k;
		while (isSymbol(last + 1, '.') && last + 2 < this.t.size() && this.t.get(last + 2).isName()) {
			last += 2;
		}
		return this.t.get(last).name();
	}

	private int nameLength(int k) {
		if (k >= this.t.size() || !this.t.get(k).isName()) {
			return 0;
		}
		int length = 1;
		while (isSymbol(k + length, '.') && k + length + 1 < this.t.size() && this.t.get(k + length + 1).isName()) {
			length += 2;
		}
		return length;
	}

	private String word(int k) {
		return (k < this.t.size()) ? this.t.get(k).text().toUpperCase(java.util.Locale.ROOT) : null;
	}

	private int skipIfExists(int k) {
		return (is(k, "IF") && is(k + 1, "EXISTS")) ? k + 2 : k;
	}

	private int skipIfNotExists(int k) {
		return (is(k, "IF") && is(k + 1, "NOT") && is(k + 2, "EXISTS")) ? k + 3 : k;
	}

	private int skip(int k, String word) {
		return is(k, word) ? k + 1 : k;
	}

	private boolean is(int k, String word) {
		return k >= 0 && k < this.t.size() && this.t.get(k).isWord(word);
	}

	private boolean isSymbol(int k, char symbol) {
		return k >= 0 && k < this.t.size() && this.t.get(k).isSymbol(symbol);
	}

	private int at(int k) {
		return (k < this.t.size()) ? this.t.get(k).offset() : 0;
	}

	private static String unquoteString(String text) {
		String value = (text.length() >= 2 && text.startsWith("'")) ? text.substring(1, text.length() - 1) : text;
		int dot = value.lastIndexOf('.');
		return value.substring(dot + 1).replace("[", "").replace("]", "").toLowerCase(java.util.Locale.ROOT);
	}

}
