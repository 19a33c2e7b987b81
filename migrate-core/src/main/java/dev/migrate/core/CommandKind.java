package dev.migrate.core;

import java.util.Locale;
import java.util.Optional;

import dev.migrate.core.graph.Direction;

/**
 * The command that wrote the version table: what a {@link MigrationResult} and each of its
 * {@link AppliedRevision steps} record, and what each history row ({@link HistoryEntry#direction()}) stores,
 * where {@link #REPEATABLE} also appears.
 */
public enum CommandKind {

	/** Ran upgrade sections towards the heads. */
	UPGRADE(Direction.UPGRADE),

	/** Ran downgrade sections towards base. */
	DOWNGRADE(Direction.DOWNGRADE),

	/** Wrote the version table without running any script. */
	STAMP(null),

	/**
	 * Applied a repeatable script after an upgrade's revisions (or, without a checksum, marked one for
	 * re-application after a downgrade). Only history rows have this kind; the version table is unchanged.
	 */
	REPEATABLE(null);

	private final Direction direction;

	CommandKind(Direction direction) {
		this.direction = direction;
	}

	/**
	 * @return the command's name as printed and stored, {@code upgrade}, {@code downgrade}, {@code stamp} or
	 * {@code repeatable}
	 */
	public String verb() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @return the way the command's steps moved through the graph, empty for a stamp (which runs nothing) and a
	 * repeatable script (which is not in the graph)
	 */
	public Optional<Direction> direction() {
		return Optional.ofNullable(this.direction);
	}

	/**
	 * The kind a stored or printed verb names.
	 * @param verb {@code upgrade}, {@code downgrade}, {@code stamp} or {@code repeatable}, as {@link #verb()} spells them
	 * @return the kind
	 * @throws IllegalArgumentException for any other word
	 */
	public static CommandKind ofVerb(String verb) {
		for (CommandKind kind : values()) {
			if (kind.verb().equals(verb)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("Not a command: '" + verb + "' (expected upgrade, downgrade, stamp or repeatable)");
	}

	/**
	 * @param direction a way through the graph
	 * @return the command that runs scripts that way
	 */
	public static CommandKind of(Direction direction) {
		return switch (direction) {
			case UPGRADE -> UPGRADE;
			case DOWNGRADE -> DOWNGRADE;
		};
	}

}
