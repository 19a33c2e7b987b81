package dev.migrate.core.verify;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;

import dev.migrate.core.MigrateConfig;
import dev.migrate.core.Migrator;
import dev.migrate.core.ModelSource;
import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The stairway on real databases: a set of revisions whose downgrades each forget one kind of object (a table, a
 * constraint, an index, a column, a view, a sequence) or drop too much is reported revision by revision with the
 * exact object and the SQL the downgrade lacks; the same set with correct downgrades passes; a non-empty database
 * is refused.
 */
class MigrationTestsTests {

	@TempDir
	Path dir;

	@EachEngine(exclude = { Engine.MYSQL, Engine.SQLSERVER })
	void reportsEachBrokenDowngradeWithTheObjectItLeavesOrDrops(TestDatabase db) throws IOException {
		Path scripts = writeRevisions(db.engine(), false);

		MigrationTestReport report = MigrationTests.of(config(db, scripts)).run();

		boolean sequences = db.engine() != Engine.SQLITE;
		assertThat(report.passed()).isFalse();
		assertThat(report.headsProblem()).isNull();
		assertThat(report.revisions()).extracting(RevisionCheck::outcome)
			.containsExactlyElementsOf(outcomes(sequences, Outcome.LEAVES_TRACE));
		assertThat(differences(report, "b0002")).containsExactly("EXTRA table audit");
		assertThat(differences(report, "h0008")).containsExactly("MISSING table audit");
		assertThat(differences(report, "c0003")).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.startsWith("EXTRA check constraint ")
			.containsIgnoringCase("ck_customer_name on customer (");
		assertThat(differences(report, "d0004")).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.startsWithIgnoringCase("EXTRA index ix_customer_name on customer (name)");
		assertThat(differences(report, "e0005")).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.startsWithIgnoringCase("EXTRA column customer.email (varchar(200) null");
		assertThat(differences(report, "f0006")).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
			.isEqualToIgnoringCase("EXTRA view v_customer");
		if (sequences) {
			assertThat(differences(report, "g0007")).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
				.isEqualToIgnoringCase("EXTRA sequence seq_invoice");
		}
		RevisionCheck irreversible = check(report, "i0009");
		assertThat(irreversible.detail()).contains("i0009", "is irreversible");
		assertThat(check(report, "b0002").differences().get(0).fixSql()).singleElement()
			.asString()
			.containsIgnoringCase("DROP TABLE");
		assertThat(check(report, "h0008").differences().get(0).fixSql()).singleElement()
			.asString()
			.containsIgnoringCase("CREATE TABLE");
		// H2 reports names in upper case
		assertThat(report.text().toLowerCase(java.util.Locale.ROOT)).contains("  b0002  leaves a trace  forgets a table\n",
				"  a0001  ok              customer\n", "  i0009  irreversible    notes\n",
				"b0002 (" + scripts.resolve("b0002_forgets_a_table.sql") + ") leaves a trace: after its downgrade the"
						+ " schema differs from before its upgrade:\n  left behind: table audit\n"
						+ "  its downgrade also needs:\n",
				"  dropped too much: table audit\n", "migration tests failed.\n");
	}

	@EachEngine(exclude = { Engine.MYSQL, Engine.SQLSERVER })
	void passesWhenEveryDowngradeRestoresTheSchema(TestDatabase db) throws IOException {
		Path scripts = writeRevisions(db.engine(), true);
		Path model = Files.writeString(this.dir.resolve("model.sql"), """
				create table customer (id integer primary key, name varchar(50), email varchar(200),
				    constraint ck_customer_name check (name <> ''));
				create table audit (id integer primary key);
				create table orders (id integer primary key);
				create table notes (id integer primary key);
				create table tags (id integer primary key);
				create index ix_customer_name on customer (name);
				create view v_customer as select id, name from customer;
				""" + ((db.engine() == Engine.H2) ? "create sequence seq_invoice;\n" : ""));

		MigrationTestReport report = MigrationTests.of(config(db, scripts))
			.model((db.engine() == Engine.SQLITE || db.engine() == Engine.H2) ? ModelSource.of(model) : null)
			.run();

		assertThat(report.revisions()).extracting(RevisionCheck::outcome)
			.containsExactlyElementsOf(outcomes(db.engine() != Engine.SQLITE, Outcome.OK));
		assertThat(report.failures()).isEmpty();
		assertThat(report.modelDifferences()).isEmpty();
		assertThat(report.passed()).isTrue();
		assertThat(report.text()).endsWith("All migration tests passed.\n");
		assertThat(Migrator.create(config(db, scripts)).current()).containsExactly("j0010");
	}

	@EachEngine(exclude = { Engine.MYSQL, Engine.SQLSERVER })
	void refusesADatabaseThatIsNotEmpty(TestDatabase db) throws IOException {
		Path scripts = writeRevisions(db.engine(), true);
		db.execute("create table precious (id integer primary key)");

		assertThatExceptionOfType(NonEmptyDatabaseException.class)
			.isThrownBy(() -> MigrationTests.of(config(db, scripts)).run())
			.withMessageContainingAll("The database is not empty (table ", "; the migration tests downgrade to base and would"
					+ " drop it: point them at an empty scratch database, or allow a non-empty one explicitly")
			.satisfies((ex) -> assertThat(ex.getObjects()).singleElement().asString().isEqualToIgnoringCase("table precious"));
		assertThat(Migrator.create(config(db, scripts)).current()).isEmpty();
	}

