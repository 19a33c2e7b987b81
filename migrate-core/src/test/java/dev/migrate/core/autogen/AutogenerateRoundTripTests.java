package dev.migrate.core.autogen;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.io.TempDir;

import dev.migrate.core.AutogenerateResult;
import dev.migrate.core.MigrateConfig;
import dev.migrate.core.Migrator;
import dev.migrate.core.ModelSource;
import dev.migrate.core.NewRevision;
import dev.migrate.core.ops.Operation;
import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Round trips on real databases: start from schema A at head, declare schema B as a model, autogenerate a
 * revision, run the upgrade command (the database then reflects as B and {@code check --model} passes), run
 * the downgrade command (it reflects as A again).
 */
class AutogenerateRoundTripTests {

	private static final Set<String> EXCLUDED = Set.of("migrate_version", "migrate_history", "migrate_version_lock");

	@TempDir
	Path directory;

	static List<Pair> pairs() {
		List<Pair> pairs = new ArrayList<>();
		pairs.add(new Pair("creates a table", "create table t1 (id integer primary key)",
				"create table t1 (id integer primary key);"
						+ "create table t2 (id integer primary key, name varchar(50) not null)",
				Operation.CreateTable.class));
		pairs.add(new Pair("drops a table",
				"create table t1 (id integer primary key); create table t2 (id integer primary key, name varchar(50))",
				"create table t1 (id integer primary key)", Operation.DropTable.class));
		pairs.add(new Pair("adds a nullable column", "create table t (id integer primary key)",
				"create table t (id integer primary key, note varchar(100))", Operation.AddColumn.class));
		pairs.add(new Pair("adds a not null column with a default", "create table t (id integer primary key)",
				"create table t (id integer primary key, status varchar(10) default 'new' not null)",
				Operation.AddColumn.class));
		pairs.add(new Pair("drops a column", "create table t (id integer primary key, legacy varchar(20))",
				"create table t (id integer primary key)", Operation.DropColumn.class));
		pairs.add(new Pair("widens a column type", "create table t (id integer primary key, name varchar(50))",
				"create table t (id integer primary key, name varchar(200))", Operation.AlterColumn.class));
		pairs.add(new Pair("makes a column not null", "create table t (id integer primary key, name varchar(50))",
				"create table t (id integer primary key, name varchar(50) not null)", Operation.AlterColumn.class));
		pairs.add(new Pair("changes a default",
				"create table t (id integer primary key, kind varchar(10) default 'a')",
				"create table t (id integer primary key, kind varchar(10) default 'b')", Operation.AlterColumn.class));
		pairs.add(new Pair("renames a column on hint",
				"create table t (id integer primary key, old_name varchar(30))",
				"create table t (id integer primary key, new_name varchar(30))", Operation.RenameColumn.class)
			.renames(new RenameHints(Map.of(), Map.of("t.old_name", "new_name"))));
		pairs.add(new Pair("renames a table on hint", "create table old_t (id integer primary key)",
				"create table new_t (id integer primary key)", Operation.RenameTable.class)
			.renames(new RenameHints(Map.of("old_t", "new_t"), Map.of())));
		pairs.add(new Pair("creates an index", "create table t (id integer primary key, name varchar(50))",
				"create table t (id integer primary key, name varchar(50)); create index ix_t_name on t (name)",
				Operation.CreateIndex.class));
		pairs.add(new Pair("drops an index",
				"create table t (id integer primary key, a integer, b integer); create index ix_t_ab on t (a, b)",
				"create table t (id integer primary key, a integer, b integer)", Operation.DropIndex.class));
		pairs.add(new Pair("creates a unique constraint",
				"create table t (id integer primary key, code varchar(20))",
				"create table t (id integer primary key, code varchar(20), constraint uq_t_code unique (code))",
				Operation.CreateUniqueConstraint.class));
		pairs.add(new Pair("drops a unique constraint",
				"create table t (id integer primary key, code varchar(20), constraint uq_t_code unique (code))",
				"create table t (id integer primary key, code varchar(20))", Operation.DropConstraint.class));
		pairs.add(new Pair("creates a foreign key",
				"create table parent (id integer primary key); create table child (id integer primary key,"
						+ " parent_id integer)",
				"create table parent (id integer primary key); create table child (id integer primary key,"
						+ " parent_id integer, constraint fk_child_parent foreign key (parent_id)"
						+ " references parent (id) on delete cascade)",
				Operation.CreateForeignKey.class));
		pairs.add(new Pair("drops a foreign key",
				"create table parent (id integer primary key); create table child (id integer primary key,"
						+ " parent_id integer, constraint fk_child_parent foreign key (parent_id)"
						+ " references parent (id))",
				"create table parent (id integer primary key); create table child (id integer primary key,"
						+ " parent_id integer)",
				Operation.DropConstraint.class));
		pairs.add(new Pair("creates a check constraint", "create table t (id integer primary key, qty integer)",
				"create table t (id integer primary key, qty integer, constraint ck_t_qty check (qty >= 0))",
				Operation.CreateCheckConstraint.class));
		pairs.add(new Pair("drops a check constraint",
				"create table t (id integer primary key, qty integer, constraint ck_t_qty check (qty >= 0))",
				"create table t (id integer primary key, qty integer)", Operation.DropConstraint.class));
		pairs.add(new Pair("creates related tables referenced first", "create table other (id integer primary key)",
				"create table other (id integer primary key); create table orders (id integer primary key,"
						+ " placed varchar(30)); create table line (id integer primary key,"
						+ " order_id integer not null references orders (id), amount decimal(10,2))",
				Operation.CreateTable.class));
		pairs.add(new Pair("changes a column type keeping the rows",
				"create table t (id integer primary key, amount varchar(20), note varchar(10))",
				"create table t (id integer primary key, amount integer, note varchar(10));"
						+ " create index ix_t_note on t (note)",
				Operation.AlterColumn.class)
			.rows("insert into t (id, amount, note) values (1, '10', 'a')",
					"insert into t (id, amount, note) values (2, '250', 'b')"));
		pairs.add(new Pair("narrows a column type with a review note",
				"create table t (id integer primary key, name varchar(200))",
				"create table t (id integer primary key, name varchar(40))", Operation.AlterColumn.class)
			.warns("may truncate"));
		pairs.add(new Pair("changes several things at once",
				"create table a (id integer primary key, x integer); create table b (id integer primary key)",
				"create table b (id integer primary key, label varchar(10) not null default 'none');"
						+ " create table a (id integer primary key, y varchar(5) default 'y', b_id integer,"
						+ " constraint fk_a_b foreign key (b_id) references b (id)); create index ix_a_y on a (y)",
				Operation.AddColumn.class, Operation.DropColumn.class, Operation.CreateForeignKey.class,
				Operation.CreateIndex.class));
		return pairs;
	}

