package dev.migrate.autoconfigure.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.migrate.core.MigrateConfig;
import dev.migrate.core.MigrateException;
import dev.migrate.core.Migrator;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.health.contributor.Health;
import org.springframework.core.io.ClassPathResource;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link MigrationsHealthIndicator} on a real (SQLite) database.
 */
class MigrationsHealthIndicatorTests {

	private final TestDatabase db = TestDatabases.create(Engine.SQLITE);

	@AfterEach
	void dropDatabase() {
		this.db.close();
	}

	@Test
	void isUpAtHeads() {
		Migrator migrator = migrator("classpath:db/app");
		migrator.upgrade("heads");
		Health health = new MigrationsHealthIndicator(migrator, Status.OUT_OF_SERVICE).health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("current", List.of("2b3c4d5e6f70"))
			.containsEntry("heads", List.of("2b3c4d5e6f70"))
			.containsEntry("pending", 0);
	}

	@Test
	void isOutOfServiceWhileRevisionsArePending() {
		Migrator migrator = migrator("classpath:db/app");
		migrator.upgrade("1a2b3c4d5e6f");
		Health health = new MigrationsHealthIndicator(migrator, Status.OUT_OF_SERVICE).health();
		assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(health.getDetails()).containsEntry("current", List.of("1a2b3c4d5e6f")).containsEntry("pending", 1);
	}

	@Test
	void reportsTheConfiguredStatusWhileRevisionsArePending() {
		Health health = new MigrationsHealthIndicator(migrator("classpath:db/app"), new Status("PENDING")).health();
		assertThat(health.getStatus().getCode()).isEqualTo("PENDING");
		assertThat(health.getDetails()).containsEntry("pending", 2);
	}

	@Test
	void isOutOfServiceWhileARepeatableScriptIsPending(@TempDir Path scripts) throws IOException {
		Files.copy(new ClassPathResource("db/app/1a2b3c4d5e6f_create_item.sql").getInputStream(),
				scripts.resolve("1a2b3c4d5e6f_create_item.sql"));
		Path view = scripts.resolve("R_item_names.sql");
		Files.writeString(view, "-- Repeatable: item_names\n\n-- migrate:upgrade\n"
				+ "DROP VIEW IF EXISTS item_names;\nCREATE VIEW item_names AS SELECT name FROM item;\n");
		Migrator migrator = migrator("filesystem:" + scripts);
		migrator.upgrade("heads");
		assertThat(new MigrationsHealthIndicator(migrator, Status.OUT_OF_SERVICE).health().getStatus())
			.isEqualTo(Status.UP);
		Files.writeString(view, "-- Repeatable: item_names\n\n-- migrate:upgrade\n"
				+ "DROP VIEW IF EXISTS item_names;\nCREATE VIEW item_names AS SELECT id, name FROM item;\n");
		Health health = new MigrationsHealthIndicator(migrator("filesystem:" + scripts), Status.OUT_OF_SERVICE)
			.health();
		assertThat(health.getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
		assertThat(health.getDetails()).containsEntry("pending", 0)
			.containsEntry("pendingRepeatables", List.of("item_names"));
	}

	@Test
	void isDownWhenTheLastRunFailed() {
		Migrator migrator = migrator("classpath:db/failing");
		assertThatExceptionOfType(MigrateException.class).isThrownBy(() -> migrator.upgrade("heads"));
		Health health = new MigrationsHealthIndicator(migrator, Status.OUT_OF_SERVICE).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("failedRevision", "3c4d5e6f7081")
			.containsEntry("current", List.of("1a2b3c4d5e6f"));
		assertThat((String) health.getDetails().get("error")).contains("no_such_table");
	}

	private Migrator migrator(String location) {
		return Migrator.create(MigrateConfig.builder().url(this.db.url()).locations(location).build());
	}

}
