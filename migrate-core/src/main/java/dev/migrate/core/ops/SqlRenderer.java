package dev.migrate.core.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import dev.migrate.core.MigrateException;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.dialect.DialectResolver;
import dev.migrate.core.dialect.Engine;
import dev.migrate.core.ops.Operation.AddColumn;
import dev.migrate.core.ops.Operation.AlterColumn;
import dev.migrate.core.ops.Operation.BulkInsert;
import dev.migrate.core.ops.Operation.CreateCheckConstraint;
import dev.migrate.core.ops.Operation.CreateForeignKey;
import dev.migrate.core.ops.Operation.CreateIndex;
import dev.migrate.core.ops.Operation.CreateTable;
import dev.migrate.core.ops.Operation.CreateUniqueConstraint;
import dev.migrate.core.ops.Operation.DropColumn;
import dev.migrate.core.ops.Operation.DropConstraint;
import dev.migrate.core.ops.Operation.DropIndex;
import dev.migrate.core.ops.Operation.DropTable;
import dev.migrate.core.ops.Operation.Execute;
import dev.migrate.core.ops.Operation.RenameColumn;
import dev.migrate.core.ops.Operation.RenameTable;

/**
 * Turns operations into one engine's SQL statements (without terminators). Identifiers are quoted by the engine's
 * {@link Dialect}. The base renders standard SQL;
 * each engine overrides what differs, as Alembic's {@code DefaultImpl} subclasses do. Renderers are keyed by
 * the engine names scripts use: {@code postgresql}, {@code mysql}, {@code mariadb}, {@code sqlite},
 * {@code sqlserver} and {@code h2}.
 */
abstract class SqlRenderer {

	static final List<String> ENGINES = DialectResolver.names();

	static SqlRenderer forEngine(String engine) {
		Engine known = Engine.fromId(engine);
		if (known == null) {
			throw new MigrateException("Unknown engine '" + engine + "'; use one of " + ENGINES);
		}
		return switch (known) {
			case POSTGRESQL -> new PostgresSqlRenderer();
			case MYSQL -> new MySqlSqlRenderer(false);
			case MARIADB -> new MySqlSqlRenderer(true);
			case SQLITE -> new SqliteSqlRenderer();
			case SQLSERVER -> new SqlServerSqlRenderer();
			case H2 -> new H2SqlRenderer();
		};
	}

	private Dialect dialect;

	abstract Engine engine();

	/**
	 * Quotes an identifier as the engine's {@link Dialect} does.
	 */
	final String quote(String identifier) {
		if (this.dialect == null) {
			this.dialect = DialectResolver.of(engine());
		}
		return this.dialect.quote(identifier);
	}

	/**
	 * The type as this engine spells it; types are written in a portable form ({@code double},
	 * {@code timestamp}, {@code blob}) and mapped where an engine needs another name.
	 */
	String type(String type) {
		return type;
	}

	/**
	 * Renders one operation against the tables as they are before it.
	 */
	List<String> render(Operation operation, TableSet tables) {
		if (operation instanceof CreateTable op) {
			return createTable(op.table(), op.table().name());
		}
		if (operation instanceof DropTable op) {
			return List.of("DROP TABLE " + quote(op.table()));
		}
		if (operation instanceof AddColumn op) {
			return addColumn(op, tables);
		}
		if (operation instanceof DropColumn op) {
			return dropColumn(op, tables);
		}
		if (operation instanceof AlterColumn op) {
			return alterColumn(op, tables);
		}
		if (operation instanceof RenameTable op) {
			return List.of("ALTER TABLE " + quote(op.from()) + " RENAME TO " + quote(op.to()));
		}
		if (operation instanceof RenameColumn op) {
			return List.of("ALTER TABLE " + quote(op.table()) + " RENAME COLUMN " + quote(op.from()) + " TO "
					+ quote(op.to()));
		}
		if (operation instanceof CreateIndex op) {
			return List.of(createIndex(op.index()));
		}
		if (operation instanceof DropIndex op) {
			return List.of(dropIndex(op));
		}
		if (operation instanceof CreateForeignKey op) {
			return addConstraint(op.foreignKey(), tables);
		}
		if (operation instanceof CreateUniqueConstraint op) {
			return addConstraint(op.constraint(), tables);
		}
		if (operation instanceof CreateCheckConstraint op) {
			return addConstraint(op.constraint(), tables);
		}
		if (operation instanceof DropConstraint op) {
			return dropConstraint(op.constraint(), tables);
		}
		if (operation instanceof Execute op) {
			return List.of(op.sql());
		}
		return bulkInsert((BulkInsert) operation);
	}

	List<String> createTable(Table table, String name) {
		List<String> parts = new ArrayList<>();
		for (Column column : table.columns()) {
			parts.add(columnDefinition(column, table));
		}
		if (!table.primaryKey().isEmpty() && !inlinePrimaryKey(table)) {
			parts.add("PRIMARY KEY (" + columns(table.primaryKey()) + ")");
		}
		for (Constraint constraint : table.constraints()) {
			parts.add(constraintClause(constraint));
		}
		List<String> statements = new ArrayList<>();
		statements.add("CREATE TABLE " + quote(name) + " (\n    " + String.join(",\n    ", parts) + "\n)");
		for (Index index : table.indexes()) {
			statements.add(createIndex(index));
		}
		for (Column column : table.columns()) {
			if (column.comment() != null) {
				statements.addAll(comment(table.name(), column));
			}
		}
		return statements;
	}

