package dev.migrate.core.script;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.core.MigrateException;
import dev.migrate.core.graph.Revision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ScriptWriterTests {

	@TempDir
	Path dir;

	@Test
	void rendersTheTemplateWithEveryHeaderKey() {
		Revision revision = new Revision("3f2a9c1b7e40", List.of("1975ea83b712", "aa11"), Set.of("billing"),
				List.of("55af2cb1c267"), "Add account table", LocalDateTime.of(2026, 11, 24, 10, 0), "x.sql");
		assertThat(ScriptWriter.render(revision)).isEqualTo("""
				-- Add account table
				--
				-- Revision ID: 3f2a9c1b7e40
				-- Revises: 1975ea83b712, aa11
				-- Create Date: 2026-11-24 10:00:00
				-- Branch Labels: billing
				-- Depends On: 55af2cb1c267

				-- migrate:upgrade

				-- migrate:downgrade
				""");
	}

	@Test
	void writesAFileThatLoadsBackAsTheSameRevision() {
		Revision revision = new Revision("ab12", List.of(), Set.of(), List.of(), "Create users: the first table!",
				LocalDateTime.of(2026, 1, 2, 3, 4, 5), "x.sql");
		Path file = ScriptWriter.write(this.dir.resolve("new"), revision);
		assertThat(file.getFileName().toString()).isEqualTo("ab12_create_users_the_first_table.sql");
		SqlMigrationScript loaded = (SqlMigrationScript) ScriptDirectory
			.load(List.of("filesystem:" + this.dir.resolve("new")), getClass().getClassLoader(), List.of(), true)
			.get("ab12")
			.orElseThrow();
		assertThat(loaded.revision().message()).isEqualTo("Create users: the first table!");
		assertThat(loaded.revision().isBase()).isTrue();
		assertThat(loaded.revision().createDate()).isEqualTo(LocalDateTime.of(2026, 1, 2, 3, 4, 5));
		assertThat(loaded.upgrade(SqlSyntax.POSTGRESQL)).isEmpty();
		assertThat(loaded.reversible()).isTrue();
		assertThat(loaded.downgrade(SqlSyntax.POSTGRESQL)).isEmpty();
	}

	@Test
	void slugsKeepTheFirstFortyCharactersOfWholeWords() {
		assertThat(ScriptWriter.fileName("ab12", "Add a column to the accounts table for the billing address"))
			.isEqualTo("ab12_add_a_column_to_the_accounts_table_for.sql");
		assertThat(ScriptWriter.fileName("ab12", "?!")).isEqualTo("ab12.sql");
		assertThat(ScriptWriter.fileName("ab12", "Größe ändern")).isEqualTo("ab12_gr_e_ndern.sql");
	}

	@Test
	void refusesToOverwriteAFile() throws Exception {
		Revision revision = new Revision("ab12", List.of(), Set.of(), List.of(), "init", null, "x.sql");
		Files.writeString(this.dir.resolve("ab12_init.sql"), "keep me");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> ScriptWriter.write(this.dir, revision))
			.withMessage(this.dir.resolve("ab12_init.sql") + " already exists; choose another revision id or message");
		assertThat(this.dir.resolve("ab12_init.sql")).hasContent("keep me");
	}

	@Test
	void refusesAMessageThatWouldReadAsAHeaderKey() {
		Revision revision = new Revision("ab12", List.of(), Set.of(), List.of(), "Revises: everything", null, "x.sql");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> ScriptWriter.write(this.dir, revision))
			.withMessage("The message 'Revises: everything' cannot be the first header line (it reads as a header key"
					+ " or a section line); rephrase it");
	}

}
