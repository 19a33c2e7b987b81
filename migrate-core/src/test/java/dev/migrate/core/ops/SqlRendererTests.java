package dev.migrate.core.ops;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.migrate.core.MigrateException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each engine's SQL as text, without a database (SQL Server is only checked this way here).
 */
class SqlRendererTests {

	private static final Table USERS = Table
		.of("users", Column.of("id", "integer").autoIncrementing(), Column.of("name", "varchar(50)").notNull(),
				Column.of("active", "boolean").withDefault("TRUE"))
		.withPrimaryKey("id")
		.withConstraint(new UniqueConstraint("uq_users_name", "users", List.of("name")))
		.withIndex(new Index("ix_users_active", "users", List.of("active"), false));

	@Test
	void rendersCreateTableOnSqlServer() {
		assertThat(Operations.toSql("sqlserver", List.of(), List.of(new Operation.CreateTable(USERS))))
			.containsExactly("""
					CREATE TABLE [users] (
					    [id] integer IDENTITY(1,1) NOT NULL,
					    [name] varchar(50) NOT NULL,
					    [active] bit DEFAULT TRUE,
					    PRIMARY KEY ([id]),
					    CONSTRAINT [uq_users_name] UNIQUE ([name])
					)""", "CREATE INDEX [ix_users_active] ON [users] ([active])");
	}

	@Test
	void rendersColumnChangesOnSqlServerWithTheDefaultConstraintLookedUp() {
		Column before = Column.of("name", "varchar(50)");
		Column after = Column.of("name", "varchar(80)").notNull().withDefault("'x'");
		assertThat(Operations.toSql("sqlserver", List.of(), List.of(new Operation.AlterColumn("users", before, after),
				new Operation.RenameColumn("users", "name", "full_name"), new Operation.RenameTable("users", "people"))))
			.containsExactly("DECLARE @df sysname = (SELECT d.name FROM sys.default_constraints d JOIN sys.columns c"
					+ " ON c.object_id = d.parent_object_id AND c.column_id = d.parent_column_id"
					+ " WHERE d.parent_object_id = OBJECT_ID('users') AND c.name = 'name')"
					+ " IF @df IS NOT NULL EXEC('ALTER TABLE [users] DROP CONSTRAINT [' + @df + ']')",
					"ALTER TABLE [users] ALTER COLUMN [name] varchar(80) NOT NULL",
					"ALTER TABLE [users] ADD DEFAULT 'x' FOR [name]", "EXEC sp_rename 'users.name', 'full_name', 'COLUMN'",
					"EXEC sp_rename 'users', 'people'");
	}

	@Test
	void rendersPostgresColumnChangesOneClauseEach() {
		Column before = Column.of("amount", "varchar(20)").withDefault("'0'");
		Column after = Column.of("amount", "integer").notNull();
		assertThat(Operations.toSql("postgresql", List.of(), List.of(new Operation.AlterColumn("t", before, after))))
			.containsExactly("ALTER TABLE \"t\" ALTER COLUMN \"amount\" DROP DEFAULT",
					"ALTER TABLE \"t\" ALTER COLUMN \"amount\" TYPE integer USING \"amount\"::integer",
					"ALTER TABLE \"t\" ALTER COLUMN \"amount\" SET NOT NULL");
	}

	@Test
	void rendersMySqlConstraintDropsPerKind() {
		List<Operation> drops = List.of(
				new Operation.DropConstraint(new UniqueConstraint("uq", "t", List.of("a"))),
				new Operation.DropConstraint(new CheckConstraint("ck", "t", "a > 0")),
				new Operation.DropConstraint(new ForeignKey("fk", "t", List.of("p"), "p", List.of("id"), null, null)));
		assertThat(Operations.toSql("mysql", List.of(), drops)).containsExactly("ALTER TABLE `t` DROP INDEX `uq`",
				"ALTER TABLE `t` DROP CHECK `ck`", "ALTER TABLE `t` DROP FOREIGN KEY `fk`");
		assertThat(Operations.toSql("mariadb", List.of(), drops)).containsExactly("ALTER TABLE `t` DROP INDEX `uq`",
				"ALTER TABLE `t` DROP CONSTRAINT `ck`", "ALTER TABLE `t` DROP FOREIGN KEY `fk`",
				"ALTER TABLE `t` DROP INDEX IF EXISTS `fk`");
	}

