package dev.migrate.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Replaces the text between {@code <!-- benchmarks:start -->} and {@code <!-- benchmarks:end -->} in the README,
 * leaving everything else (including other notes in the Performance section) alone. Without the markers, it adds
 * them at the end of a "Performance" section, or adds that section at the end.
 */
final class ReadmeSection {

	static final String START = "<!-- benchmarks:start -->";

	static final String END = "<!-- benchmarks:end -->";

	private ReadmeSection() {
	}

	static void replace(Path readme, String content) throws IOException {
		String text = Files.readString(readme, StandardCharsets.UTF_8);
		Files.writeString(readme, replace(text, content), StandardCharsets.UTF_8);
	}

	static String replace(String text, String content) {
		String block = START + "\n" + content.strip() + "\n" + END;
		int start = text.indexOf(START);
		int end = text.indexOf(END);
		if (start >= 0 && end > start) {
			return text.substring(0, start) + block + text.substring(end + END.length());
		}
		int section = text.indexOf("\n## Performance\n");
		if (section < 0) {
			return text.stripTrailing() + "\n\n## Performance\n\n" + block + "\n";
		}
		int next = text.indexOf("\n## ", section + 1);
		int insertAt = (next < 0) ? text.length() : next;
		return text.substring(0, insertAt).stripTrailing() + "\n\n" + block + "\n" + text.substring(insertAt);
	}

}
