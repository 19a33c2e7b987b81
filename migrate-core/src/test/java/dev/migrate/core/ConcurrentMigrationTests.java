package dev.migrate.core;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import dev.migrate.testsupport.EachEngine;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;

import static org.assertj.core.api.Assertions.assertThat;

class ConcurrentMigrationTests {

	private static final List<String> ALL = List.of("a000", "a001", "a002", "b010", "b011", "c020", "m030");

	@TempDir
	Path scripts;

	@EachEngine
	@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void eightThreadsMigratingAtOnceApplyEachRevisionOnce(TestDatabase db) throws Exception {
		new ScriptFiles(this.scripts).branchedAndMerged();
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.dataSource(db.dataSource())
			.locations(new ScriptFiles(this.scripts).location())
			.build());
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<MigrationResult>> results = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				results.add(executor.submit(() -> {
					start.await();
					return migrator.upgrade("heads");
				}));
			}
			start.countDown();
			int steps = 0;
			for (Future<MigrationResult> result : results) {
				MigrationResult done = result.get(50, TimeUnit.SECONDS);
				assertThat(done.versionRowsAfter()).containsExactly("m030");
				steps += done.steps().size();
			}
			assertThat(steps).isEqualTo(ALL.size());
		}
		finally {
			executor.shutdownNow();
		}
		assertAppliedOnce(migrator);
	}

	@EachEngine({ Engine.SQLITE })
	@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void eightThreadsOnASqliteDatabaseInWalModeApplyEachRevisionOnce(TestDatabase db) throws Exception {
		db.execute("PRAGMA journal_mode = WAL");
		eightThreadsMigratingAtOnceApplyEachRevisionOnce(db);
	}

	@EachEngine(exclude = Engine.H2)
	@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void threeProcessesMigratingAtOnceApplyEachRevisionOnce(TestDatabase db) throws Exception {
		new ScriptFiles(this.scripts).branchedAndMerged();
		List<Process> processes = new ArrayList<>();
		List<Path> logs = new ArrayList<>();
		for (int i = 0; i < 3; i++) {
			Path log = this.scripts.resolveSibling(this.scripts.getFileName() + "-child-" + i + ".log");
			logs.add(log);
			processes.add(child(db, db.url()).redirectErrorStream(true).redirectOutput(log.toFile()).start());
		}
		int ran = 0;
		try {
			for (int i = 0; i < 3; i++) {
				assertThat(processes.get(i).waitFor(60, TimeUnit.SECONDS)).isTrue();
				String out = Files.readString(logs.get(i));
				assertThat(processes.get(i).exitValue()).as(out).isZero();
				assertThat(out).contains("ROWS [m030]");
				ran += Integer.parseInt(out.lines()
					.filter((line) -> line.startsWith("RAN "))
					.findFirst()
					.orElseThrow()
					.substring(4));
			}
		}
		finally {
			processes.forEach(Process::destroyForcibly);
			for (Path log : logs) {
				Files.deleteIfExists(log);
			}
		}
		assertThat(ran).isEqualTo(ALL.size());
		assertAppliedOnce(Migrator.create(MigrateConfig.builder()
			.dataSource(db.dataSource())
			.locations(new ScriptFiles(this.scripts).location())
			.build()));
	}

	@EachEngine({ Engine.POSTGRESQL, Engine.SQLITE })
	@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void killedRunnerLeavesNothingOfItsRevisionAndNoLock(TestDatabase db) throws Exception {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		// The victim process sleeps inside b001's transaction; the next runner's connection does not.
		String sleep = (db.engine() == Engine.POSTGRESQL)
				? "SELECT pg_sleep(CASE WHEN current_setting('application_name') = 'victim' THEN 30 ELSE 0 END);\n"
				: "WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < "
						+ "(SELECT n FROM t_b001_size)) SELECT COUNT(*) FROM r;\n";
		files.write("b001", "a000", null, null, null,
				"CREATE TABLE t_b001 (id INT);\nINSERT INTO t_b001 (id) VALUES (1);\n" + sleep, "DROP TABLE t_b001;\n");
		if (db.engine() == Engine.SQLITE) {
			db.execute("CREATE TABLE t_b001_size (n BIGINT)");
			db.execute("INSERT INTO t_b001_size (n) VALUES (3000000000)");
		}
		String victimUrl = (db.engine() == Engine.POSTGRESQL) ? db.url() + "?ApplicationName=victim" : db.url();
		killWhileRunningB001(db, victimUrl, 500);
		if (db.engine() == Engine.SQLITE) {
			db.execute("UPDATE t_b001_size SET n = 1");
		}
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.dataSource(db.dataSource())
			.locations(files.location())
			.lockTimeout(java.time.Duration.ofSeconds(10))
			.build());
		assertThat(migrator.current()).containsExactly("a000");
		assertThat(MigratorIntegrationTests.tablesPresent(db, "b001")).isEmpty();
		long start = System.nanoTime();
		MigrationResult result = migrator.upgrade("heads");
		assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(5);
		assertThat(result.steps()).extracting(AppliedRevision::revision).containsExactly("b001");
		assertThat(migrator.current()).containsExactly("b001");
		try (var connection = db.connect(); var statement = connection.createStatement();
				var rows = statement.executeQuery("SELECT COUNT(*) FROM t_b001")) {
			rows.next();
			assertThat(rows.getInt(1)).isEqualTo(1);
		}
	}

	@EachEngine({ Engine.MARIADB })
	@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
	void killedRunnerOnMariaDbIsResumedWithoutRunningCommittedStatementsTwice(TestDatabase db) throws Exception {
		ScriptFiles files = new ScriptFiles(this.scripts);
		files.table("a000", null, null, null);
		files.write("b001", "a000", null, null, null, "CREATE TABLE t_b001 (id INT);\nINSERT INTO t_b001 (id) VALUES (1);\n"
				+ "SELECT SLEEP(IF(@@session.wait_timeout = 12345, 30, 0));\nINSERT INTO t_b001 (id) VALUES (2);\n",
				"DROP TABLE t_b001;\n");
		String victimUrl = db.url() + (db.url().contains("?") ? "&" : "?") + "sessionVariables=wait_timeout=12345";
		killWhileRunningB001(db, victimUrl, 1000);
		Migrator migrator = Migrator.create(MigrateConfig.builder()
			.dataSource(db.dataSource())
			.locations(files.location())
			.lockTimeout(java.time.Duration.ofSeconds(20))
			.build());
		assertThat(migrator.current()).containsExactly("a000");
		assertThat(migrator.appliedHistory(1).get(0).success()).isFalse();
		MigrationResult result = migrator.upgrade("heads");
		assertThat(result.steps()).extracting(AppliedRevision::revision).containsExactly("b001");
		assertThat(migrator.current()).containsExactly("b001");
		try (var connection = db.connect(); var statement = connection.createStatement();
				var rows = statement.executeQuery("SELECT COUNT(*), SUM(id) FROM t_b001")) {
			rows.next();
			assertThat(rows.getInt(1)).isEqualTo(2);
			assertThat(rows.getInt(2)).isEqualTo(3);
		}
	}

	private static void assertAppliedOnce(Migrator migrator) {
		List<HistoryEntry> history = migrator.appliedHistory(0);
		assertThat(history).allSatisfy((entry) -> assertThat(entry.success()).isTrue());
		Map<String, Long> upgrades = history.stream()
			.filter((entry) -> entry.direction().verb().equals("upgrade"))
			.collect(Collectors.groupingBy(HistoryEntry::revision, Collectors.counting()));
		assertThat(upgrades).containsOnlyKeys(ALL).allSatisfy((revision, count) -> assertThat(count).isEqualTo(1));
		assertThat(migrator.current()).containsExactly("m030");
	}

	/**
	 * Starts a child JVM that migrates through {@code victimUrl}, waits until it reports running b001, lets it
	 * run for {@code graceMillis} more, then kills it with SIGKILL ({@code destroyForcibly}).
	 */
	private void killWhileRunningB001(TestDatabase db, String victimUrl, long graceMillis) throws Exception {
		Process victim = child(db, victimUrl).redirectError(ProcessBuilder.Redirect.DISCARD).start();
		try {
			BufferedReader out = new BufferedReader(
					new InputStreamReader(victim.getInputStream(), StandardCharsets.UTF_8));
			String line;
			while ((line = out.readLine()) != null && !line.equals("STEP b001")) {
				// wait until the victim runs b001
			}
			assertThat(line).isEqualTo("STEP b001");
			Thread.sleep(graceMillis);
		}
		finally {
			victim.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
		}
	}

	private ProcessBuilder child(TestDatabase db, String url) {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
				"-Xshare:auto", "-XX:TieredStopAtLevel=1", MigrateChild.class.getName());
		Map<String, String> environment = builder.environment();
		environment.put("MIGRATE_URL", url);
		environment.put("MIGRATE_USER", db.user());
		environment.put("MIGRATE_PASSWORD", db.password());
		environment.put("MIGRATE_LOCATION", new ScriptFiles(this.scripts).location());
		return builder;
	}


}
