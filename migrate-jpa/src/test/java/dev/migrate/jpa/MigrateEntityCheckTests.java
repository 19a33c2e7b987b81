package dev.migrate.jpa;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.io.TempDir;

import dev.migrate.core.MigrateConfig;
import dev.migrate.core.Migrator;
import dev.migrate.core.NewRevision;
import dev.migrate.jpa.models.Models.CustomerV1;
import dev.migrate.jpa.models.Models.CustomerWithPhone;
import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The test assertion: silent on a database that matches the entities, and on one that does not, a failure that
 * lists each difference and the SQL that would fix it.
 */
class MigrateEntityCheckTests {

	@TempDir
	Path dir;

	@EachEngine({ Engine.H2 })
	void failsWithTheDifferencesAndTheSqlThatWouldFixThem(TestDatabase db) throws Exception {
		Path scripts = Files.createDirectories(this.dir.resolve("migrations"));
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.url(db.url())
			.user(db.user())
			.locations("filesystem:" + scripts)
			.build());
		migrator.autogenerate(new NewRevision("customer", scripts, null, false, null, null, "a0001"),
				JpaModel.ofClasses(CustomerV1.class).modelSource());
		migrator.upgrade("heads");

		assertThatCode(() -> MigrateEntityCheck.assertMatches(db.dataSource(), JpaModel.ofClasses(CustomerV1.class)))
			.doesNotThrowAnyException();
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> MigrateEntityCheck.assertMatches(db.dataSource(),
					JpaModel.ofClasses(CustomerWithPhone.class)))
			.withMessage("""
					The database differs from the entities (jpa:Models$CustomerWithPhone) in 1 way:
					  add column CUSTOMER.PHONE
					SQL that would make it match (write it as a revision with 'migrate revision --autogenerate'):
					  ALTER TABLE "CUSTOMER" ADD COLUMN "PHONE" varchar(30);
					""");
	}

}
