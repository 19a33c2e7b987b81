package dev.migrate.core.runtime;

import java.sql.Connection;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import dev.migrate.core.ConnectionFactory;
import dev.migrate.core.LockTimeoutException;
import dev.migrate.core.MigrateConfig;
import dev.migrate.core.dialect.Dialect;
import dev.migrate.core.dialect.DialectResolver;
import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MigrationLockTests {

	@EachEngine
	void secondSessionTimesOutWhileTheFirstHoldsTheLockAndGetsItAfterRelease(TestDatabase db) throws Exception {
		ConnectionFactory connections = new ConnectionFactory(MigrateConfig.builder().dataSource(db.dataSource()).build());
		try (Connection first = db.connect(); Connection second = db.connect()) {
			Dialect dialect = DialectResolver.detect(first.getMetaData());
			MigrationLock holder = MigrationLock.create(dialect, "test.migrate_version",
					dialect.quote("migrate_version_lock"), connections);
			MigrationLock waiter = MigrationLock.create(dialect, "test.migrate_version",
					dialect.quote("migrate_version_lock"), connections);
			holder.acquire(first, Duration.ofSeconds(5));
			long start = System.nanoTime();
			assertThatExceptionOfType(LockTimeoutException.class)
				.isThrownBy(() -> waiter.acquire(second, Duration.ofMillis(300)))
				.withMessageStartingWith("Timed out after 0 s waiting for the migration lock 'migrate:test.migrate_version'")
				.withMessageContaining("raise lockTimeout")
				.satisfies((ex) -> {
					if (db.engine() == Engine.POSTGRESQL) {
						assertThat(ex.getHolder()).startsWith("PostgreSQL backend pid ");
					}
					if (db.engine() == Engine.SQLITE) {
						assertThat(ex.getHolder()).startsWith("process " + ProcessHandle.current().pid() + " on ")
							.contains("-migrate.lock");
					}
					if (db.engine() == Engine.MARIADB) {
						assertThat(ex.getHolder()).startsWith("connection ");
					}
				});
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
			holder.release(first);
			waiter.acquire(second, Duration.ofSeconds(5));
			waiter.release(second);
		}
	}

	@Test
	void keysAreStableAndNamesFitTheEngineLimit() {
		assertThat(MigrationLock.key("migrate:public.migrate_version"))
			.isEqualTo(MigrationLock.key("migrate:public.migrate_version"))
			.isNotEqualTo(MigrationLock.key("migrate:public.alembic_version"));
		String longName = "migrate:" + "x".repeat(100);
		assertThat(MigrationLock.shortName(longName, 64)).hasSize(64).startsWith("migrate:");
		assertThat(MigrationLock.shortName("migrate:a.b", 64)).isEqualTo("migrate:a.b");
	}

}
