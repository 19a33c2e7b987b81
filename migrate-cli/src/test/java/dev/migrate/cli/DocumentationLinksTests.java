package dev.migrate.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fails when a relative link between the project's Markdown files (the README, {@code docs/}, {@code CONTRIBUTING.md},
 * the samples' and the benchmarks' READMEs) points to a file that does not exist or to a heading that the target
 * file does not have. Anchors are computed as GitHub computes them.
 */
class DocumentationLinksTests {

	private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern LINK = Pattern.compile("!?\\[[^\\]]*]\\(([^)\\s]+)\\)");

	private static final Pattern HEADING = Pattern.compile("^#{1,6}\\s+(.+?)\\s*#*\\s*$");

	private static final Set<String> SKIPPED_DIRECTORIES = Set.of(".git", "target", "node_modules", ".mvn");

	private final Map<Path, Set<String>> anchors = new HashMap<>();

	@Test
	void everyRelativeLinkPointsToAnExistingFileAndHeading() throws IOException {
		List<Path> documents = documents();
		assertThat(documents).as("Markdown files under %s", ROOT)
			.contains(ROOT.resolve("README.md"), ROOT.resolve("CONTRIBUTING.md"), ROOT.resolve("docs/cli.md"));
		List<String> broken = new ArrayList<>();
		for (Path document : documents) {
			for (String link : links(document)) {
				String problem = problem(document, link);
				if (problem != null) {
					broken.add(ROOT.relativize(document) + ": (" + link + ") " + problem);
				}
			}
		}
		assertThat(broken).as("broken links").isEmpty();
	}

	@Test
	void anchorsFollowGitHubRules() {
		assertThat(slug("`/actuator/migrations`")).isEqualTo("actuatormigrations");
		assertThat(slug("Comparison with Flyway, Liquibase and Alembic"))
			.isEqualTo("comparison-with-flyway-liquibase-and-alembic");
		assertThat(slug("Quickstart: Spring Boot")).isEqualTo("quickstart-spring-boot");
	}

	private String problem(Path document, String link) {
		if (link.matches("^[a-z][a-z0-9+.-]*:.*")) {
			return null; // http:, https:, mailto: are not checked (no network here)
		}
		int hash = link.indexOf('#');
		String file = (hash < 0) ? link : link.substring(0, hash);
		String anchor = (hash < 0) ? null : link.substring(hash + 1);
		Path target = file.isEmpty() ? document : document.getParent().resolve(file).normalize();
		if (!Files.exists(target)) {
			return "points to a file that does not exist";
		}
		if (anchor != null && target.toString().endsWith(".md") && !anchorsOf(target).contains(anchor)) {
			return "points to a heading that " + ROOT.relativize(target) + " does not have";
		}
		return null;
	}

	private Set<String> anchorsOf(Path document) {
		return this.anchors.computeIfAbsent(document, (path) -> {
			Set<String> found = new HashSet<>();
			Map<String, Integer> seen = new HashMap<>();
			for (String line : proseLines(path)) {
				Matcher heading = HEADING.matcher(line);
				if (heading.matches()) {
					String slug = slug(heading.group(1));
					int count = seen.merge(slug, 1, Integer::sum);
					found.add((count == 1) ? slug : slug + "-" + (count - 1));
				}
			}
			return found;
		});
	}

	private static String slug(String heading) {
		String text = heading.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N} _-]", "");
		return text.replace(' ', '-');
	}

	private static List<String> links(Path document) {
		List<String> links = new ArrayList<>();
		for (String line : proseLines(document)) {
			Matcher matcher = LINK.matcher(line.replaceAll("`[^`]*`", "``"));
			while (matcher.find()) {
				links.add(matcher.group(1));
			}
		}
		return links;
	}

	// Lines outside fenced code blocks: a link or heading inside a code sample is text, not Markdown.
	private static List<String> proseLines(Path document) {
		try {
			List<String> prose = new ArrayList<>();
			boolean fenced = false;
			for (String line : Files.readAllLines(document, StandardCharsets.UTF_8)) {
				if (line.stripLeading().startsWith("```")) {
					fenced = !fenced;
				}
				else if (!fenced) {
					prose.add(line);
				}
			}
			return prose;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static List<Path> documents() throws IOException {
		try (Stream<Path> paths = Files.walk(ROOT)) {
			return paths.filter((path) -> path.toString().endsWith(".md"))
				.filter((path) -> {
					for (Path part : ROOT.relativize(path)) {
						if (SKIPPED_DIRECTORIES.contains(part.toString())) {
							return false;
						}
					}
					return true;
				})
				.sorted()
				.toList();
		}
	}

}
