package dev.migrate.core;

import java.util.Locale;
import java.util.Optional;

import dev.migrate.core.graph.Direction;

/**
 * The command that wrote the version table: what a {@link MigrationResult} and each of its
 * {@link AppliedRevision steps} record.
 */
public enum CommandKind {

	/** Ran upgrade sections towards the heads. */
	UPGRADE(Direction.UPGRADE),

	/** Ran downgrade sections towards base. */
	DOWNGRADE(Direction.DOWNGRADE),

	/** Wrote the version table without running any script. */
	STAMP(null);

	private final Direction direction;

	CommandKind(Direction direction) {
		this.direction = direction;
	}

	/**
	 * @return the command's name as printed and stored, {@code upgrade}, {@code downgrade} or {@code stamp}
	 */
	public String verb() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @return the way the command's steps moved through the graph, empty for a stamp (which runs nothing)
	 */
	public Optional<Direction> direction() {
		return Optional.ofNullable(this.direction);
	}

	/**
	 * The kind a stored or printed verb names.
	 * @param verb {@code upgrade}, {@code downgrade} or {@code stamp}, as {@link #verb()} spells them
	 * @return the kind
	 * @throws IllegalArgumentException for any other word
	 */
	public static CommandKind ofVerb(String verb) {
		for (CommandKind kind : values()) {
			if (kind.verb().equals(verb)) {
				return kind;
			}
		}
		throw new IllegalArgumentException("Not a command: '" + verb + "' (expected upgrade, downgrade or stamp)");
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