	@EachEngine(Engine.SQLITE)
	void reportsUnexpectedHeads(TestDatabase db) throws IOException {
		Path scripts = Files.createDirectories(this.dir.resolve("heads"));
		revision(scripts, "a0001", null, "one", "create table one (id integer);", "drop table one;");
		revision(scripts, "b0002", "a0001", "two", "create table two (id integer);", "drop table two;");
		revision(scripts, "c0003", "a0001", "three", "create table three (id integer);", "drop table three;");

		MigrationTestReport report = MigrationTests.of(config(db, scripts)).run();

		assertThat(report.headsProblem()).isEqualTo("The graph has 2 heads (b0002, c0003) where one was expected;"
				+ " merge them with 'migrate merge heads', or declare the heads you keep");
		assertThat(report.revisions()).extracting(RevisionCheck::outcome).containsOnly(Outcome.OK).hasSize(3);
		assertThat(MigrationTests.of(config(db, scripts)).expectHeads("c0003", "b0002").allowNonEmptyDatabase().run()
			.passed()).isTrue();
	}

	private static List<Outcome> outcomes(boolean sequences, Outcome broken) {
		List<Outcome> outcomes = new java.util.ArrayList<>(List.of(Outcome.OK, broken, broken, broken, broken, broken));
		if (sequences) {
			outcomes.add(broken);
		}
		outcomes.addAll(List.of(broken, (broken == Outcome.OK) ? Outcome.OK : Outcome.IRREVERSIBLE, Outcome.OK));
		return outcomes;
	}

	private static List<String> differences(MigrationTestReport report, String revision) {
		return check(report, revision).differences()
			.stream()
			.map((difference) -> difference.kind() + " " + difference.object().toLowerCase(java.util.Locale.ROOT))
			.toList();
	}

	private static RevisionCheck check(MigrationTestReport report, String revision) {
		return report.revisions().stream().filter((c) -> c.revision().equals(revision)).findFirst().orElseThrow();
	}

	private static MigrateConfig config(TestDatabase db, Path scripts) {
		return MigrateConfig.builder()
			.url(db.url())
			.user(db.user())
			.password(db.password())
			.locations("filesystem:" + scripts)
			.build();
	}

	/**
	 * Ten revisions; with {@code fixed} false, b0002 to h0008 have broken downgrades and i0009 has none.
	 */
	private Path writeRevisions(Engine engine, boolean fixed) throws IOException {
		Path scripts = Files.createDirectories(this.dir.resolve(fixed ? "fixed" : "broken"));
		revision(scripts, "a0001", null, "customer", "create table customer (id integer primary key, name varchar(50));",
				"drop table customer;");
		revision(scripts, "b0002", "a0001", "forgets a table", "create table audit (id integer primary key);",
				fixed ? "drop table audit;" : "");
		if (engine == Engine.SQLITE) {
			// SQLite adds a constraint by rebuilding the table
			revision(scripts, "c0003", "b0002", "forgets a constraint", """
					create table customer_new (id integer primary key, name varchar(50),
					    constraint ck_customer_name check (name <> ''));
					insert into customer_new select id, name from customer;
					drop table customer;
					alter table customer_new rename to customer;""", fixed ? """
					create table customer_old (id integer primary key, name varchar(50));
					insert into customer_old select id, name from customer;
					drop table customer;
					alter table customer_old rename to customer;""" : "");
		}
		else {
			revision(scripts, "c0003", "b0002", "forgets a constraint",
					"alter table customer add constraint ck_customer_name check (name <> '');",
					fixed ? dropCheck(engine) : "");
		}
		revision(scripts, "d0004", "c0003", "forgets an index", "create index ix_customer_name on customer (name);",
				fixed ? ((engine == Engine.MARIADB) ? "drop index ix_customer_name on customer;"
						: "drop index ix_customer_name;") : "");
		revision(scripts, "e0005", "d0004", "forgets a column", "alter table customer add column email varchar(200);",
				fixed ? "alter table customer drop column email;" : "");
		revision(scripts, "f0006", "e0005", "forgets a view", "create view v_customer as select id, name from customer;",
				fixed ? "drop view v_customer;" : "");
		String last = "f0006";
		if (engine != Engine.SQLITE) {
			revision(scripts, "g0007", "f0006", "forgets a sequence", "create sequence seq_invoice;",
					fixed ? "drop sequence seq_invoice;" : "");
			last = "g0007";
		}
		revision(scripts, "h0008", last, "drops too much", "create table orders (id integer primary key);",
				fixed ? "drop table orders;" : "drop table orders;\ndrop table audit;");
		revision(scripts, "i0009", "h0008", "notes", "create table notes (id integer primary key);",
				fixed ? "drop table notes;" : null);
		revision(scripts, "j0010", "i0009", "tags", "create table tags (id integer primary key);", "drop table tags;");
		return scripts;
	}

	private static String dropCheck(Engine engine) {
		return (engine == Engine.MARIADB) ? "alter table customer drop constraint ck_customer_name;"
				: "alter table customer drop constraint ck_customer_name;";
	}

	private static void revision(Path scripts, String id, String revises, String message, String upgrade,
			String downgrade) throws IOException {
		String text = "-- " + message + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + ((revises != null) ? revises : "")
				+ "\n-- Create Date: 2026-12-01 10:00:00\n\n-- migrate:upgrade\n" + upgrade + "\n"
				+ ((downgrade != null) ? "\n-- migrate:downgrade\n" + downgrade + "\n" : "");
		Files.writeString(scripts.resolve(id + "_" + message.replace(' ', '_') + ".sql"), text);
	}

}