	@EachEngine(exclude = { Engine.MYSQL, Engine.SQLSERVER })
	void upgradeReachesTheModelAndDowngradeReturns(TestDatabase database) throws SQLException {
		for (Pair pair : pairs()) {
			if (database.engine() == Engine.POSTGRESQL) {
				// a fresh schema is much cheaper than a fresh database here
				database.execute("DROP SCHEMA public CASCADE");
				database.execute("CREATE SCHEMA public");
				roundTrip(database, pair);
				continue;
			}
			try (TestDatabase db = TestDatabases.create(database.engine())) {
				roundTrip(db, pair);
			}
		}
	}

	@EachEngine(exclude = { Engine.MYSQL, Engine.SQLSERVER })
	void roundTripsGeneratedKeysAndComments(TestDatabase database) throws SQLException {
		String engine = engine(database);
		String generated = switch (engine) {
			case "postgresql" -> "integer generated by default as identity primary key";
			case "mariadb" -> "integer auto_increment primary key";
			case "sqlite" -> "integer primary key autoincrement";
			default -> "integer generated by default as identity primary key";
		};
		String a = "create table item (id " + generated + ", name varchar(20))";
		String b = a + "; create table tag (id " + generated + ", label varchar(30) not null)";
		if (!engine.equals("sqlite")) {
			String comment = engine.equals("mariadb") ? "alter table item modify name varchar(20) comment 'shown to users'"
					: "comment on column item.name is 'shown to users'";
			b = b + "; " + comment;
		}
		Pair pair = new Pair("adds a table with a generated key and a column comment", a, b,
				Operation.CreateTable.class);
		roundTrip(database, pair);
		try (Connection connection = database.connect()) {
			Autogenerate autogenerate = Autogenerate.forEngine(engine, EXCLUDED);
			SchemaModel model = autogenerate.loadModel(connection, b, "model");
			String tag = engine.equals("h2") ? "TAG" : "tag";
			assertThat(model.table(tag).orElseThrow().columns().get(0).autoIncrement()).isTrue();
			if (!engine.equals("sqlite")) {
				String item = engine.equals("h2") ? "ITEM" : "item";
				assertThat(model.table(item).orElseThrow().columns().get(1).comment()).isEqualTo("shown to users");
			}
		}
	}

