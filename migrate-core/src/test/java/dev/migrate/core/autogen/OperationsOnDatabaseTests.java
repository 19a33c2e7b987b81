package dev.migrate.core.autogen;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import dev.migrate.core.ops.CheckConstraint;
import dev.migrate.core.ops.Column;
import dev.migrate.core.ops.ForeignKey;
import dev.migrate.core.ops.Index;
import dev.migrate.core.ops.Operation;
import dev.migrate.core.ops.Operations;
import dev.migrate.core.ops.Table;
import dev.migrate.core.ops.UniqueConstraint;
import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operations facade used by hand, as a Java migration would, on every engine; then its recorded inverse.
 */
class OperationsOnDatabaseTests {

	@EachEngine(exclude = { Engine.MYSQL, Engine.SQLSERVER })
	void runsEveryOperationByHandAndUndoesThemInReverse(TestDatabase db) throws SQLException {
		String engine = AutogenerateRoundTripTests.engine(db);
		boolean h2 = engine.equals("h2");
		Autogenerate autogenerate = Autogenerate.forEngine(engine, Set.of());
		try (Connection connection = db.connect()) {
			SchemaModel empty = autogenerate.reflect(connection);
			Operations op = Operations.on(connection, engine, autogenerate.tableLookup(connection));
			op.createTable(Table.of(n("author", h2), Column.of(n("id", h2), "integer").notNull(),
					Column.of(n("name", h2), "varchar(100)").notNull())
				.withPrimaryKey(n("id", h2)));
			op.createTable(Table.of(n("book", h2), Column.of(n("id", h2), "integer").notNull(),
					Column.of(n("title", h2), "varchar(50)"), Column.of(n("author_id", h2), "integer"))
				.withPrimaryKey(n("id", h2)));
			op.bulkInsert(n("author", h2), List.of(n("id", h2), n("name", h2)),
					List.of(List.of(1, "Ursula"), List.of(2, "Terry")));
			op.bulkInsert(n("book", h2), List.of(n("id", h2), n("title", h2), n("author_id", h2)),
					List.of(List.of(10, "Earthsea", 1), List.of(11, "Mort", 2)));
			op.addColumn(n("book", h2), Column.of(n("pages", h2), "integer").withDefault("0").notNull());
			op.alterColumn(n("book", h2), null, Column.of(n("title", h2), "varchar(200)").notNull());
			op.renameColumn(n("book", h2), n("pages", h2), n("page_count", h2));
			op.createIndex(new Index(n("ix_book_title", h2), n("book", h2), List.of(n("title", h2)), false));
			op.createUniqueConstraint(new UniqueConstraint(n("uq_author_name", h2), n("author", h2), List.of(n("name", h2))));
			op.createCheckConstraint(new CheckConstraint(n("ck_book_pages", h2), n("book", h2), n("page_count", h2) + " >= 0"));
			op.createForeignKey(new ForeignKey(n("fk_book_author", h2), n("book", h2), List.of(n("author_id", h2)),
					n("author", h2), List.of(n("id", h2)), "CASCADE", null));
			op.renameTable(n("book", h2), n("books", h2));
			op.execute("UPDATE " + q(engine, n("books", h2)) + " SET " + q(engine, n("page_count", h2)) + " = 300");

			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("SELECT " + q(engine, n("title", h2)) + ", "
							+ q(engine, n("page_count", h2)) + " FROM " + q(engine, n("books", h2)) + " ORDER BY 1")) {
				List<String> rows = new ArrayList<>();
				while (rs.next()) {
					rows.add(rs.getString(1) + ":" + rs.getInt(2));
				}
				assertThat(rows).containsExactly("Earthsea:300", "Mort:300");
			}
			SchemaModel built = autogenerate.reflect(connection);
			Table books = built.table(n("books", h2)).orElseThrow();
			assertThat(books.column(n("title", h2)).orElseThrow().nullable()).isFalse();
			assertThat(books.indexes()).extracting(Index::name).contains(n("ix_book_title", h2));
			assertThat(books.foreignKeys()).singleElement()
				.satisfies((fk) -> assertThat(fk.onDelete()).isEqualTo("CASCADE"));
			assertThat(books.checkConstraints()).hasSize(1);

			List<Operation> undo = new ArrayList<>(op.applied());
			undo.removeIf((o) -> o instanceof Operation.BulkInsert || o instanceof Operation.Execute);
			Operations down = Operations.on(connection, engine, autogenerate.tableLookup(connection));
			for (int i = undo.size() - 1; i >= 0; i--) {
				down.run(undo.get(i).reverse());
			}
			assertThat(autogenerate.compare(autogenerate.reflect(connection), empty).upgrade()).isEmpty();
		}
	}

	private static String n(String name, boolean upper) {
		return upper ? name.toUpperCase(java.util.Locale.ROOT) : name;
	}

	private static String q(String engine, String name) {
		return engine.equals("mariadb") ? "`" + name + "`" : "\"" + name + "\"";
	}

}
