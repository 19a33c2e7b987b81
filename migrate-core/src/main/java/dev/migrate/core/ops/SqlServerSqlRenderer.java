package dev.migrate.core.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.migrate.core.dialect.Engine;
import dev.migrate.core.ops.Operation.AddColumn;
import dev.migrate.core.ops.Operation.AlterColumn;
import dev.migrate.core.ops.Operation.DropColumn;
import dev.migrate.core.ops.Operation.DropIndex;
import dev.migrate.core.ops.Operation.RenameColumn;
import dev.migrate.core.ops.Operation.RenameTable;

/**
 * SQL Server: bracket quoting, {@code IDENTITY}, {@code sp_rename}, and defaults as constraints whose
 * generated names are looked up before they are dropped.
 */
final class SqlServerSqlRenderer extends SqlRenderer {

	@Override
	Engine engine() {
		return Engine.SQLSERVER;
	}

	@Override
	String type(String type) {
		return switch (type.toLowerCase(Locale.ROOT)) {
			case "boolean" -> "bit";
			case "double" -> "float";
			case "text" -> "nvarchar(max)";
			case "blob" -> "varbinary(max)";
			case "timestamp" -> "datetime2";
			case "timestamptz" -> "datetimeoffset";
			default -> type;
		};
	}

	@Override
	String identity() {
		return "IDENTITY(1,1)";
	}

	@Override
	List<String> render(Operation operation, TableSet tables) {
		if (operation instanceof RenameTable op) {
			return List.of("EXEC sp_rename " + literal(op.from()) + ", " + literal(op.to()));
		}
		if (operation instanceof RenameColumn op) {
			return List.of("EXEC sp_rename " + literal(op.table() + "." + op.from()) + ", " + literal(op.to())
					+ ", 'COLUMN'");
		}
		return super.render(operation, tables);
	}

	@Override
	List<String> addColumn(AddColumn op, TableSet tables) {
		List<String> statements = new ArrayList<>();
		statements.add("ALTER TABLE " + quote(op.table()) + " ADD " + columnDefinition(op.column(), null));
		if (op.column().comment() != null) {
			statements.addAll(comment(op.table(), op.column()));
		}
		return statements;
	}

	@Override
	List<String> dropColumn(DropColumn op, TableSet tables) {
		return List.of(dropDefault(op.table(), op.column()),
				"ALTER TABLE " + quote(op.table()) + " DROP COLUMN " + quote(op.column()));
	}

	@Override
	List<String> alterColumn(AlterColumn op, TableSet tables) {
		List<String> statements = new ArrayList<>();
		Column desired = op.desired();
		if (defaultChanged(op)) {
			statements.add(dropDefault(op.table(), desired.name()));
		}
		if (typeChanged(op) || nullabilityChanged(op)) {
			statements.add("ALTER TABLE " + quote(op.table()) + " ALTER COLUMN " + quote(desired.name()) + " "
					+ type(desired.type()) + (desired.nullable() ? " NULL" : " NOT NULL"));
		}
		if (defaultChanged(op) && desired.defaultValue() != null) {
			statements.add("ALTER TABLE " + quote(op.table()) + " ADD DEFAULT " + desired.defaultValue() + " FOR "
					+ quote(desired.name()));
		}
		if (commentChanged(op)) {
			statements.addAll(comment(op.table(), desired));
		}
		return statements;
	}

	private String dropDefault(String table, String column) {
		return "DECLARE @df sysname = (SELECT d.name FROM sys.default_constraints d JOIN sys.columns c"
				+ " ON c.object_id = d.parent_object_id AND c.column_id = d.parent_column_id"
				+ " WHERE d.parent_object_id = OBJECT_ID(" + literal(table) + ") AND c.name = " + literal(column)
				+ ") IF @df IS NOT NULL EXEC('ALTER TABLE " + quote(table).replace("'", "''")
				+ " DROP CONSTRAINT [' + @df + ']')";
	}

	@Override
	List<String> comment(String table, Column column) {
		if (column.comment() == null) {
			return List.of("EXEC sys.sp_dropextendedproperty @name = N'MS_Description', @level0type = N'SCHEMA',"
					+ " @level0name = N'dbo', @level1type = N'TABLE', @level1name = " + literal(table)
					+ ", @level2type = N'COLUMN', @level2name = " + literal(column.name()));
		}
		return List.of("EXEC sys.sp_addextendedproperty @name = N'MS_Description', @value = "
				+ literal(column.comment()) + ", @level0type = N'SCHEMA', @level0name = N'dbo',"
				+ " @level1type = N'TABLE', @level1name = " + literal(table) + ", @level2type = N'COLUMN',"
				+ " @level2name = " + literal(column.name()));
	}

	@Override
	String dropIndex(DropIndex op) {
		return "DROP INDEX " + quote(op.name()) + " ON " + quote(op.table());
	}

	@Override
	String value(Object value) {
		if (value instanceof Boolean bool) {
			return bool ? "1" : "0";
		}
		return super.value(value);
	}

}
