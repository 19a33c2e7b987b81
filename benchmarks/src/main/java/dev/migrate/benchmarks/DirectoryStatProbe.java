package dev.migrate.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * What the script index's directory check pays per file, without migrate: one listing, then one
 * {@code Files.readAttributes} (a {@code stat}) per name, as {@code ScriptIndex} does, timed on a cold JVM (the
 * first pass, as a boot runs it) and again warm. {@code java -cp benchmarks/target/classes
 * dev.migrate.benchmarks.DirectoryStatProbe DIR [PASSES]}; never part of the build.
 */
public final class DirectoryStatProbe {

	private DirectoryStatProbe() {
	}

	/**
	 * @param args the directory, and how many passes (default 3)
	 * @throws IOException if a file cannot be read
	 */
	public static void main(String[] args) throws IOException {
		Path directory = Path.of(args[0]);
		int passes = (args.length > 1) ? Integer.parseInt(args[1]) : 3;
		java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
		for (int pass = 1; pass <= passes; pass++) {
			long cpu = threads.getCurrentThreadCpuTime();
			long start = System.nanoTime();
			String[] names = directory.toFile().list();
			long listed = System.nanoTime();
			long check = 0;
			for (String name : names) {
				BasicFileAttributes attributes = Files.readAttributes(directory.resolve(name), BasicFileAttributes.class);
				check += attributes.size() + attributes.lastModifiedTime().toInstant().getNano();
			}
			long done = System.nanoTime();
			cpu = threads.getCurrentThreadCpuTime() - cpu;
			System.out.printf(Locale.ROOT,
					"pass %d: listing %d names %.1f ms, one stat each %.1f ms (%.2f µs per file); CPU of both %.1f ms "
							+ "(%.2f µs per file)%s%n",
					pass, names.length, (listed - start) / 1e6, (done - listed) / 1e6,
					(done - listed) / 1e3 / Math.max(1, names.length), cpu / 1e6,
					cpu / 1e3 / Math.max(1, names.length), (check == 42) ? "" : "");
		}
	}

}
