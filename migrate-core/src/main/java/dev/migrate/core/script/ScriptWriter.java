package dev.migrate.core.script;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.migrate.core.MigrateException;
import dev.migrate.core.graph.Revision;

/**
 * Writes new SQL revision files from the template that {@code migrate revision} and {@code migrate merge} use:
 * the header (message, Revision ID, Revises, Create Date, Branch Labels, Depends On), then an empty
 * {@code -- migrate:upgrade} and an empty {@code -- migrate:downgrade} section. The file is named
 * {@code <id>_<slug>.sql}, the slug being the message's first words in lower case joined by underscores (at most
 * 40 characters, as Alembic truncates them).
 */
public final class ScriptWriter {

	private static final DateTimeFormatter CREATE_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	private static final int SLUG_LENGTH = 40;

	private ScriptWriter() {
	}

	/**
	 * The file name for a new revision.
	 * @param id the revision id
	 * @param message the message
	 * @return {@code <id>_<slug>.sql}, or {@code <id>.sql} when the message has no letters or digits
	 */
	public static String fileName(String id, String message) {
		String slug = slug(message);
		return slug.isEmpty() ? id + ".sql" : id + "_" + slug + ".sql";
	}

	/**
	 * Writes a new revision file, refusing to overwrite one.
	 * @param directory the directory, created if missing
	 * @param revision the revision to declare; its {@link Revision#source()} is not used
	 * @return the new file
	 * @throws MigrateException if the file exists or cannot be written, or the message cannot be written as a
	 * header line
	 */
	public static Path write(Path directory, Revision revision) {
		Path file = directory.resolve(fileName(revision.id(), revision.message()));
		String content = render(revision);
		if (!readsBack(file, content, revision)) {
			throw new MigrateException("The message '" + revision.message() + "' cannot be the first header line"
					+ " (it reads as a header key or a section line); rephrase it");
		}
		try {
			Files.createDirectories(directory);
			Files.writeString(file, content, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
			return file;
		}
		catch (FileAlreadyExistsException ex) {
			throw new MigrateException(file + " already exists; choose another revision id or message", ex);
		}
		catch (IOException ex) {
			throw new MigrateException("Cannot write " + file + ": " + ex.getMessage(), ex);
		}
	}

	private static boolean readsBack(Path file, String content, Revision revision) {
		try {
			Revision check = SqlScriptParser.parse(file.toString(), content.getBytes(StandardCharsets.UTF_8)).revision();
			return check.message().equals(revision.message()) && check.id().equals(revision.id());
		}
		catch (ScriptException ex) {
			return false;
		}
	}

	/**
	 * The new file's content.
	 */
	static String render(Revision revision) {
		StringBuilder text = new StringBuilder();
		text.append("-- ").append(revision.message()).append('\n');
		text.append("--\n");
		text.append("-- Revision ID: ").append(revision.id()).append('\n');
		text.append("-- Revises: ").append(String.join(", ", revision.revises())).append('\n');
		text.append("-- Create Date: ")
			.append((revision.createDate() != null) ? CREATE_DATE.format(revision.createDate()) : "")
			.append('\n');
		text.append("-- Branch Labels: ").append(String.join(", ", revision.branchLabels().stream().sorted().toList()))
			.append('\n');
		text.append("-- Depends On: ").append(String.join(", ", revision.dependsOn())).append('\n');
		text.append('\n');
		text.append("-- migrate:upgrade\n");
		text.append('\n');
		text.append("-- migrate:downgrade\n");
		return stripTrailingSpaces(text.toString());
	}

	private static String slug(String message) {
		String[] words = message.toLowerCase(Locale.ROOT).split("[^a-z0-9]+");
		StringBuilder slug = new StringBuilder();
		for (String word : words) {
			if (word.isEmpty()) {
				continue;
			}
			int length = slug.length() + ((slug.length() > 0) ? 1 : 0) + word.length();
			if (length > SLUG_LENGTH) {
				if (slug.length() == 0) {
					slug.append(word, 0, SLUG_LENGTH);
				}
				break;
			}
			slug.append((slug.length() > 0) ? "_" : "").append(word);
		}
		return slug.toString();
	}

	private static String stripTrailingSpaces(String text) {
		return String.join("\n", List.of(text.split(" +\n", -1)));
	}

}
