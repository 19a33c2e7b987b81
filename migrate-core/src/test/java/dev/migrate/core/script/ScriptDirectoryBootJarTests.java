package dev.migrate.core.script;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

import javax.tools.ToolProvider;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.springframework.boot.loader.launch.JarLauncher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Loads scripts from inside a Spring Boot executable jar: a Boot-layout jar is built here (loader classes at the
 * root, the application in {@code BOOT-INF/classes}, migrate-core and SLF4J as stored jars in {@code BOOT-INF/lib})
 * and launched with {@code java -jar} in a child JVM, so classpath locations resolve to {@code jar:nested:} URLs.
 */
class ScriptDirectoryBootJarTests {

	@TempDir
	Path dir;

	@Test
	void loadsSqlAndJavaMigrationsFromASpringBootExecutableJar() throws Exception {
		Path classes = compile("""
				package probe;

				import java.util.List;
				import dev.migrate.core.script.*;

				public class Probe {
					public static void main(String[] args) {
						ClassLoader loader = Thread.currentThread().getContextClassLoader();
						System.out.println("url " + loader.getResource("db/migrations"));
						ScriptDirectory scripts = ScriptDirectory.load(List.of("classpath:db/migrations"), loader,
								List.of(), true);
						for (MigrationScript script : scripts.scripts()) {
							int statements = (script instanceof SqlMigrationScript sql) ? sql.upgrade(SqlSyntax.H2).size() : -1;
							System.out.println("script " + script.revision().id() + " " + script.location() + " "
									+ statements + " " + script.revision().revises());
						}
					}
				}
				""", """
				package db.migrations;

				import dev.migrate.core.script.*;

				@Migration(id = "c0ffee", revises = "3f2a", message = "Add index")
				public class V2AddIndex implements JavaMigration {
					public void upgrade(MigrationContext context) throws Exception {
						context.execute("CREATE INDEX ix ON a (id)");
					}
				}
				""");
		Path jar = this.dir.resolve("app.jar");
		Manifest manifest = new Manifest();
		manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
		manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, JarLauncher.class.getName());
		manifest.getMainAttributes().putValue("Start-Class", "probe.Probe");
		manifest.getMainAttributes().putValue("Spring-Boot-Classes", "BOOT-INF/classes/");
		manifest.getMainAttributes().putValue("Spring-Boot-Lib", "BOOT-INF/lib/");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
			copyLoader(out);
			for (String directory : List.of("BOOT-INF/", "BOOT-INF/classes/", "BOOT-INF/classes/db/",
					"BOOT-INF/classes/db/migrations/", "BOOT-INF/classes/probe/", "BOOT-INF/lib/")) {
				entry(out, directory, null);
			}
			entry(out, "BOOT-INF/classes/probe/Probe.class", Files.readAllBytes(classes.resolve("probe/Probe.class")));
			entry(out, "BOOT-INF/classes/db/migrations/V2AddIndex.class",
					Files.readAllBytes(classes.resolve("db/migrations/V2AddIndex.class")));
			entry(out, "BOOT-INF/classes/db/migrations/3f2a_add.sql",
					ScriptDirectoryTests.script("3f2a", "", "CREATE TABLE a (id INT);\nCREATE TABLE b (id INT);")
						.getBytes(StandardCharsets.UTF_8));
			stored(out, "BOOT-INF/lib/migrate-core.jar", jarOf(codeSource(ScriptDirectory.class)));
			stored(out, "BOOT-INF/lib/slf4j-api.jar", Files.readAllBytes(codeSource(LoggerFactory.class)));
		}
		Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-jar", jar.toString())
			.redirectErrorStream(true)
			.start();
		String output;
		try (InputStream in = process.getInputStream()) {
			output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(output).isZero();
		assertThat(output).contains("url jar:nested:" + jar + "/!BOOT-INF/classes/!/db/migrations");
		assertThat(output.lines().filter((line) -> line.startsWith("script "))).containsExactly(
				"script 3f2a db/migrations/3f2a_add.sql 2 []", "script c0ffee db.migrations.V2AddIndex -1 [3f2a]");
	}

	private Path compile(String... sources) throws IOException {
		Path src = this.dir.resolve("src");
		Path out = this.dir.resolve("classes");
		Files.createDirectories(out);
		List<String> arguments = new ArrayList<>(List.of("-proc:none", "-cp", codeSource(ScriptDirectory.class)
			.toString(), "-d", out.toString()));
		for (String source : sources) {
			String pkg = source.substring(source.indexOf("package ") + 8, source.indexOf(';'));
			int classStart = source.indexOf("public class ") + 13;
			String name = source.substring(classStart, source.indexOf(' ', classStart));
			Path file = src.resolve(pkg.replace('.', '/')).resolve(name + ".java");
			Files.createDirectories(file.getParent());
			Files.writeString(file, source);
			arguments.add(file.toString());
		}
		assertThat(ToolProvider.getSystemJavaCompiler().run(null, null, null, arguments.toArray(String[]::new)))
			.as("javac exit code")
			.isZero();
		return out;
	}

	private static void copyLoader(JarOutputStream out) throws IOException {
		try (JarFile loader = new JarFile(codeSource(JarLauncher.class).toFile())) {
			for (JarEntry entry : loader.stream().toList()) {
				if (entry.getName().startsWith("META-INF/")) {
					continue;
				}
				try (InputStream in = loader.getInputStream(entry)) {
					entry(out, entry.getName(), entry.isDirectory() ? null : in.readAllBytes());
				}
			}
		}
	}

	private byte[] jarOf(Path classesDirectory) throws IOException {
		Path jar = this.dir.resolve("migrate-core.jar");
		try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
				Stream<Path> paths = Files.walk(classesDirectory)) {
			for (Path path : paths.sorted().toList()) {
				String name = classesDirectory.relativize(path).toString().replace('\\', '/');
				if (name.isEmpty()) {
					continue;
				}
				entry(out, Files.isDirectory(path) ? name + "/" : name,
						Files.isDirectory(path) ? null : Files.readAllBytes(path));
			}
		}
		return Files.readAllBytes(jar);
	}

	private static Path codeSource(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
		}
		catch (Exception ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void entry(JarOutputStream out, String name, byte[] content) throws IOException {
		out.putNextEntry(new JarEntry(name));
		if (content != null) {
			out.write(content);
		}
		out.closeEntry();
	}

	// Spring Boot requires nested jars to be stored uncompressed.
	private static void stored(OutputStream stream, String name, byte[] content) throws IOException {
		JarOutputStream out = (JarOutputStream) stream;
		JarEntry entry = new JarEntry(name);
		CRC32 crc = new CRC32();
		crc.update(content);
		entry.setMethod(ZipEntry.STORED);
		entry.setSize(content.length);
		entry.setCompressedSize(content.length);
		entry.setCrc(crc.getValue());
		out.putNextEntry(entry);
		out.write(content);
		out.closeEntry();
	}

}
