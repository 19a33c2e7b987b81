package dev.migrate.core;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.io.TempDir;

import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code ddlLockTimeout} and {@code ddlLockRetries} on PostgreSQL: a second connection holds a lock on the table
 * a revision alters; the revision waits at most the timeout per attempt, is rolled back and tried again, and
 * either fails naming the session that holds the lock or succeeds once that session lets go.
 */
class DdlLockTimeoutTests {

	@TempDir
	Path scripts;

	@EachEngine(Engine.POSTGRESQL)
	void failsAfterEveryAttemptNamingTheBlockerAndLeavesNothingHalfApplied(TestDatabase db) throws Exception {
		Migrator migrator = migrator(db);
		migrator.upgrade("a1");
		try (Connection blocker = db.connect()) {
			int pid = holdLock(blocker);
			long start = System.nanoTime();
			assertThatExceptionOfType(MigrationFailedException.class).isThrownBy(() -> migrator.upgrade("heads"))
				.withMessageStartingWith("Revision 'b2' (")
				.withMessageContaining("failed at statement 1 of 2 during upgrade")
				.withMessageContaining("nothing of 'b2' was applied")
				.withMessageContaining("Every attempt (3) waited longer than ddlLockTimeout (1000 ms) for a lock;"
						+ " the lock is held by pid " + pid + " (user ")
				.withMessageContaining("idle in transaction: SELECT count(*) FROM account")
				.withMessageContaining("run upgrade again once that session has finished");
			// Three waits of a second and pauses of 0.5 s and 1 s between them.
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(4500));
			blocker.rollback();
		}
		assertThat(migrator.current()).containsExactly("a1");
		assertThat(columns(db)).isEqualTo(2);
		assertThat(migrator.appliedHistory(1).get(0).success()).isFalse();
	}

	@EachEngine(Engine.POSTGRESQL)
	void succeedsWhenTheLockIsReleasedBetweenAttempts(TestDatabase db) throws Exception {
		Migrator migrator = migrator(db);
		migrator.upgrade("a1");
		try (Connection blocker = db.connect()) {
			holdLock(blocker);
			// Released during the first pause: the first attempt times out, the second one gets the lock.
			CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
				try {
					blocker.rollback();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			}, CompletableFuture.delayedExecutor(1200, TimeUnit.MILLISECONDS));
			MigrationResult result = migrator.upgrade("heads");
			release.get();
			assertThat(result.steps()).extracting(AppliedRevision::revision).containsExactly("b2");
		}
		assertThat(migrator.current()).containsExactly("b2");
		assertThat(columns(db)).isEqualTo(4);
	}

	private Migrator migrator(TestDatabase db) throws Exception {
		Files.writeString(this.scripts.resolve("a1.sql"), "-- account\n-- Revision ID: a1\n\n-- migrate:upgrade\n"
				+ "CREATE TABLE account (id int PRIMARY KEY, name text);\n");
		Files.writeString(this.scripts.resolve("b2.sql"), "-- columns\n-- Revision ID: b2\n-- Revises: a1\n\n"
				+ "-- migrate:upgrade\nALTER TABLE account ADD COLUMN email text;\n"
				+ "ALTER TABLE account ADD COLUMN phone text;\n");
		return Migrator.create(MigrateConfig.builder()
			.dataSource(db.dataSource())
			.locations("filesystem:" + this.scripts)
			.ddlLockTimeout(Duration.ofSeconds(1))
			.ddlLockRetries(2)
			.build());
	}

	/** An open transaction that read the table: its ACCESS SHARE lock blocks ALTER TABLE. */
	private static int holdLock(Connection blocker) throws Exception {
		blocker.setAutoCommit(false);
		try (Statement statement = blocker.createStatement()) {
			statement.executeQuery("SELECT count(*) FROM account").close();
			try (ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
				pid.next();
				int value = pid.getInt(1);
				// The last query is what pg_stat_activity shows; read the table again so it names it.
				statement.executeQuery("SELECT count(*) FROM account").close();
				return value;
			}
		}
	}

	private static int columns(TestDatabase db) throws Exception {
		try (Connection connection = db.connect(); Statement statement = connection.createStatement();
				ResultSet rows = statement.executeQuery(
						"SELECT count(*) FROM information_schema.columns WHERE table_name = 'account'")) {
			rows.next();
			return rows.getInt(1);
		}
	}

}
