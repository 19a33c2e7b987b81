package dev.migrate.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The training run behind {@code bin/migrate}'s archive runs every one of its commands to success: a command that
 * failed early (an option renamed, a script the parser now refuses) would leave its classes out of the archive.
 */
class ArchiveTrainingTests {

	@TempDir
	Path directory;

	@Test
	void everyCommandOfTheTrainingSucceeds() throws IOException, SQLException {
		assertThat(ArchiveTraining.train(this.directory)).isZero();

		assertThat(Files.readString(this.directory.resolve("migrate.properties"))).contains("migrate.url=jdbc:sqlite:");
		try (Connection connection = DriverManager
			.getConnection("jdbc:sqlite:" + this.directory.resolve("training.db"));
				Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery("SELECT count(*) FROM sqlite_master WHERE name LIKE 't_%'")) {
			rows.next();
			// Upgraded to the merge, then downgraded to base.
			assertThat(rows.getInt(1)).isZero();
		}
		try (var scripts = Files.list(this.directory.resolve("migrations"))) {
			// The four written, and the one 'revision' wrote.
			assertThat(scripts.filter((file) -> file.toString().endsWith(".sql")).count()).isEqualTo(5);
		}
	}

}
