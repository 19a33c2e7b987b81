package dev.migrate.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The one-line assertion on a temporary SQLite file and on an H2 {@code DataSource}: it passes for revisions whose
 * downgrades undo them, and fails with the report for one that forgets an index.
 */
class MigrationAssertionsTests {

	@TempDir
	Path dir;

	@Test
	void passesWhenEveryDowngradeUndoesItsUpgrade() throws IOException {
		Path scripts = revisions(true);

		var report = MigrationAssertions.assertMigrations("jdbc:sqlite:" + this.dir.resolve("scratch.db"),
				"filesystem:" + scripts);

		assertThat(report.revisions()).hasSize(2);
	}

	@Test
	void failsWithTheReportWhenADowngradeLeavesATrace() throws IOException {
		Path scripts = revisions(false);
		JdbcDataSource dataSource = new JdbcDataSource();
		dataSource.setURL("jdbc:h2:mem:assertions;DB_CLOSE_DELAY=-1");

		assertThatExceptionOfType(AssertionFailedError.class)
			.isThrownBy(() -> MigrationAssertions.assertMigrations(dataSource, "filesystem:" + scripts))
			.withMessageStartingWith("The migration tests failed:\nStairway on h2: 2 revisions")
			.withMessageContaining("  b0002  leaves a trace  index\n")
			.withMessageContaining("left behind: index IX_CUSTOMER_NAME on CUSTOMER (NAME)")
			.withMessageContaining("DROP INDEX \"IX_CUSTOMER_NAME\"");
	}

	private Path revisions(boolean fixed) throws IOException {
		Path scripts = Files.createDirectories(this.dir.resolve("migrations"));
		Files.writeString(scripts.resolve("a0001_customer.sql"), "-- customer\n--\n-- Revision ID: a0001\n-- Revises:\n\n"
				+ "-- migrate:upgrade\ncreate table customer (id integer primary key, name varchar(50));\n\n"
				+ "-- migrate:downgrade\ndrop table customer;\n");
		Files.writeString(scripts.resolve("b0002_index.sql"), "-- index\n--\n-- Revision ID: b0002\n-- Revises: a0001\n\n"
				+ "-- migrate:upgrade\ncreate index ix_customer_name on customer (name);\n\n-- migrate:downgrade\n"
				+ (fixed ? "drop index ix_customer_name;\n" : ""));
		return scripts;
	}

}
