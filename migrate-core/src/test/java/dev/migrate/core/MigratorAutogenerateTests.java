package dev.migrate.core;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;

import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code revision --autogenerate} through the facade, with the real upgrade and downgrade commands: schema A at
 * heads, model B, autogenerate, upgrade (the database matches B, so {@code check --model} passes), downgrade
 * (it matches A again).
 */
class MigratorAutogenerateTests {

	private static final String SCHEMA_A = """
			create table customer (id integer primary key, name varchar(50), legacy_code varchar(10));
			create table orders (id integer primary key, customer_id integer, total varchar(20));
			create index ix_customer_name on customer (name);
			""";

	private static final String SCHEMA_B = """
			create table customer (id integer primary key, name varchar(120) not null default 'anon',
			    email varchar(200), constraint uq_customer_email unique (email));
			create table orders (id integer primary key, customer_id integer, total integer,
			    constraint fk_orders_customer foreign key (customer_id) references customer (id),
			    constraint ck_orders_total check (total >= 0));
			create table audit (id integer primary key, happened varchar(30) not null);
			create index ix_orders_total on orders (total);
			""";

	@TempDir
	Path dir;

	@EachEngine(exclude = { Engine.MYSQL, Engine.SQLSERVER })
	void autogeneratesARevisionThatUpgradesToTheModelAndDowngradesBack(TestDatabase db)
			throws IOException, SQLException {
		Path scripts = Files.createDirectories(this.dir.resolve("migrations"));
		Files.writeString(scripts.resolve("a0001_schema_a.sql"), "-- schema A\n--\n-- Revision ID: a0001\n-- Revises:\n\n"
				+ "-- migrate:upgrade\n" + SCHEMA_A + "\n-- migrate:downgrade\ndrop table orders;\ndrop table customer;\n",
				StandardCharsets.UTF_8);
		Path modelA = Files.writeString(this.dir.resolve("a.sql"), SCHEMA_A);
		Path modelB = Files.writeString(this.dir.resolve("b.sql"), SCHEMA_B);
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.url(db.url())
			.user(db.user())
			.password(db.password())
			.locations("filesystem:" + scripts)
			.build());
		migrator.upgrade("heads");
		try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
			statement.execute("insert into customer (id, name) values (1, 'Ada')");
			statement.execute("insert into orders (id, customer_id, total) values (7, 1, '42')");
		}
		assertThat(migrator.compareModel(ModelSource.of(modelB)).hasChanges()).isTrue();

		AutogenerateResult result = migrator.autogenerate(
				new NewRevision("customer email and audit", scripts, null, false, null, null, "b0002"),
				ModelSource.of(modelB));

		assertThat(result.hasChanges()).isTrue();
		String script = Files.readString(result.file());
		assertThat(script).startsWith("-- customer email and audit\n--\n-- Revision ID: b0002\n-- Revises: a0001\n")
			.contains("-- migrate:upgrade", "-- migrate:downgrade", "-- REVIEW drops column ",
					"-- REVIEW makes ", "-- REVIEW changes ");
		migrator.upgrade("heads");
		assertThat(migrator.current()).containsExactly("b0002");
		assertThat(migrator.compareModel(ModelSource.of(modelB)).hasChanges()).isFalse();
		assertThat(total(db)).isEqualTo(42);
		assertThat(migrator.autogenerate(new NewRevision("nothing", scripts, null, false, null, null, "c0003"),
				ModelSource.of(modelB)))
			.satisfies((again) -> assertThat(again.hasChanges()).isFalse());
		assertThat(Files.list(scripts).map((p) -> p.getFileName().toString()).sorted().toList())
			.containsExactly("a0001_schema_a.sql", "b0002_customer_email_and_audit.sql");

		migrator.downgrade("-1");
		assertThat(migrator.current()).containsExactly("a0001");
		assertThat(migrator.compareModel(ModelSource.of(modelA)).upgrade()).isEmpty();
	}

	@EachEngine({ Engine.SQLITE })
	void refusesToAutogenerateWhenTheDatabaseIsBehind(TestDatabase db) throws IOException {
		Path scripts = Files.createDirectories(this.dir.resolve("migrations"));
		Files.writeString(scripts.resolve("a0001_schema_a.sql"),
				"-- schema A\n--\n-- Revision ID: a0001\n-- Revises:\n\n-- migrate:upgrade\n" + SCHEMA_A);
		Path modelB = Files.writeString(this.dir.resolve("b.sql"), SCHEMA_B);
		Migrator migrator = Migrator.create(
				MigrateConfig.builder().url(db.url()).locations("filesystem:" + scripts).build());
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> migrator.autogenerate(new NewRevision("too early", scripts, null, false, null, null,
					null), ModelSource.of(modelB)))
			.withMessage("The database is not up to date: 1 revision(s) pending (a0001); run 'migrate upgrade heads'"
					+ " first, so the new revision only holds new changes");
	}

	@EachEngine({ Engine.H2 })
	void namesAMissingModelFile(TestDatabase db) {
		Migrator migrator = Migrator.create(MigrateConfig.builder().url(db.url()).user(db.user()).build());
		assertThatExceptionOfType(ConfigurationException.class)
			.isThrownBy(() -> migrator.compareModel(ModelSource.of(this.dir.resolve("missing.sql"))))
			.withMessageContaining("The model file " + this.dir.resolve("missing.sql") + " does not exist");
	}

	@EachEngine({ Engine.SQLITE })
	void comparesWithAModelGivenAsText(TestDatabase db) throws IOException {
		Path scripts = Files.createDirectories(this.dir.resolve("migrations"));
		Files.writeString(scripts.resolve("a0001_schema_a.sql"),
				"-- schema A\n--\n-- Revision ID: a0001\n-- Revises:\n\n-- migrate:upgrade\n" + SCHEMA_A);
		Migrator migrator = Migrator.create(
				MigrateConfig.builder().url(db.url()).locations("filesystem:" + scripts).build());
		migrator.upgrade("heads");
		assertThat(migrator.compareModel(ModelSource.ofText("classpath:schema.sql", SCHEMA_A)).hasChanges())
			.isFalse();
		assertThat(migrator.compareModel(ModelSource.ofText("classpath:schema.sql", SCHEMA_B)).changes())
			.extracting(dev.migrate.core.autogen.Comparison.Change::description)
			.contains("create table audit");
		assertThatExceptionOfType(MigrateException.class)
			.isThrownBy(() -> migrator.compareModel(ModelSource.ofText("classpath:schema.sql", "create tabel x (id int);")))
			.withMessageStartingWith("The model classpath:schema.sql failed at line 1 ");
	}

	private static int total(TestDatabase db) throws SQLException {
		boolean h2 = db.engine() == Engine.H2;
		try (Connection connection = db.connect(); Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(h2 ? "select TOTAL from ORDERS" : "select total from orders")) {
			rs.next();
			return rs.getInt(1);
		}
	}


}
