package dev.migrate.core.autogen;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.migrate.core.dialect.Engine;
import dev.migrate.core.ops.Column;
import dev.migrate.core.ops.ForeignKey;
import dev.migrate.core.ops.Operation;
import dev.migrate.core.ops.Table;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The diff on in-memory models: ordering, normalization and what it refuses to guess.
 */
class SchemaDiffTests {

	private static final Table PARENT = Table.of("parent", Column.of("id", "integer").notNull()).withPrimaryKey("id");

	private static final Table CHILD = Table
		.of("child", Column.of("id", "integer").notNull(), Column.of("parent_id", "integer"))
		.withPrimaryKey("id")
		.withConstraint(new ForeignKey("fk_child_parent", "child", List.of("parent_id"), "parent", List.of("id"),
				null, null));

	@Test
	void createsReferencedTablesFirstAndDropsThemLast() {
		SchemaDiff diff = new SchemaDiff(Engine.POSTGRESQL, RenameHints.NONE);
		assertThat(diff.compare(model(), model(CHILD, PARENT))).containsExactly(new Operation.CreateTable(PARENT),
				new Operation.CreateTable(CHILD));
		assertThat(diff.compare(model(CHILD, PARENT), model())).containsExactly(
				new Operation.DropTable("child", CHILD), new Operation.DropTable("parent", PARENT));
	}

	@Test
	void createsNewSequencesFirstChangesIncrementsAndDropsOldOnesLast() {
		SchemaDiff diff = new SchemaDiff(Engine.POSTGRESQL, RenameHints.NONE);
		SchemaModel before = new SchemaModel("postgresql", List.of(PARENT),
				List.of(new SchemaModel.Sequence("old_seq", 1, 1), new SchemaModel.Sequence("parent_seq", 1, 50)));
		SchemaModel after = new SchemaModel("postgresql", List.of(PARENT, CHILD),
				List.of(new SchemaModel.Sequence("child_seq", 1, 50), new SchemaModel.Sequence("parent_seq", 1, 10)));
		assertThat(diff.compare(before, after)).containsExactly(
				new Operation.Execute("CREATE SEQUENCE \"child_seq\" START WITH 1 INCREMENT BY 50",
						"DROP SEQUENCE \"child_seq\""),
				new Operation.Execute("ALTER SEQUENCE \"parent_seq\" INCREMENT BY 10",
						"ALTER SEQUENCE \"parent_seq\" INCREMENT BY 50"),
				new Operation.CreateTable(CHILD),
				new Operation.Execute("DROP SEQUENCE \"old_seq\"", "CREATE SEQUENCE \"old_seq\" START WITH 1 INCREMENT BY 1"));
		assertThat(diff.compare(after, after)).isEmpty();
	}

	@Test
	void comparesCheckConstraintsWithoutTheCastsPostgresqlAddsOnEachRoundTrip() {
		String declared = "((status)::text = ANY ((ARRAY['A'::character varying, 'B'::character varying])::text[]))";
		String reapplied = "((status)::text = ANY (ARRAY[('A'::character varying)::text, ('B'::character varying)::text]))";
		assertThat(SchemaDiff.sameCheck(new dev.migrate.core.ops.CheckConstraint("ck", "t", declared),
				new dev.migrate.core.ops.CheckConstraint("ck", "t", reapplied))).isTrue();
		assertThat(SchemaDiff.sameCheck(new dev.migrate.core.ops.CheckConstraint("ck", "t", declared),
				new dev.migrate.core.ops.CheckConstraint("ck", "t", declared.replace("'B'", "'C'")))).isFalse();
	}

	@Test
	void comparesTypesAfterNormalizingEngineAliases() {
		Table before = Table.of("t", Column.of("a", "int4"), Column.of("b", "character varying(255)"),
				Column.of("c", "numeric(10, 2)"));
		Table after = Table.of("t", Column.of("a", "integer"), Column.of("b", "varchar(255)"),
				Column.of("c", "decimal(10,2)"));
		assertThat(new SchemaDiff(Engine.POSTGRESQL, RenameHints.NONE).compare(model(before), model(after))).isEmpty();
	}

	@Test
	void treatsAnUnhintedRenameAsADropAndAnAdd() {
		Table before = Table.of("t", Column.of("old_name", "integer"));
		Table after = Table.of("t", Column.of("new_name", "integer"));
		assertThat(new SchemaDiff(Engine.H2, RenameHints.NONE).compare(model(before), model(after))).containsExactly(
				new Operation.AddColumn("t", Column.of("new_name", "integer")),
				new Operation.DropColumn("t", "old_name", Column.of("old_name", "integer")));
		assertThat(new SchemaDiff(Engine.H2, new RenameHints(Map.of(), Map.of("t.old_name", "new_name")))
			.compare(model(before), model(after)))
			.containsExactly(new Operation.RenameColumn("t", "old_name", "new_name"));
	}

	@Test
	void namesConstraintsAddedWithoutANameSoTheDowngradeCanDropThem() {
		Table after = CHILD.withKeys(List.of(), List.of(), List.of(new ForeignKey("CONSTRAINT_8A", "child",
				List.of("parent_id"), "parent", List.of("id"), "CASCADE", null)), List.of());
		Table before = CHILD.withKeys(List.of(), List.of(), List.of(), List.of());
		assertThat(new SchemaDiff(Engine.H2, RenameHints.NONE).compare(model(PARENT, before), model(PARENT, after)))
			.containsExactly(new Operation.CreateForeignKey(new ForeignKey("FK_CHILD_PARENT_ID", "child",
					List.of("parent_id"), "parent", List.of("id"), "CASCADE", null)));
	}

	@Test
	void reportsAChangedPrimaryKeyAsNotGenerated() {
		Table after = Table.of("parent", Column.of("id", "integer").notNull(), Column.of("v", "integer").notNull())
			.withPrimaryKey("id", "v");
		Table before = Table.of("parent", Column.of("id", "integer").notNull(), Column.of("v", "integer").notNull())
			.withPrimaryKey("id");
		Comparison comparison = Autogenerate.forEngine("postgresql", java.util.Set.of())
			.compare(model(before), model(after));
		assertThat(comparison.upgrade()).isEmpty();
		assertThat(comparison.hasChanges()).isTrue();
		assertThat(comparison.notGenerated()).containsExactly("the primary key of parent differs (database [id],"
				+ " model [id, v]); autogenerate does not write primary key changes, add them to the revision by hand");
	}

	@Test
	void readsSqliteCheckConstraintsFromTheTableSql() {
		String sql = "CREATE TABLE t (id integer, qty integer CHECK (qty >= 0), code text,"
				+ " CONSTRAINT \"ck_code\" CHECK (length(code) IN (2, 3) AND code <> ')'))";
		assertThat(SchemaReader.sqliteChecks("t", sql)).extracting((c) -> c.name() + ":" + c.expression())
			.containsExactly("null:qty >= 0", "ck_code:length(code) IN (2, 3) AND code <> ')'");
	}

	private static SchemaModel model(Table... tables) {
		return new SchemaModel("postgresql", List.of(tables));
	}

}
