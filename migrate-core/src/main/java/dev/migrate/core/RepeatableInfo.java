package dev.migrate.core;

import java.util.List;

/**
 * A repeatable script as its file declares it: a view, function, procedure or trigger that an upgrade re-applies
 * whenever the file changes.
 *
 * @param name the name from its {@code Repeatable:} header
 * @param script the file
 * @param message the header's message line, or empty
 * @param dependsOn the revisions it waits for ({@code Depends On:}), empty when none
 * @param checksum the file's current checksum
 */
public record RepeatableInfo(String name, String script, String message, List<String> dependsOn, String checksum) {

	public RepeatableInfo {
		dependsOn = List.copyOf(dependsOn);
	}

}
