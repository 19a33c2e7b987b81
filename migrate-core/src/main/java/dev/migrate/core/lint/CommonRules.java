package dev.migrate.core.lint;

import dev.migrate.core.lint.Command.Action;

/**
 * The rules for every engine ({@code ALL..}): destructive and backward-incompatible changes to existing tables,
 * and data changes that lock or half-apply.
 */
final class CommonRules {

	private static final String OLD_CODE = "deployed code that still uses it fails from the moment this commits";

	private CommonRules() {
	}

	static void check(Command command, RevisionCheck check) {
		if (command instanceof Command.DropTable drop) {
			for (String table : drop.tables()) {
				if (check.existing(table)) {
					check.report(LintRule.ALL01, drop.at(), "drops " + table + " and its rows: " + OLD_CODE
							+ ", and no downgrade brings the rows back");
				}
			}
		}
		else if (command instanceof Command.Truncate truncate) {
			for (String table : truncate.tables()) {
				if (check.existing(table)) {
					check.report(LintRule.ALL03, truncate.at(), "removes every row of " + table
							+ " at once; no downgrade brings them back");
				}
			}
		}
		else if (command instanceof Command.RenameTable rename) {
			for (String table : rename.tables()) {
				if (check.existing(table)) {
					check.report(LintRule.ALL04, rename.at(), "renames " + table + ": " + OLD_CODE);
				}
			}
		}
		else if (command instanceof Command.DataChange change && change.table() != null && !change.filtered()
				&& check.existing(change.table())) {
			check.report(LintRule.ALL06, change.at(), change.verb() + " changes every row of " + change.table()
					+ " in one transaction: each row stays locked until the revision commits, so concurrent writes"
					+ " to the table wait");
		}
		else if (command instanceof Command.AlterTable alter && check.existing(alter.table())) {
			for (Action action : alter.actions()) {
				alterTable(alter.table(), action, check);
			}
		}
	}

	private static void alterTable(String table, Action action, RevisionCheck check) {
		if (action instanceof Command.DropColumn drop) {
			check.report(LintRule.ALL02, action.at(), "drops " + table + "." + drop.column() + " and its values: "
					+ OLD_CODE);
		}
		else if (action instanceof Command.RenameColumn rename) {
			check.report(LintRule.ALL04, action.at(), "renames " + table + "." + rename.column() + " to "
					+ rename.newName() + ": " + OLD_CODE);
		}
		else if (action instanceof Command.RenameTo rename) {
			check.report(LintRule.ALL04, action.at(), "renames " + table + " to " + rename.newName() + ": " + OLD_CODE);
		}
		else if (action instanceof Command.ChangeColumn change) {
			if (change.newName() != null && !change.newName().equals(change.column())) {
				check.report(LintRule.ALL04, action.at(), "renames " + table + "." + change.column() + " to "
						+ change.newName() + ": " + OLD_CODE);
			}
			String old = check.schema.columnType(table, change.column());
			if (old != null && ColumnTypes.narrows(old, change.type())) {
				check.report(LintRule.ALL05, action.at(), "narrows " + table + "." + change.column() + " from " + old
						+ " to " + change.type() + ": a value that does not fit fails the statement (or is cut"
						+ " short where the server is not strict), and deployed code may still write one");
			}
		}
	}

}