	@Test
	void rebuildsSqliteTablesForChangesAlterTableCannotExpress() {
		Column after = Column.of("name", "varchar(80)").notNull();
		assertThat(Operations.toSql("sqlite", List.of(USERS),
				List.of(new Operation.AlterColumn("users", USERS.column("name").get(), after))))
			.containsExactly("""
					CREATE TABLE "_migrate_tmp_users" (
					    "id" INTEGER PRIMARY KEY AUTOINCREMENT,
					    "name" varchar(80) NOT NULL,
					    "active" boolean DEFAULT TRUE,
					    CONSTRAINT "uq_users_name" UNIQUE ("name")
					)""", "INSERT INTO \"_migrate_tmp_users\" (\"id\", \"name\", \"active\") SELECT \"id\", \"name\","
					+ " \"active\" FROM \"users\"", "DROP TABLE \"users\"",
					"ALTER TABLE \"_migrate_tmp_users\" RENAME TO \"users\"",
					"CREATE INDEX \"ix_users_active\" ON \"users\" (\"active\")");
	}

	@Test
	void refusesASqliteRebuildOfAnUnknownTable() {
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> Operations.toSql("sqlite", List.of(),
					List.of(new Operation.DropConstraint(new CheckConstraint(null, "orders", "qty > 0")))))
			.withMessage("SQLite cannot drop constraint (unnamed) on orders with ALTER TABLE, and the rebuild that"
					+ " replaces it needs the definition of table 'orders', which is unknown here; create the"
					+ " Operations with a table lookup, or run the change through autogenerate");
	}

	@Test
	void rendersBulkInsertLiteralsPerEngine() {
		Operation insert = new Operation.BulkInsert("t", List.of("id", "name", "ok"),
				List.of(List.of(1, "O'Brien", true), java.util.Arrays.asList(2, null, false)));
		assertThat(Operations.toSql("sqlite", List.of(), List.of(insert))).containsExactly(
				"INSERT INTO \"t\" (\"id\", \"name\", \"ok\") VALUES\n    (1, 'O''Brien', 1),\n    (2, NULL, 0)");
		assertThat(Operations.toSql("postgresql", List.of(), List.of(insert))).containsExactly(
				"INSERT INTO \"t\" (\"id\", \"name\", \"ok\") VALUES\n    (1, 'O''Brien', TRUE),\n    (2, NULL, FALSE)");
	}

	@Test
	void refusesAnUnknownEngine() {
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> Operations.toSql("oracle", List.of(), List.of()))
			.withMessage("Unknown engine 'oracle'; use one of [postgresql, mysql, mariadb, sqlite, sqlserver, h2]");
	}

	@Test
	void reversesEachOperationThatCarriesItsDefinition() {
		Column email = Column.of("email", "varchar(100)");
		assertThat(new Operation.AddColumn("users", email).reverse())
			.isEqualTo(new Operation.DropColumn("users", "email", email));
		assertThat(new Operation.DropColumn("users", "email", email).reverse())
			.isEqualTo(new Operation.AddColumn("users", email));
		assertThat(new Operation.CreateTable(USERS).reverse()).isEqualTo(new Operation.DropTable("users", USERS));
		assertThat(new Operation.RenameColumn("t", "a", "b").reverse()).isEqualTo(new Operation.RenameColumn("t", "b", "a"));
		assertThat(new Operation.Execute("insert into t values (1)", "delete from t").reverse())
			.isEqualTo(new Operation.Execute("delete from t", "insert into t values (1)"));
	}

	@Test
	void refusesToReverseADropWithoutTheDefinition() {
		assertThat(new Operation.DropTable("users", null).isReversible()).isFalse();
		assertThatExceptionOfType(IrreversibleOperationException.class)
			.isThrownBy(() -> new Operation.DropTable("users", null).reverse())
			.withMessage("Cannot derive the inverse of 'drop table users': pass the table's definition to dropTable");
		assertThatExceptionOfType(IrreversibleOperationException.class)
			.isThrownBy(() -> new Operation.BulkInsert("t", List.of("a"), List.of(List.of(1))).reverse())
			.withMessage("Cannot derive the inverse of 'bulk insert 1 rows into t': write the matching delete with execute");
	}

}
