package dev.migrate.core;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * A real dump as the first revision, the most common baseline there is: {@code pg_dump} output (schema only, and
 * with data) of a schema with a type, a sequence, a view, a function, a trigger, comments and a grant, applied by
 * migrate, then a revision on top, then a downgrade to base. The dump changes the session (it empties the search
 * path); migrate's bookkeeping still reaches its tables and the next revision starts from the run's search path.
 * The resulting schema equals what {@code psql -f} makes of the same file. The same with {@code mysqldump
 * --databases} output (which runs {@code USE}) on MariaDB, compared with what the {@code mariadb} client makes of it.
 */
class DumpRoundTripTests {

	@TempDir
	Path scripts;

	@ParameterizedTest
	@ValueSource(strings = { "--schema-only", "with data" })
	void aPgDumpBaselineAppliesLikePsqlAndLeavesTheSessionAsItWas(String mode) throws Exception {
		assumeTrue(TestDatabases.isAvailable(Engine.POSTGRESQL), "PostgreSQL is not available");
		assumeTrue(run(List.of("pg_dump", "--version"), null).exitCode == 0, "pg_dump is not installed");
		try (TestDatabase source = TestDatabases.create(Engine.POSTGRESQL);
				TestDatabase viaMigrate = TestDatabases.create(Engine.POSTGRESQL);
				TestDatabase viaPsql = TestDatabases.create(Engine.POSTGRESQL)) {
			source.execute(SHOP);
			List<String> dumpCommand = new ArrayList<>(List.of("pg_dump", "--no-owner", "--schema=shop"));
			if (mode.startsWith("--")) {
				dumpCommand.add(mode);
			}
			String dump = pg(dumpCommand, source).output;
			assertThat(dump).contains("set_config('search_path', '', false)", "CREATE VIEW shop.", "CREATE TRIGGER");
			Files.writeString(this.scripts.resolve("a1_baseline.sql"), "-- baseline from pg_dump\n-- Revision ID: a1\n"
					+ "-- Revises:\n\n-- migrate:upgrade\n" + dump + "\n-- migrate:downgrade\nDROP SCHEMA shop CASCADE;\n");
			Files.writeString(this.scripts.resolve("b2_note.sql"), "-- note\n-- Revision ID: b2\n-- Revises: a1\n\n"
					+ "-- migrate:upgrade\nCREATE TABLE note (id INT);\n\n-- migrate:downgrade\nDROP TABLE note;\n");
			Path dumpFile = Files.writeString(this.scripts.resolve("_dump.sql"), dump);
			Migrator migrator = Migrator.create(MigrateConfig.builder()
				.dataSource(viaMigrate.dataSource())
				.locations("filesystem:" + this.scripts)
				.build());

			assertThat(migrator.upgrade("heads").versionRowsAfter()).containsExactly("b2");
			assertThat(pg(List.of("psql", "-v", "ON_ERROR_STOP=1", "-q", "-f", dumpFile.toString()), viaPsql).exitCode)
				.isZero();
			assertThat(schemaOf(viaMigrate)).isEqualTo(schemaOf(viaPsql));
			// b2's unqualified table landed in the run's schema, not nowhere: the empty search path did not leak.
			assertThat(pg(List.of("psql", "-At", "-c", "SELECT to_regclass('public.note') IS NOT NULL"), viaMigrate)
				.output.strip()).isEqualTo("t");
			if (!mode.startsWith("--")) {
				assertThat(dump).contains("FROM stdin;");
				assertThat(pg(List.of("psql", "-At", "-c", "SELECT count(*) FROM shop.item"), viaMigrate).output.strip())
					.isEqualTo("2");
			}

			assertThat(migrator.downgrade("base").versionRowsAfter()).isEmpty();
			assertThat(pg(List.of("psql", "-At", "-c", "SELECT count(*) FROM pg_namespace WHERE nspname = 'shop'"),
					viaMigrate).output.strip()).isEqualTo("0");
		}
	}

	@org.junit.jupiter.api.Test
	void aMysqldumpBaselineAppliesLikeTheMariadbClientAndLeavesTheSessionAsItWas() throws Exception {
		assumeTrue(TestDatabases.isAvailable(Engine.MARIADB), "MariaDB is not available");
		assumeTrue(run(List.of("mysqldump", "--version"), null).exitCode == 0, "mysqldump is not installed");
		try (TestDatabase source = TestDatabases.create(Engine.MARIADB);
				TestDatabase meta = TestDatabases.create(Engine.MARIADB)) {
			String viaMigrate = source.name() + "_m";
			String viaClient = source.name() + "_c";
			try {
				for (String sql : SHOP_MARIADB.split(";;\n")) {
					source.execute(sql);
				}
				String dump = maria(List.of("mysqldump", "--databases", source.name(), "--routines", "--triggers"), null)
					.output;
				assertThat(dump).contains("USE `" + source.name() + "`;", "DELIMITER ;;", "TRIGGER item_touch");
				Files.writeString(this.scripts.resolve("a1_baseline.sql"), "-- baseline from mysqldump\n"
						+ "-- Revision ID: a1\n-- Revises:\n\n-- migrate:upgrade\n" + dump.replace(source.name(), viaMigrate)
						+ "\n-- migrate:downgrade\nDROP DATABASE `" + viaMigrate + "`;\n");
				Files.writeString(this.scripts.resolve("b2_note.sql"), "-- note\n-- Revision ID: b2\n-- Revises: a1\n\n"
						+ "-- migrate:upgrade\nCREATE TABLE note (id INT);\n\n-- migrate:downgrade\nDROP TABLE note;\n");
				Migrator migrator = Migrator.create(MigrateConfig.builder()
					.dataSource(meta.dataSource())
					.locations("filesystem:" + this.scripts)
					.build());

				assertThat(migrator.upgrade("heads").versionRowsAfter()).containsExactly("b2");
				assertThat(maria(List.of("mariadb"), dump.replace(source.name(), viaClient)).exitCode).isZero();
				assertThat(mariaSchema(viaMigrate).replace(viaMigrate, "db"))
					.isEqualTo(mariaSchema(viaClient).replace(viaClient, "db"));
				// b2's unqualified table landed in the run's database: the dump's USE did not leak.
				assertThat(maria(List.of("mariadb", "-N", "-e", "SELECT count(*) FROM information_schema.tables"
						+ " WHERE table_schema = '" + meta.name() + "' AND table_name = 'note'"), null).output.strip())
					.isEqualTo("1");
				assertThat(maria(List.of("mariadb", "-N", "-e", "SELECT count(*) FROM `" + viaMigrate + "`.item"), null)
					.output.strip()).isEqualTo("2");

				assertThat(migrator.downgrade("base").versionRowsAfter()).isEmpty();
				assertThat(maria(List.of("mariadb", "-N", "-e", "SHOW DATABASES LIKE '" + viaMigrate + "'"), null)
					.output.strip()).isEmpty();
			}
			finally {
				source.execute("DROP DATABASE IF EXISTS `" + viaMigrate + "`");
				source.execute("DROP DATABASE IF EXISTS `" + viaClient + "`");
			}
		}
	}

