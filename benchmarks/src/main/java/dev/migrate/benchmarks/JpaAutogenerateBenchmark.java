package dev.migrate.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import dev.migrate.core.autogen.Autogenerate;
import dev.migrate.core.autogen.Comparison;
import dev.migrate.core.autogen.SchemaModel;
import dev.migrate.jpa.JpaModel;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;

/**
 * Times autogenerate from 200 JPA entities on PostgreSQL, end to end and split: load the entities (package scan,
 * Hibernate's metadata and schema export for the dialect), load the model (apply the DDL to a scratch schema and
 * reflect it), reflect the database, diff and render. The database holds what version A of the entities maps to;
 * the model is version B, where every tenth entity has a new field and a longer column. The entity sources are
 * generated and compiled once before the clock (each entity: an identity id, a unique code, an indexed name, a
 * decimal, a boolean, a timestamp, a {@code @ManyToOne} to the previous entity). One warm-up run, then five
 * measured runs, each with a new model (Hibernate maps it again); the target is under 5 s per run.
 *
 * <pre>
 * ./mvnw -B -q -o -pl benchmarks -am compile dependency:build-classpath -Dmdep.outputFile=$PWD/benchmarks/target/classpath.txt
 * java -cp benchmarks/target/classes:$(cat benchmarks/target/classpath.txt) dev.migrate.benchmarks.JpaAutogenerateBenchmark
 * </pre>
 */
public final class JpaAutogenerateBenchmark {

	private static final int ENTITIES = 200;

	private static final int MEASURED_RUNS = 5;

	private JpaAutogenerateBenchmark() {
	}

	/**
	 * Runs the benchmark.
	 * @param args ignored
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		Path work = Files.createTempDirectory("migrate-jpa-benchmark");
		try (TestDatabase db = TestDatabases.create(Engine.POSTGRESQL);
				URLClassLoader classes = compile(work)) {
			String schemaA = JpaModel.ofPackages("bench.a").withClassLoader(classes).ddl("postgresql");
			try (Connection connection = db.connect(); Statement statement = connection.createStatement()) {
				statement.execute(schemaA);
			}
			Autogenerate autogenerate = Autogenerate.forEngine("postgresql",
					Set.of("migrate_version", "migrate_history"));
			System.out.printf(Locale.ROOT, "Java %s on %d cores; %d entities in the database and the model%n",
					System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(), ENTITIES);
			List<Long> times = new ArrayList<>();
			Comparison comparison = null;
			// on a shared machine the wall clock mostly measures the wait for a core; this thread's CPU time says
			// what the work itself costs on the client side (the database server's share is not in it)
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			for (int run = 0; run <= MEASURED_RUNS; run++) {
				long cpuStart = threads.getCurrentThreadCpuTime();
				long start = System.nanoTime();
				String ddl = JpaModel.ofPackages("bench.b").withClassLoader(classes).ddl("postgresql");
				long entities = System.nanoTime();
				long loaded;
				long reflected;
				try (Connection connection = db.connect()) {
					SchemaModel desired = autogenerate.loadModel(connection, ddl, "jpa:bench.b");
					loaded = System.nanoTime();
					SchemaModel current = autogenerate.reflect(connection);
					reflected = System.nanoTime();
					comparison = autogenerate.compare(current, desired);
					Autogenerate.renderScript(comparison, "benchmark", "b0000000001", List.of("a0"),
							LocalDateTime.now());
				}
				long end = System.nanoTime();
				long cpu = (threads.getCurrentThreadCpuTime() - cpuStart) / 1_000_000;
				long elapsed = (end - start) / 1_000_000;
				System.out.printf(Locale.ROOT,
						"%s %d: %d ms (load entities %d ms, load model %d ms, reflect %d ms, diff and render %d ms;"
								+ " client CPU %d ms)%n",
						(run == 0) ? "warm-up" : "run", run, elapsed, (entities - start) / 1_000_000,
						(loaded - entities) / 1_000_000, (reflected - loaded) / 1_000_000, (end - reflected) / 1_000_000,
						cpu);
				if (run > 0) {
					times.add(elapsed);
				}
			}
			Collections.sort(times);
			System.out.printf(Locale.ROOT,
					"JPA autogenerate, %d entities: median %d ms, best %d ms (target < 5000 ms); %d operations%n",
					ENTITIES, times.get(times.size() / 2), times.get(0), comparison.upgrade().size());
		}
		finally {
			try (var files = Files.walk(work)) {
				files.sorted(Collections.reverseOrder()).forEach((file) -> file.toFile().delete());
			}
		}
	}

	/**
	 * Writes and compiles both versions of the entities, and returns a loader that sees them.
	 */
	private static URLClassLoader compile(Path work) throws IOException {
		List<String> sources = new ArrayList<>();
		for (String version : List.of("a", "b")) {
			Path dir = Files.createDirectories(work.resolve("src/bench/" + version));
			for (int i = 0; i < ENTITIES; i++) {
				Path file = dir.resolve("E" + i + ".java");
				Files.writeString(file, entity(version, i), StandardCharsets.UTF_8);
				sources.add(file.toString());
			}
		}
		Path out = Files.createDirectories(work.resolve("classes"));
		JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
		List<String> arguments = new ArrayList<>(List.of("-proc:none", "-d", out.toString(), "-cp",
				System.getProperty("java.class.path")));
		arguments.addAll(sources);
		if (compiler.run(null, null, System.err, arguments.toArray(String[]::new)) != 0) {
			throw new IllegalStateException("The generated entities did not compile");
		}
		return new URLClassLoader(new URL[] { out.toUri().toURL() }, JpaAutogenerateBenchmark.class.getClassLoader());
	}

	private static String entity(String version, int i) {
		boolean changed = version.equals("b") && i % 10 == 0;
		StringBuilder source = new StringBuilder("package bench.").append(version).append(";\n")
			.append("import jakarta.persistence.*;\n")
			.append("@Entity @Table(name = \"e").append(i).append("\", indexes = @Index(name = \"ix_e").append(i)
			.append("_name\", columnList = \"name\"))\n")
			.append("public class E").append(i).append(" {\n")
			.append("  @Id @GeneratedValue(strategy = GenerationType.IDENTITY) Long id;\n")
			.append("  @Column(nullable = false, unique = true, length = ").append(changed ? 80 : 40).append(") String code;\n")
			.append("  @Column(length = 100) String name;\n")
			.append("  @Column(precision = 12, scale = 2) java.math.BigDecimal amount;\n")
			.append("  boolean active;\n")
			.append("  java.time.Instant created;\n");
		if (i > 0) {
			source.append("  @ManyToOne E").append(i - 1).append(" parent;\n");
		}
		if (changed) {
			source.append("  @Column(length = 20) String extra;\n");
		}
		return source.append("}\n").toString();
	}

}