	/**
	 * Schema A as the first revision, upgraded to head; model B; autogenerate through the facade; the real
	 * upgrade (the database then matches B, so {@code check --model} passes); the real downgrade (it matches A).
	 */
	private void roundTrip(TestDatabase db, Pair pair) throws SQLException {
		String engine = engine(db);
		Autogenerate autogenerate = Autogenerate.forEngine(engine, EXCLUDED).withRenames(pair.renames);
		try {
			Path directory = Files.createTempDirectory(this.directory, "pair");
			Path scripts = Files.createDirectories(directory.resolve("migrations"));
			Files.writeString(scripts.resolve("a0001_schema_a.sql"), "-- schema A\n--\n-- Revision ID: a0001\n"
					+ "-- Revises:\n\n-- migrate:upgrade\n" + pair.a + ";\n", StandardCharsets.UTF_8);
			Path modelA = Files.writeString(directory.resolve("a.sql"), pair.a);
			Path modelB = Files.writeString(directory.resolve("b.sql"), pair.b);
			Migrator migrator = Migrator.create(MigrateConfig.builder()
				.url(db.url())
				.user(db.user())
				.password(db.password())
				.locations("filesystem:" + scripts)
				.build());
			migrator.upgrade("heads");
			try (Connection connection = db.connect()) {
				execute(connection, pair.rows);
			}
			List<String> hints = new ArrayList<>();
			pair.renames.tables().forEach((from, to) -> hints.add(from + "=" + to));
			pair.renames.columns().forEach((from, to) -> hints.add(from + "=" + to));
			ModelSource b = new ModelSource(modelB, null, null, null, hints);
			assertThat(migrator.compareModel(b).hasChanges()).as("check --model before: " + pair.name).isTrue();

			AutogenerateResult result = migrator
				.autogenerate(new NewRevision(pair.name, scripts, null, false, null, null, "b0002"), b);

			Comparison comparison = result.comparison();
			String context = pair.name + " on " + engine + ": " + comparison.upgradeSql() + " / "
					+ comparison.downgradeSql();
			assertThat(result.hasChanges()).as(context).isTrue();
			assertThat(comparison.upgrade()).as(context)
				.extracting((op) -> (Object) op.getClass())
				.contains(pair.expected.toArray());
			for (String warning : pair.warnings) {
				assertThat(comparison.warnings()).as(context).anyMatch((w) -> w.contains(warning));
			}
			migrator.upgrade("heads");
			assertThat(migrator.compareModel(b).hasChanges()).as("check --model after upgrade: " + context).isFalse();
			try (Connection connection = db.connect()) {
				if (!pair.rows.isEmpty()) {
					assertThat(count(connection)).as("rows kept: " + context).isEqualTo(pair.rows.size());
				}
				assertThat(autogenerate.compare(autogenerate.reflect(connection),
						autogenerate.loadModel(connection, pair.b, "b")).upgrade()).as("after upgrade: " + context)
					.isEmpty();
			}
			migrator.downgrade("-1");
			assertThat(migrator.current()).containsExactly("a0001");
			assertThat(migrator.compareModel(ModelSource.of(modelA)).upgrade()).as("after downgrade: " + context)
				.isEmpty();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static String engine(TestDatabase db) {
		return switch (db.engine()) {
			case POSTGRESQL -> "postgresql";
			case MARIADB -> "mariadb";
			case MYSQL -> "mysql";
			case SQLSERVER -> "sqlserver";
			case SQLITE -> "sqlite";
			case H2 -> "h2";
		};
	}

	private static int count(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select count(*) from t where amount > 5")) {
			rs.next();
			return rs.getInt(1);
		}
	}

	static void execute(Connection connection, List<String> statements) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			for (String sql : statements) {
				try {
					statement.execute(sql);
				}
				catch (SQLException ex) {
					throw new SQLException(ex.getMessage() + " in: " + sql, ex);
				}
			}
		}
	}

	static final class Pair {

		final String name;

		final String a;

		final String b;

		final List<Class<?>> expected;

		RenameHints renames = RenameHints.NONE;

		List<String> rows = List.of();

		List<String> warnings = List.of();

		Pair(String name, String a, String b, Class<?>... expected) {
			this.name = name;
			this.a = a;
			this.b = b;
			this.expected = List.of(expected);
		}

		Pair renames(RenameHints renames) {
			this.renames = renames;
			return this;
		}

		Pair rows(String... rows) {
			this.rows = List.of(rows);
			return this;
		}

		Pair warns(String... warnings) {
			this.warnings = List.of(warnings);
			return this;
		}

		@Override
		public String toString() {
			return this.name;
		}

	}

}