	private static final String SHOP_MARIADB = """
			CREATE TABLE item (id BIGINT AUTO_INCREMENT PRIMARY KEY, name VARCHAR(100) NOT NULL COMMENT 'What it is',
			    status ENUM('new', 'paid') NOT NULL DEFAULT 'new', updated TIMESTAMP NULL) COMMENT 'Things for sale';;
			CREATE VIEW paid_item AS SELECT id, name FROM item WHERE status = 'paid';;
			CREATE TRIGGER item_touch BEFORE UPDATE ON item FOR EACH ROW SET NEW.updated = NOW();;
			CREATE FUNCTION item_count() RETURNS INT READS SQL DATA RETURN (SELECT COUNT(*) FROM item);;
			INSERT INTO item (name, status) VALUES ('pen', 'new'), ('ink', 'paid')""";

	private static String mariaSchema(String database) throws Exception {
		return maria(List.of("mysqldump", "--no-data", "--skip-comments", "--routines", "--triggers", database), null)
			.output;
	}

	private static Result maria(List<String> command, String input) throws Exception {
		List<String> full = new ArrayList<>(command.subList(0, 1));
		full.addAll(List.of("-h", "127.0.0.1", "-P", "3306", "-u", "root"));
		full.addAll(command.subList(1, command.size()));
		ProcessBuilder builder = new ProcessBuilder(full).redirectErrorStream(true);
		Process process = builder.start();
		if (input != null) {
			process.getOutputStream().write(input.getBytes(StandardCharsets.UTF_8));
		}
		process.getOutputStream().close();
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		process.waitFor(120, TimeUnit.SECONDS);
		Result result = new Result(process.exitValue(), output);
		assertThat(result.exitCode).as(String.join(" ", command) + ": " + output).isZero();
		return result;
	}

	private static final String SHOP = """
			CREATE SCHEMA shop;
			CREATE TYPE shop.status AS ENUM ('new', 'paid');
			CREATE SEQUENCE shop.item_seq;
			CREATE TABLE shop.item (id BIGINT PRIMARY KEY DEFAULT nextval('shop.item_seq'), name TEXT NOT NULL,
			    status shop.status NOT NULL DEFAULT 'new', updated TIMESTAMP);
			COMMENT ON TABLE shop.item IS 'Things for sale';
			COMMENT ON COLUMN shop.item.name IS 'What it is called';
			CREATE VIEW shop.paid_item AS SELECT id, name FROM shop.item WHERE status = 'paid';
			CREATE FUNCTION shop.touch() RETURNS trigger LANGUAGE plpgsql AS $$
			BEGIN
			    NEW.updated := now();
			    RETURN NEW;
			END
			$$;
			CREATE TRIGGER item_touch BEFORE UPDATE ON shop.item FOR EACH ROW EXECUTE FUNCTION shop.touch();
			GRANT SELECT ON shop.paid_item TO PUBLIC;
			INSERT INTO shop.item (name, status) VALUES ('pen', 'new'), ('ink', 'paid');
			""";

	// The schema as pg_dump describes it, without the lines that name the dump's origin.
	private static List<String> schemaOf(TestDatabase db) throws Exception {
		return pg(List.of("pg_dump", "--no-owner", "--schema-only", "--schema=shop"), db).output.lines()
			.filter((line) -> !line.startsWith("--") && !line.startsWith("\\restrict") && !line.startsWith("\\unrestrict"))
			.toList();
	}

	private static Result pg(List<String> command, TestDatabase db) throws Exception {
		URI uri = URI.create(db.url().substring("jdbc:".length()));
		List<String> full = new ArrayList<>(command);
		full.addAll(List.of("-h", uri.getHost(), "-p", String.valueOf(uri.getPort()), "-U", db.user(), "-d",
				uri.getPath().substring(1)));
		Result result = run(full, db.password());
		assertThat(result.exitCode).as(String.join(" ", command) + ": " + result.output).isZero();
		return result;
	}

	private static Result run(List<String> command, String password) throws IOException, InterruptedException {
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		if (password != null) {
			builder.environment().put("PGPASSWORD", password);
		}
		Process process;
		try {
			process = builder.start();
		}
		catch (IOException ex) {
			return new Result(-1, ex.getMessage());
		}
		String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		if (!process.waitFor(120, TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
		return new Result(process.exitValue(), output);
	}

	private record Result(int exitCode, String output) {
	}

}