	/**
	 * Whether the primary key is part of a column definition (SQLite's {@code AUTOINCREMENT}).
	 */
	boolean inlinePrimaryKey(Table table) {
		return false;
	}

	String columnDefinition(Column column, Table table) {
		StringBuilder sql = new StringBuilder(quote(column.name())).append(' ').append(type(column.type()));
		if (column.autoIncrement()) {
			sql.append(' ').append(identity());
		}
		if (column.defaultValue() != null && !column.autoIncrement()) {
			sql.append(" DEFAULT ").append(column.defaultValue());
		}
		if (!column.nullable()) {
			sql.append(" NOT NULL");
		}
		return sql.toString();
	}

	String identity() {
		return "GENERATED BY DEFAULT AS IDENTITY";
	}

	List<String> comment(String table, Column column) {
		return List.of("COMMENT ON COLUMN " + quote(table) + "." + quote(column.name()) + " IS "
				+ ((column.comment() != null) ? literal(column.comment()) : "NULL"));
	}

	String constraintClause(Constraint constraint) {
		String prefix = (constraint.name() != null) ? "CONSTRAINT " + quote(constraint.name()) + " " : "";
		if (constraint instanceof UniqueConstraint unique) {
			return prefix + "UNIQUE (" + columns(unique.columns()) + ")";
		}
		if (constraint instanceof CheckConstraint check) {
			return prefix + "CHECK (" + check.expression() + ")";
		}
		ForeignKey fk = (ForeignKey) constraint;
		StringBuilder sql = new StringBuilder(prefix).append("FOREIGN KEY (")
			.append(columns(fk.columns()))
			.append(") REFERENCES ")
			.append(quote(fk.referencedTable()))
			.append(" (")
			.append(columns(fk.referencedColumns()))
			.append(')');
		if (fk.onDelete() != null) {
			sql.append(" ON DELETE ").append(fk.onDelete());
		}
		if (fk.onUpdate() != null) {
			sql.append(" ON UPDATE ").append(fk.onUpdate());
		}
		return sql.toString();
	}

	List<String> addColumn(AddColumn op, TableSet tables) {
		List<String> statements = new ArrayList<>();
		statements.add("ALTER TABLE " + quote(op.table()) + " ADD COLUMN " + columnDefinition(op.column(), null));
		if (op.column().comment() != null) {
			statements.addAll(comment(op.table(), op.column()));
		}
		return statements;
	}

	List<String> dropColumn(DropColumn op, TableSet tables) {
		return List.of("ALTER TABLE " + quote(op.table()) + " DROP COLUMN " + quote(op.column()));
	}

	abstract List<String> alterColumn(AlterColumn op, TableSet tables);

	String createIndex(Index index) {
		return "CREATE " + (index.unique() ? "UNIQUE " : "") + "INDEX " + quote(index.name()) + " ON "
				+ quote(index.table()) + " (" + columns(index.columns()) + ")";
	}

	String dropIndex(DropIndex op) {
		return "DROP INDEX " + quote(op.name());
	}

	List<String> addConstraint(Constraint constraint, TableSet tables) {
		return List.of("ALTER TABLE " + quote(constraint.table()) + " ADD " + constraintClause(constraint));
	}

	List<String> dropConstraint(Constraint constraint, TableSet tables) {
		return List.of("ALTER TABLE " + quote(constraint.table()) + " DROP CONSTRAINT " + quote(named(constraint)));
	}

	List<String> bulkInsert(BulkInsert op) {
		if (op.rows().isEmpty()) {
			return List.of();
		}
		String values = op.rows()
			.stream()
			.map((row) -> row.stream().map(this::value).collect(Collectors.joining(", ", "(", ")")))
			.collect(Collectors.joining(",\n    "));
		return List.of("INSERT INTO " + quote(op.table()) + " (" + columns(op.columns()) + ") VALUES\n    " + values);
	}

	String value(Object value) {
		if (value == null) {
			return "NULL";
		}
		if (value instanceof Number) {
			return value.toString();
		}
		if (value instanceof Boolean bool) {
			return bool ? "TRUE" : "FALSE";
		}
		return literal(value.toString());
	}

	String literal(String text) {
		return "'" + text.replace("'", "''") + "'";
	}

	String columns(List<String> names) {
		return names.stream().map(this::quote).collect(Collectors.joining(", "));
	}

	static String named(Constraint constraint) {
		if (constraint.name() == null) {
			throw new MigrateException("Cannot drop the unnamed " + constraint.kind().name().toLowerCase(Locale.ROOT)
					+ " constraint " + constraint + " on table '" + constraint.table()
					+ "': this engine needs its name; pass the constraint with its name as the database reports it");
		}
		return constraint.name();
	}

	static boolean typeChanged(AlterColumn op) {
		return op.existing() == null || !op.existing().type().equalsIgnoreCase(op.desired().type());
	}

	static boolean nullabilityChanged(AlterColumn op) {
		return op.existing() == null || op.existing().nullable() != op.desired().nullable();
	}

	static boolean defaultChanged(AlterColumn op) {
		return op.existing() == null
				|| !java.util.Objects.equals(op.existing().defaultValue(), op.desired().defaultValue());
	}

	static boolean commentChanged(AlterColumn op) {
		return op.existing() != null && !java.util.Objects.equals(op.existing().comment(), op.desired().comment());
	}

}
