package dev.migrate.core.lint;

import dev.migrate.core.lint.Command.Action;
import dev.migrate.core.lint.Command.ConstraintKind;

/**
 * The MySQL/MariaDB rules ({@code MY..}): {@code ALTER TABLE} forms that InnoDB cannot run in place, so it
 * copies the table while writes wait, and rebuilds that load the server.
 */
final class MySqlRules {

	private static final String COPY = "MySQL/MariaDB copy %s row by row (ALGORITHM=COPY) to %s: writes wait for"
			+ " the whole copy";

	private MySqlRules() {
	}

	static void check(Command command, RevisionCheck check) {
		if (command instanceof Command.AlterTable alter && check.existing(alter.table())) {
			String table = alter.table();
			if ("COPY".equals(alter.algorithm()) && !alter.actions().isEmpty()) {
				check.report(LintRule.MY01, alter.actions().get(0).at(), String.format(COPY, table,
						"run this ALTER TABLE, as its ALGORITHM=COPY asks"));
			}
			boolean addsPrimaryKey = alter.actions()
				.stream()
				.anyMatch((action) -> action instanceof Command.AddConstraint add
						&& add.kind() == ConstraintKind.PRIMARY_KEY);
			for (Action action : alter.actions()) {
				alterTable(table, action, addsPrimaryKey, check);
			}
		}
		else if (command instanceof Command.Maintenance maintenance
				&& maintenance.kind() == Command.MaintenanceKind.OPTIMIZE) {
			check.report(LintRule.MY04, maintenance.at(), "for InnoDB, OPTIMIZE TABLE rebuilds the whole table (online"
					+ " since MySQL 5.6.17 and MariaDB 10.0, but with a FULLTEXT index it copies it and writes"
					+ " wait), loading the disk and leaving replicas behind");
		}
	}

	private static void alterTable(String table, Action action, boolean addsPrimaryKey, RevisionCheck check) {
		if (action instanceof Command.CopyingClause clause) {
			check.report(LintRule.MY01, action.at(), String.format(COPY, table, "apply " + clause.clause()));
		}
		else if (action instanceof Command.DropPrimaryKey && !addsPrimaryKey) {
			check.report(LintRule.MY01, action.at(), String.format(COPY, table, "drop its primary key without"
					+ " adding another in the same statement"));
		}
		else if (action instanceof Command.AddConstraint add
				&& (add.kind() == ConstraintKind.FULLTEXT || add.kind() == ConstraintKind.SPATIAL)) {
			check.report(LintRule.MY01, action.at(), "MySQL/MariaDB build a " + add.kind() + " index with"
					+ " LOCK=SHARED: writes to " + table + " wait for the whole build (the first FULLTEXT index"
					+ " also rebuilds the table)");
		}
		else if (action instanceof Command.AddColumn add) {
			Command.ColumnDefinition column = add.column();
			if (column.storedGenerated()) {
				check.report(LintRule.MY01, action.at(), String.format(COPY, table, "add " + column.name()
						+ ", an AUTO_INCREMENT or stored generated column"));
			}
			else if (column.position() != null) {
				check.report(LintRule.MY02, action.at(), "a column added " + column.position() + " rather than last"
						+ " cannot be added instantly before MySQL 8.0.29 and MariaDB 10.4: " + table + " is"
						+ " rebuilt (online, but for as long as a copy takes, with replicas falling behind)");
			}
		}
		else if (action instanceof Command.ChangeColumn change) {
			String old = check.schema.columnType(table, change.column());
			if (old == null) {
				check.report(LintRule.MY03, action.at(), "this restates " + change.column() + " as " + change.type()
						+ "; if that changes its type (no revision created the column, so its current type is unknown"
						+ " here), " + String.format(COPY, table, "convert it"));
			}
			else if (!ColumnTypes.mysqlChangesInPlace(old, change.type())) {
				check.report(LintRule.MY03, action.at(), String.format(COPY, table, "change " + change.column()
						+ " from " + old + " to " + change.type()));
			}
		}
	}

}
