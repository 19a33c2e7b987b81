package dev.migrate.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import dev.migrate.core.graph.Revision;
import dev.migrate.core.graph.RevisionGraph;
import dev.migrate.core.script.ScriptDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class WorkloadTests {

	@TempDir
	Path root;

	@Test
	void revisionIdsAreUniqueTwelveHexDigits() {
		Set<String> ids = new HashSet<>();
		IntStream.rangeClosed(1, 20_000).mapToObj(Workload::revisionId).forEach(ids::add);
		assertThat(ids).hasSize(20_000).allMatch((id) -> id.matches("[0-9a-f]{12}"));
	}

	@Test
	void migrateLoadsTheWorkloadAsOneLinearChain() {
		Workload workload = Workload.create(this.root, 25);
		ScriptDirectory scripts = ScriptDirectory.load(List.of("filesystem:" + workload.migrateDirectory()),
				getClass().getClassLoader(), List.of(), true);
		RevisionGraph graph = RevisionGraph.of(scripts.revisions());
		assertThat(graph.size()).isEqualTo(25);
		assertThat(graph.heads()).extracting(Revision::id).containsExactly(Workload.revisionId(25));
		assertThat(graph.bases()).extracting(Revision::id).containsExactly(Workload.revisionId(1));
	}

	@Test
	void everyToolGetsTheSameStatements() throws Exception {
		Workload workload = Workload.create(this.root, 3);
		assertThat(Files.readAllLines(workload.upgradeStatements())).containsExactly(Workload.createTable(1),
				Workload.createTable(2), Workload.createTable(3));
		assertThat(Files.readAllLines(workload.downgradeStatements())).containsExactly("DROP TABLE t_3",
				"DROP TABLE t_2", "DROP TABLE t_1");
		assertThat(Files.readString(workload.flywayDirectory().resolve("V2__create_t_2.sql")))
			.isEqualTo(Workload.createTable(2) + ";\n");
		assertThat(Files.readString(workload.liquibaseDirectory().resolve(Workload.LIQUIBASE_CHANGELOG)))
			.startsWith("--liquibase formatted sql\n")
			.contains("--changeset bench:3\n" + Workload.createTable(3) + ";\n--rollback DROP TABLE t_3;\n");
	}

	@Test
	void theRowsWorkloadCreatesOneTableAndInsertsARowPerOtherMigration() throws Exception {
		Workload workload = Workload.create(this.root, 3, true);
		assertThat(workload.tables()).isEqualTo(1);
		assertThat(Files.readAllLines(workload.upgradeStatements())).containsExactly(Workload.createTable(0),
				"INSERT INTO t_0 (id, name, amount) VALUES (2, 'row 2', 2)",
				"INSERT INTO t_0 (id, name, amount) VALUES (3, 'row 3', 3)");
		assertThat(Files.readAllLines(workload.downgradeStatements())).containsExactly("DELETE FROM t_0 WHERE id = 3",
				"DELETE FROM t_0 WHERE id = 2", "DROP TABLE t_0");
		assertThat(Files.readString(workload.flywayDirectory().resolve("V2__insert_t_2.sql")))
			.isEqualTo("INSERT INTO t_0 (id, name, amount) VALUES (2, 'row 2', 2);\n");
		ScriptDirectory scripts = ScriptDirectory.load(List.of("filesystem:" + workload.migrateDirectory()),
				getClass().getClassLoader(), List.of(), true);
		assertThat(RevisionGraph.of(scripts.revisions()).heads()).extracting(Revision::id)
			.containsExactly(Workload.revisionId(3));
		assertThat(workload.directory()).isNotEqualTo(Workload.create(this.root, 3).directory());
	}

}
