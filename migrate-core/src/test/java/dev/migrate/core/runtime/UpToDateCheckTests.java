package dev.migrate.core.runtime;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.io.TempDir;

import dev.migrate.core.MigrateConfig;
import dev.migrate.core.MigrationResult;
import dev.migrate.core.Migrator;
import dev.migrate.core.script.ScriptIndex;
import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The up-to-date check sends one statement and no metadata query beyond the default schema's (PostgreSQL's
 * {@code current_schema()}): the dialect comes from the URL. Its tables are the default schema's, as the usual
 * path's are.
 */
class UpToDateCheckTests {

	@TempDir
	Path scripts;

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB, Engine.SQLITE, Engine.H2 })
	void anUpToDateBootByUrlReadsNoScript(TestDatabase db) throws IOException {
		chain();
		assertThat(boot(db, db.url(), List.of()).upgrade("heads").steps()).hasSize(3);
		Migrator second = boot(db, db.url(), List.of());
		MigrationResult result = second.upgrade("heads");
		assertThat(result.steps()).isEmpty();
		assertThat(result.versionRowsAfter()).containsExactly("c002");
		assertThat(second.scriptLoads()).isZero();
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.MARIADB })
	void anUpToDateBootSendsOneStatementAfterTheDefaultSchema(TestDatabase db) throws Exception {
		chain();
		boot(db, db.url(), List.of()).upgrade("heads");
		// The relay counts a round trip whenever the client speaks after the server has answered, so one exchange
		// reads one more or less from run to run (a message the server answers before the client has written the
		// next it had ready; the closing message, seen or not before the socket closes): the fewest of three tries
		// of each, and one round trip of slack, which two metadata queries would still exceed.
		int connectAndQuery = Integer.MAX_VALUE;
		int upToDateBoot = Integer.MAX_VALUE;
		for (int i = 0; i < 3; i++) {
			try (RoundTripProxy proxy = RoundTripProxy.to(db.url())) {
				try (Connection connection = DriverManager.getConnection(proxy.url(db.url()), db.user(),
						db.password());
						Statement statement = connection.createStatement();
						ResultSet result = statement.executeQuery("SELECT 1")) {
					result.next();
				}
				connectAndQuery = Math.min(connectAndQuery, proxy.roundTrips());
			}
			try (RoundTripProxy proxy = RoundTripProxy.to(db.url())) {
				Migrator upToDate = boot(db, proxy.url(db.url()), List.of());
				assertThat(upToDate.upgrade("heads").steps()).isEmpty();
				assertThat(upToDate.scriptLoads()).isZero();
				upToDateBoot = Math.min(upToDateBoot, proxy.roundTrips());
			}
		}
		System.out.println(db.engine() + ": up-to-date boot " + upToDateBoot + " round trips, connect and SELECT 1 "
				+ connectAndQuery);
		// What a client that connects and sends one query costs, and on PostgreSQL current_schema(): the driver
		// asks the server for it (MariaDB's tracks the current database in the session state it receives).
		int defaultSchema = (db.engine() == Engine.POSTGRESQL) ? 1 : 0;
		assertThat(upToDateBoot - connectAndQuery).isBetween(defaultSchema, defaultSchema + 1);
	}

	@EachEngine(Engine.POSTGRESQL)
	void tablesFurtherAlongTheSearchPathAreNotTakenForTheDefaultSchemas(TestDatabase db) throws IOException {
		chain();
		boot(db, db.url(), List.of()).upgrade("heads");
		db.execute("CREATE SCHEMA other");
		// The default schema is now 'other', which has no tables yet: the usual path applies everything there,
		// although 'public' (after it on the path) holds migrate's tables and a recorded state.
		List<String> otherFirst = List.of("SET search_path TO other, public");
		assertThat(boot(db, db.url(), otherFirst).upgrade("heads").steps()).hasSize(3);
		Migrator upToDate = boot(db, db.url(), otherFirst);
		assertThat(upToDate.upgrade("heads").steps()).isEmpty();
		assertThat(upToDate.scriptLoads()).isZero();
		Migrator publicAgain = boot(db, db.url(), List.of());
		assertThat(publicAgain.upgrade("heads").steps()).isEmpty();
		assertThat(publicAgain.scriptLoads()).isZero();
	}

	private Migrator boot(TestDatabase db, String url, List<String> initSqls) {
		return Migrator.create(MigrateConfig.builder()
			.url(url)
			.user(db.user())
			.password(db.password())
			.initSqls(initSqls)
			.locations("filesystem:" + this.scripts)
			.build());
	}

	// Three revisions in a chain, and their index.
	private void chain() throws IOException {
		String previous = "";
		for (String id : List.of("a000", "b001", "c002")) {
			Files.writeString(this.scripts.resolve(id + "_create_" + id + ".sql"),
					"-- create " + id + "\n--\n-- Revision ID: " + id + "\n-- Revises: " + previous
							+ "\n-- Create Date: 2026-12-07 00:00:00\n\n-- migrate:upgrade\nCREATE TABLE t_" + id
							+ " (id INT);\n\n-- migrate:downgrade\nDROP TABLE t_" + id + ";\n");
			previous = id;
		}
		ScriptIndex.write(this.scripts);
	}

}
