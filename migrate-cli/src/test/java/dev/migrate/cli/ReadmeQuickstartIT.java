package dev.migrate.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Runs the README's command-line quickstart as written, so the README cannot drift from the CLI.
 * <p>
 * The quickstart sits between {@code <!-- readme-check: cli-quickstart dir=DIR -->} and
 * {@code <!-- readme-check: end -->}. Each plain fenced block is a session: every {@code $ migrate ...} line
 * runs through {@code target/migrate.jar} in a temporary directory and must exit with 0, print nothing on
 * standard error and print the lines that follow it in the README, up to revision ids (numbered in order of
 * appearance, so one id must stay one id), dates, timings and the directory {@code DIR}. A {@code sql} block is
 * the file the last {@code revision} wrote, with its sections filled in: the header must match what was
 * generated and the sections replace the generated ones. {@code export}, {@code mkdir} and {@code cd} lines are
 * setup that the temporary directory already provides; any other command fails the check. At the end,
 * {@code downgrade base} must succeed, which shows that the filled-in upgrade sections really ran.
 */
class ReadmeQuickstartIT {

	private static final Path README = Path.of("../README.md");

	private static final Pattern START = Pattern.compile("<!-- readme-check: cli-quickstart dir=(\\S+) -->");

	private static final String END = "<!-- readme-check: end -->";

