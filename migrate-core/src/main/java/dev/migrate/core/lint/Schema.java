package dev.migrate.core.lint;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the revisions read so far built: column types, which table each index is on, and which columns a
 * validated {@code CHECK (c IS NOT NULL)} covers. It lets a rule tell a widening from a narrowing and find a
 * dropped index's table. Tables not created by any revision (adopted ones) are simply unknown here.
 */
final class Schema {

	private final Map<String, Map<String, String>> columns = new HashMap<>();

	private final Map<String, String> indexTables = new HashMap<>();

	private final Map<String, String> unvalidatedChecks = new HashMap<>();

	private final Set<String> notNullChecked = new HashSet<>();

	String columnType(String table, String column) {
		Map<String, String> types = this.columns.get(table);
		return (types != null) ? types.get(column) : null;
	}

	String indexTable(String index) {
		return this.indexTables.get(index);
	}

	boolean notNullChecked(String table, String column) {
		return this.notNullChecked.contains(table + "." + column);
	}

	/** Records what a statement changed. */
	void apply(Command command) {
		if (command instanceof Command.CreateTable create && create.table() != null) {
			Map<String, String> types = new HashMap<>();
			create.columns().forEach((column) -> types.put(column.name(), column.type()));
			this.columns.put(create.table(), types);
		}
		else if (command instanceof Command.CreateIndex index && index.name() != null && index.table() != null) {
			this.indexTables.put(index.name(), index.table());
		}
		else if (command instanceof Command.DropTable drop) {
			drop.tables().forEach(this.columns::remove);
		}
		else if (command instanceof Command.AlterTable alter && alter.table() != null) {
			String table = alter.table();
			Map<String, String> types = this.columns.computeIfAbsent(table, (key) -> new HashMap<>());
			for (Command.Action action : alter.actions()) {
				apply(table, types, action);
			}
		}
	}

	private void apply(String table, Map<String, String> types, Command.Action action) {
		if (action instanceof Command.AddColumn add) {
			types.put(add.column().name(), add.column().type());
		}
		else if (action instanceof Command.DropColumn drop) {
			types.remove(drop.column());
		}
		else if (action instanceof Command.ChangeColumn change) {
			types.remove(change.column());
			types.put((change.newName() != null) ? change.newName() : change.column(), change.type());
		}
		else if (action instanceof Command.RenameColumn rename) {
			String type = types.remove(rename.column());
			if (type != null) {
				types.put(rename.newName(), type);
			}
		}
		else if (action instanceof Command.RenameTo rename) {
			this.columns.put(rename.newName(), this.columns.remove(table));
		}
		else if (action instanceof Command.AddConstraint add && add.notNullColumn() != null) {
			String column = table + "." + add.notNullColumn();
			if (add.notValid() && add.name() != null) {
				this.unvalidatedChecks.put(add.name(), column);
			}
			else if (!add.notValid()) {
				this.notNullChecked.add(column);
			}
		}
		else if (action instanceof Command.ValidateConstraint validate) {
			String column = this.unvalidatedChecks.remove(validate.name());
			if (column != null) {
				this.notNullChecked.add(column);
			}
		}
	}

}
