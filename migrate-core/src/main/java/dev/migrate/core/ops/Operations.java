package dev.migrate.core.ops;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import dev.migrate.core.MigrateException;

/**
 * Schema changes by hand, as Alembic's {@code op}: each method builds an {@link Operation}, renders it for the
 * engine and runs it on the connection (or, for an offline instance, collects the SQL). On SQLite, changes its
 * {@code ALTER TABLE} cannot express are done as a table rebuild, which needs the table's definition: give a
 * {@link TableLookup} (or run through autogenerate, which knows every table).
 *
 * <pre class="code">
 * Operations op = Operations.on(context.connection(), context.engine());
 * op.addColumn("users", Column.of("email", "varchar(255)"));
 * op.createIndex(new Index("ix_users_email", "users", List.of("email"), true));
 * </pre>
 */
public final class Operations {

	private final SqlRenderer renderer;

	private final TableSet tables;

	private final Connection connection;

	private final TableLookup lookup;

	private final List<String> statements = new ArrayList<>();

	private final List<Operation> applied = new ArrayList<>();

	private Operations(String engine, Connection connection, TableLookup lookup, Collection<Table> tables) {
		this.renderer = SqlRenderer.forEngine(engine);
		this.connection = connection;
		this.lookup = lookup;
		this.tables = new TableSet(tables);
	}

	/**
	 * Operations that run on a connection as they are called.
	 * @param connection the connection (not closed, committed or rolled back here)
	 * @param engine the engine name: {@code postgresql}, {@code mysql}, {@code mariadb}, {@code sqlite},
	 * {@code sqlserver} or {@code h2}
	 * @return the operations
	 */
	public static Operations on(Connection connection, String engine) {
		return new Operations(engine, connection, null, List.of());
	}

	/**
	 * Operations that run on a connection, reading table definitions through the lookup when a SQLite rebuild
	 * needs them.
	 * @param connection the connection
	 * @param engine the engine name
	 * @param lookup finds a table's current definition
	 * @return the operations
	 */
	public static Operations on(Connection connection, String engine, TableLookup lookup) {
		return new Operations(engine, connection, lookup, List.of());
	}

	/**
	 * Operations that only collect SQL ({@link #statements()}), starting from known tables.
	 * @param engine the engine name
	 * @param tables the tables as they are before the first operation
	 * @return the operations
	 */
	public static Operations offline(String engine, Collection<Table> tables) {
		return new Operations(engine, null, null, tables);
	}

	/**
	 * Renders operations to SQL statements (without terminators), in order.
	 * @param engine the engine name
	 * @param tables the tables as they are before the first operation
	 * @param operations the operations
	 * @return the statements
	 */
	public static List<String> toSql(String engine, Collection<Table> tables, List<? extends Operation> operations) {
		Operations offline = offline(engine, tables);
		operations.forEach(offline::run);
		return offline.statements();
	}

	/**
	 * The engine names operations can be rendered for.
	 * @return {@code postgresql}, {@code mysql}, {@code mariadb}, {@code sqlite}, {@code sqlserver}, {@code h2}
	 */
	public static List<String> engines() {
		return SqlRenderer.ENGINES;
	}

	/**
	 * Renders and runs (or collects) one operation.
	 * @param operation the operation
	 */
	public void run(Operation operation) {
		String table = TableSet.tableOf(operation);
		if (table != null && this.lookup != null && this.tables.find(table).isEmpty()) {
			try {
				this.lookup.find(table).ifPresent((found) -> this.tables.apply(new Operation.CreateTable(found)));
			}
			catch (SQLException ex) {
				throw new MigrateException("Could not read the definition of table '" + table + "' for '"
						+ operation.describe() + "': " + ex.getMessage(), ex);
			}
		}
		List<String> sql = this.renderer.render(operation, this.tables);
		if (this.connection != null) {
			try (Statement statement = this.connection.createStatement()) {
				for (String each : sql) {
					statement.execute(each);
				}
			}
			catch (SQLException ex) {
				throw new MigrateException("Operation '" + operation.describe() + "' failed: " + ex.getMessage(), ex);
			}
		}
		this.statements.addAll(sql);
		this.tables.apply(operation);
		this.applied.add(operation);
	}