	private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```$");

	private static final Pattern REVISION_ID = Pattern.compile("(?<![0-9A-Za-z])[0-9a-f]{12}(?![0-9A-Za-z])");

	private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2}");

	private static final Pattern MILLIS = Pattern.compile("\\b\\d+ ms\\b");

	private static final Pattern GENERATED_SCRIPT = Pattern.compile("^Generating (\\S+\\.sql) \\.\\.\\.  done$",
			Pattern.MULTILINE);

	private static final String UPGRADE_SECTION = "-- migrate:upgrade";

	@TempDir
	Path directory;

	@Test
	void quickstartRunsAsWrittenAndPrintsWhatTheReadmeShows() throws IOException {
		Quickstart quickstart = Quickstart.read(Files.readString(README, StandardCharsets.UTF_8));
		Normalizer documented = new Normalizer(quickstart.directory());
		Normalizer actual = new Normalizer(this.directory.toRealPath().toString());
		JarRunner cli = new JarRunner(this.directory);
		List<String> ran = new ArrayList<>();
		Path lastScript = null;
		for (Block block : quickstart.blocks()) {
			if (block.language().equals("sql")) {
				assertThat(lastScript).as("a sql block must follow a 'migrate revision' command").isNotNull();
				fillIn(lastScript, block.text(), documented, actual);
				continue;
			}
			for (Command command : Command.parse(block.text())) {
				if (command.isSetup()) {
					assertThat(command.output()).as("output of setup line '%s'", command.line()).isEmpty();
					continue;
				}
				JarRunner.Result result = cli.run(command.arguments().toArray(String[]::new));
				assertThat(result.exitCode()).as("exit code of '%s'\n%s", command.line(), result).isZero();
				assertThat(result.err()).as("stderr of '%s'", command.line()).isEmpty();
				assertThat(actual.normalize(result.outLines())).as("output of '%s'", command.line())
					.containsExactlyElementsOf(documented.normalize(command.output()));
				Matcher script = GENERATED_SCRIPT.matcher(result.out());
				if (script.find()) {
					lastScript = Path.of(script.group(1));
				}
				ran.add(command.arguments().get(0));
			}
		}
		assertThat(ran).as("commands the quickstart runs").containsSubsequence("init", "revision", "upgrade", "history");
		JarRunner.Result downgrade = cli.run("downgrade", "base");
		assertThat(downgrade.exitCode()).as("the filled-in sections ran: their downgrade finds what the upgrade made\n%s",
				downgrade).isZero();
		assertThat(downgrade.outLines()).last().asString().endsWith("now at <base>");
	}

	@Test
	void comparisonIgnoresIdsDatesAndTimingsButNotText() {
		Normalizer readme = new Normalizer("/tmp/shop");
		Normalizer run = new Normalizer("/tmp/junit-1");
		List<String> documented = readme.normalize(List.of("Generating /tmp/shop/migrations/4537dc3fbad7_a.sql ...  done",
				"Running upgrade <base> -> 4537dc3fbad7, a (74 ms)", "Created 2026-11-24 06:59:29"));
		assertThat(run.normalize(List.of("Generating /tmp/junit-1/migrations/0a1b2c3d4e5f_a.sql ...  done",
				"Running upgrade <base> -> 0a1b2c3d4e5f, a (3 ms)", "Created 2027-01-02 03:04:05")))
			.containsExactlyElementsOf(documented);
		assertThat(new Normalizer("/tmp/x").normalize(List.of("Running upgrade <base> -> 0a1b2c3d4e5f, b (3 ms)")))
			.doesNotContain(documented.get(1));
		assertThat(new Normalizer("/tmp/x").normalize(List.of("9999999999ab -> 0a1b2c3d4e5f")))
			.containsExactly("<rev1> -> <rev2>");
	}

	@Test
	void rejectsACommandTheCheckCannotRun() {
		assertThatExceptionOfType(AssertionError.class)
			.isThrownBy(() -> Command.parse("$ rm -rf migrations\n"))
			.withMessageContaining("'rm -rf migrations'");
	}

	@Test
	void splitsQuotedArgumentsAsAShellDoes() {
		List<Command> commands = Command.parse("$ migrate revision -m \"create account\" --rev-id 'ab cd'\nout\n\n");
		assertThat(commands).singleElement().satisfies((command) -> {
			assertThat(command.arguments()).containsExactly("revision", "-m", "create account", "--rev-id", "ab cd");
			assertThat(command.output()).containsExactly("out");
		});
	}

	private static void fillIn(Path script, String documentedText, Normalizer documented, Normalizer actual)
			throws IOException {
		String generated = Files.readString(script, StandardCharsets.UTF_8);
		int generatedSections = generated.indexOf(UPGRADE_SECTION);
		int documentedSections = documentedText.indexOf(UPGRADE_SECTION);
		assertThat(generatedSections).as("'%s' in %s", UPGRADE_SECTION, script).isNotNegative();
		assertThat(documentedSections).as("'%s' in the README's sql block", UPGRADE_SECTION).isNotNegative();
		assertThat(actual.normalize(generated.substring(0, generatedSections).lines().toList()))
			.as("header of %s", script)
			.containsExactlyElementsOf(documented.normalize(documentedText.substring(0, documentedSections).lines().toList()));
		Files.writeString(script, generated.substring(0, generatedSections) + documentedText.substring(documentedSections),
				StandardCharsets.UTF_8);
	}

	/**
	 * The quickstart's directory and fenced blocks.
	 *
	 * @param directory the directory the README's output was produced in
	 * @param blocks the fenced blocks in order
	 */
	record Quickstart(String directory, List<Block> blocks) {

		static Quickstart read(String readme) {
			Matcher start = START.matcher(readme);
			assertThat(start.find()).as("README.md has a '<!-- readme-check: cli-quickstart dir=... -->' marker").isTrue();
			int end = readme.indexOf(END, start.end());
			assertThat(end).as("README.md has '%s' after the quickstart", END).isPositive();
			List<Block> blocks = new ArrayList<>();
			Matcher fence = FENCE.matcher(readme.substring(start.end(), end));
			while (fence.find()) {
				blocks.add(new Block(fence.group(1), fence.group(2)));
			}
			assertThat(blocks).as("fenced blocks of the quickstart").isNotEmpty();
			return new Quickstart(start.group(1), blocks);
		}

	}

	/**
	 * One fenced block.
	 *
	 * @param language the language after the opening fence, empty for a session
	 * @param text the block's text
	 */
	record Block(String language, String text) {
	}

	/**
	 * One {@code $ ...} line of a session and the output the README shows for it.
	 *
	 * @param line the command as written, without the prompt
	 * @param arguments the arguments after {@code migrate}, or the words of a setup line
	 * @param setup whether the line is setup ({@code export}, {@code mkdir}, {@code cd})
	 * @param output the lines up to the next command, without trailing blank lines
	 */
	record Command(String line, List<String> arguments, boolean setup, List<String> output) {

		private static final List<String> SETUP = List.of("export", "mkdir", "cd");

		boolean isSetup() {
			return this.setup;
		}

		static List<Command> parse(String session) {
			List<Command> commands = new ArrayList<>();
			String line = null;
			List<String> output = new ArrayList<>();
			for (String text : session.lines().toList()) {
				if (text.startsWith("$ ")) {
					if (line != null) {
						commands.add(of(line, output));
					}
					line = text.substring(2).strip();
					output = new ArrayList<>();
				}
				else {
					assertThat(line).as("output line '%s' before any command", text).isNotNull();
					output.add(text);
				}
			}
			if (line != null) {
				commands.add(of(line, output));
			}
			return commands;
		}

		private static Command of(String line, List<String> output) {
			while (!output.isEmpty() && output.get(output.size() - 1).isBlank()) {
				output.remove(output.size() - 1);
			}
			List<String> words = words(line);
			if (SETUP.contains(words.get(0))) {
				return new Command(line, words, true, List.copyOf(output));
			}
			if (!words.get(0).equals("migrate") && !words.get(0).equals("bin/migrate")) {
				throw new AssertionError("The README's CLI quickstart runs '" + line
						+ "', which this check cannot run; use 'migrate ...' commands or move it out of the quickstart");
			}
			return new Command(line, List.copyOf(words.subList(1, words.size())), false, List.copyOf(output));
		}

		private static List<String> words(String line) {
			List<String> words = new ArrayList<>();
			StringBuilder word = null;
			char quote = 0;
			for (char c : line.toCharArray()) {
				if (quote != 0) {
					if (c == quote) {
						quote = 0;
					}
					else {
						word.append(c);
					}
				}
				else if (c == '"' || c == '\'') {
					quote = c;
					word = (word != null) ? word : new StringBuilder();
				}
				else if (Character.isWhitespace(c)) {
					if (word != null) {
						words.add(word.toString());
						word = null;
					}
				}
				else {
					word = (word != null) ? word : new StringBuilder();
					word.append(c);
				}
			}
			if (word != null) {
				words.add(word.toString());
			}
			return words;
		}

	}

	/**
	 * Makes one side's output comparable: its directory becomes {@code <dir>}, each distinct revision id
	 * {@code <revN>} in order of first appearance, dates {@code <date>} and timings {@code <n> ms}.
	 */
	static final class Normalizer {

		private final String directory;

		private final Map<String, String> ids = new LinkedHashMap<>();

		Normalizer(String directory) {
			this.directory = directory;
		}

		List<String> normalize(List<String> lines) {
			return lines.stream().map(this::normalize).toList();
		}

		private String normalize(String line) {
			String text = line.replace(this.directory, "<dir>").stripTrailing();
			text = DATE.matcher(text).replaceAll("<date>");
			text = MILLIS.matcher(text).replaceAll("<n> ms");
			return REVISION_ID.matcher(text)
				.replaceAll((id) -> this.ids.computeIfAbsent(id.group(), (key) -> "<rev" + (this.ids.size() + 1) + ">"));
		}

	}

}
