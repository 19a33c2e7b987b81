package dev.migrate.core;

import java.util.List;

/**
 * What an {@code upgrade}, {@code downgrade} or {@code stamp} did.
 *
 * @param command the command
 * @param target the target as given
 * @param steps the steps run, in order (empty when already at the target)
 * @param versionRowsBefore the version table's rows before, sorted
 * @param versionRowsAfter the version table's rows after, sorted
 * @param totalMillis the whole command's duration, lock wait included
 * @param repeatables the names of the repeatable scripts an upgrade (re-)applied after its steps, in order
 */
public record MigrationResult(CommandKind command, String target, List<AppliedRevision> steps,
		List<String> versionRowsBefore, List<String> versionRowsAfter, long totalMillis, List<String> repeatables) {

	public MigrationResult {
		steps = List.copyOf(steps);
		versionRowsBefore = List.copyOf(versionRowsBefore);
		versionRowsAfter = List.copyOf(versionRowsAfter);
		repeatables = List.copyOf(repeatables);
	}

	/**
	 * A result without repeatable scripts.
	 * @param command the command
	 * @param target the target as given
	 * @param steps the steps run, in order
	 * @param versionRowsBefore the version table's rows before, sorted
	 * @param versionRowsAfter the version table's rows after, sorted
	 * @param totalMillis the whole command's duration
	 */
	public MigrationResult(CommandKind command, String target, List<AppliedRevision> steps,
			List<String> versionRowsBefore, List<String> versionRowsAfter, long totalMillis) {
		this(command, target, steps, versionRowsBefore, versionRowsAfter, totalMillis, List.of());
	}

}
