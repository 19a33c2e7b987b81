package dev.migrate.core.lint;

import dev.migrate.core.lint.Command.Action;
import dev.migrate.core.lint.Command.ConstraintKind;

/**
 * The PostgreSQL rules ({@code PG..}): statements that take a lock blocking reads or writes on an existing
 * table for longer than an instant, and statements PostgreSQL refuses inside a transaction.
 */
final class PostgresRules {

	private static final String TRANSACTION_BLOCK = "PostgreSQL refuses it inside a transaction block ('%s cannot"
			+ " run inside a transaction block'), and this revision runs in one: it fails every time";

	private PostgresRules() {
	}

	static void check(Command command, RevisionCheck check) {
		if (command instanceof Command.CreateIndex index) {
			if (index.concurrently() && check.transactional) {
				check.report(LintRule.PG03, index.at(), String.format(TRANSACTION_BLOCK, "CREATE INDEX CONCURRENTLY"));
			}
			else if (!index.concurrently() && check.existing(index.table())) {
				check.report(LintRule.PG01, index.at(), "PostgreSQL holds a SHARE lock on " + index.table()
						+ " for the whole index build: inserts, updates and deletes wait until it ends");
			}
		}
		else if (command instanceof Command.DropIndex drop) {
			if (drop.concurrently() && check.transactional) {
				check.report(LintRule.PG03, drop.at(), String.format(TRANSACTION_BLOCK, "DROP INDEX CONCURRENTLY"));
			}
			else if (!drop.concurrently()) {
				for (String name : drop.names()) {
					String table = check.schema.indexTable(name);
					if (table == null || check.existing(table)) {
						check.report(LintRule.PG02, drop.at(), "PostgreSQL takes an ACCESS EXCLUSIVE lock on "
								+ ((table != null) ? table : "the table of " + name) + " to drop the index: reads and"
								+ " writes wait, and queue behind any transaction that still uses the table");
					}
				}
			}
		}
		else if (command instanceof Command.AlterTable alter && check.existing(alter.table())) {
			for (Action action : alter.actions()) {
				alterTable(alter.table(), action, check);
			}
		}
		else if (command instanceof Command.Maintenance maintenance) {
			maintenance(maintenance, check);
		}
	}

	private static void alterTable(String table, Action action, RevisionCheck check) {
		if (action instanceof Command.AddColumn add) {
			Command.ColumnDefinition column = add.column();
			if (column.volatileDefault() != null || column.storedGenerated()) {
				String filler = (column.volatileDefault() != null) ? column.volatileDefault() : "a stored generated"
						+ " expression";
				check.report(LintRule.PG05, action.at(), "PostgreSQL rewrites " + table + " under an ACCESS"
						+ " EXCLUSIVE lock to fill " + column.name() + " row by row (" + filler + "): reads and writes"
						+ " wait for the whole rewrite (a constant default is instant since PostgreSQL 11)");
			}
			else if (column.notNull() && !column.hasDefault()) {
				check.report(LintRule.PG04, action.at(), "PostgreSQL fails the statement with 'column \""
						+ column.name() + "\" of relation \"" + table + "\" contains null values' as soon as "
						+ table + " has a row");
			}
		}
		else if (action instanceof Command.AddConstraint add) {
			if ((add.kind() == ConstraintKind.FOREIGN_KEY || add.kind() == ConstraintKind.CHECK) && !add.notValid()) {
				check.report(LintRule.PG08, action.at(), (add.kind() == ConstraintKind.FOREIGN_KEY)
						? "PostgreSQL checks every row of " + table + " while holding a SHARE ROW EXCLUSIVE lock on it"
								+ " and on the referenced table: writes to both wait for the whole scan"
						: "PostgreSQL checks every row of " + table + " under an ACCESS EXCLUSIVE lock: reads and"
								+ " writes wait for the whole scan");
			}
			else if ((add.kind() == ConstraintKind.PRIMARY_KEY || add.kind() == ConstraintKind.UNIQUE)
					&& !add.usingIndex()) {
				check.report(LintRule.PG09, action.at(), "PostgreSQL builds the unique index under an ACCESS"
						+ " EXCLUSIVE lock on " + table + ": reads and writes wait for the whole build");
			}
		}
		else if (action instanceof Command.ChangeColumn change) {
			String old = check.schema.columnType(table, change.column());
			if (change.using() || old == null || !ColumnTypes.postgresChangesInPlace(old, change.type())) {
				String from = (old != null) ? " from " + old : "";
				String unknown = (old != null) ? "" : " (unless the change is binary-coercible; no revision created"
						+ " the column, so its current type is unknown here)";
				check.report(LintRule.PG06, action.at(), "PostgreSQL rewrites " + table + " and rebuilds its indexes"
						+ " under an ACCESS EXCLUSIVE lock to change " + change.column() + from + " to "
						+ change.type() + unknown + ": reads and writes wait for the whole rewrite");
			}
		}
		else if (action instanceof Command.SetNotNull set && !check.schema.notNullChecked(table, set.column())) {
			check.report(LintRule.PG07, action.at(), "PostgreSQL scans every row of " + table + " under an ACCESS"
					+ " EXCLUSIVE lock to prove " + set.column() + " holds no NULL: reads and writes wait for the scan");
		}
	}

	private static void maintenance(Command.Maintenance maintenance, RevisionCheck check) {
		switch (maintenance.kind()) {
			case VACUUM_FULL, CLUSTER -> check.report(LintRule.PG10, maintenance.at(), "PostgreSQL rewrites the"
					+ " table under an ACCESS EXCLUSIVE lock: reads and writes wait for the whole rewrite");
			case REINDEX -> {
				if (maintenance.concurrently() && check.transactional) {
					check.report(LintRule.PG03, maintenance.at(),
							String.format(TRANSACTION_BLOCK, "REINDEX CONCURRENTLY"));
				}
				else if (!maintenance.concurrently()) {
					check.report(LintRule.PG11, maintenance.at(), "PostgreSQL blocks writes to the table, and reads"
							+ " that would use the index, for the whole rebuild");
				}
			}
			case LOCK -> check.report(LintRule.PG12, maintenance.at(), "PostgreSQL holds the lock until the revision"
					+ " commits; the LOCK itself waits behind running transactions, and every query on the table"
					+ " queues behind it");
			case OPTIMIZE -> {
			}
		}
	}

}