	/**
	 * @return every statement rendered so far, in order
	 */
	public List<String> statements() {
		return List.copyOf(this.statements);
	}

	/**
	 * @return the table definitions known so far, with every operation run so far applied
	 */
	public List<Table> tables() {
		return this.tables.tables();
	}

	/**
	 * @return every operation run so far, in order
	 */
	public List<Operation> applied() {
		return List.copyOf(this.applied);
	}

	/**
	 * The inverse of everything run so far, last first: what a downgrade runs.
	 * @return the inverse operations
	 * @throws IrreversibleOperationException if one of them has no inverse
	 */
	public List<Operation> reversed() {
		List<Operation> reversed = new ArrayList<>();
		for (int i = this.applied.size() - 1; i >= 0; i--) {
			reversed.add(this.applied.get(i).reverse());
		}
		return reversed;
	}

	/**
	 * @param table the table to create
	 */
	public void createTable(Table table) {
		run(new Operation.CreateTable(table));
	}

	/**
	 * @param table the table to drop
	 */
	public void dropTable(String table) {
		run(new Operation.DropTable(table, this.tables.find(table).orElse(null)));
	}

	/**
	 * @param table the table to add the column to
	 * @param column the column
	 */
	public void addColumn(String table, Column column) {
		run(new Operation.AddColumn(table, column));
	}

	/**
	 * @param table the table
	 * @param column the column to drop
	 */
	public void dropColumn(String table, String column) {
		run(new Operation.DropColumn(table, column,
				this.tables.find(table).flatMap((t) -> t.column(column)).orElse(null)));
	}

	/**
	 * @param table the table
	 * @param existing the column as it is (or {@code null} when unknown: then the change is irreversible)
	 * @param desired the column as it should be
	 */
	public void alterColumn(String table, Column existing, Column desired) {
		run(new Operation.AlterColumn(table,
				(existing != null) ? existing
						: this.tables.find(table).flatMap((t) -> t.column(desired.name())).orElse(null),
				desired));
	}

	/**
	 * @param from the current name
	 * @param to the new name
	 */
	public void renameTable(String from, String to) {
		run(new Operation.RenameTable(from, to));
	}

	/**
	 * @param table the table
	 * @param from the current column name
	 * @param to the new column name
	 */
	public void renameColumn(String table, String from, String to) {
		run(new Operation.RenameColumn(table, from, to));
	}

	/**
	 * @param index the index to create
	 */
	public void createIndex(Index index) {
		run(new Operation.CreateIndex(index));
	}

	/**
	 * @param table the table
	 * @param name the index to drop
	 */
	public void dropIndex(String table, String name) {
		run(new Operation.DropIndex(table, name, this.tables.find(table)
			.flatMap((t) -> t.indexes().stream().filter((i) -> i.name().equals(name)).findFirst())
			.orElse(null)));
	}

	/**
	 * @param foreignKey the foreign key to add
	 */
	public void createForeignKey(ForeignKey foreignKey) {
		run(new Operation.CreateForeignKey(foreignKey));
	}

	/**
	 * @param constraint the unique constraint to add
	 */
	public void createUniqueConstraint(UniqueConstraint constraint) {
		run(new Operation.CreateUniqueConstraint(constraint));
	}

	/**
	 * @param constraint the check constraint to add
	 */
	public void createCheckConstraint(CheckConstraint constraint) {
		run(new Operation.CreateCheckConstraint(constraint));
	}

	/**
	 * @param constraint the constraint to drop, with its name
	 */
	public void dropConstraint(Constraint constraint) {
		run(new Operation.DropConstraint(constraint));
	}

	/**
	 * @param sql a statement to run as written
	 */
	public void execute(String sql) {
		run(new Operation.Execute(sql, null));
	}

	/**
	 * @param table the table
	 * @param columns the columns
	 * @param rows the rows, one value per column
	 */
	public void bulkInsert(String table, List<String> columns, List<List<Object>> rows) {
		run(new Operation.BulkInsert(table, columns, rows));
	}

	/**
	 * Finds a table's current definition, for operations that must restate it.
	 */
	@FunctionalInterface
	public interface TableLookup {

		/**
		 * @param table the table name
		 * @return its definition, or empty when there is no such table
		 * @throws SQLException if reading the database fails
		 */
		Optional<Table> find(String table) throws SQLException;

	}

}
