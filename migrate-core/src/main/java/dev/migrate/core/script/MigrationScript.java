package dev.migrate.core.script;

import dev.migrate.core.graph.Revision;

/**
 * One revision's script: a SQL file or a Java class, with the facts the runtime needs to plan and run it.
 */
public sealed interface MigrationScript permits SqlMigrationScript, JavaMigrationScript {

	/**
	 * @return the revision the script declares; its {@link Revision#source() source} is {@link #location()}
	 */
	Revision revision();

	/**
	 * @return whether the revision runs inside a transaction ({@code Transactional: false} turns it off)
	 */
	boolean transactional();

	/**
	 * @return whether the script can be downgraded: a SQL file with a {@code -- migrate:downgrade} section (even
	 * an empty one), or a Java migration whose {@link JavaMigration#isReversible()} says so
	 */
	boolean reversible();

	/**
	 * @return the SHA-256 of the file's normalized content as 64 lowercase hex digits, or {@code null} for a
	 * Java migration
	 */
	String checksum();

	/**
	 * @return where the script came from: a file path such as {@code db/migrations/3f2a_add.sql} (relative to
	 * the classpath for {@code classpath:} locations) or a class name
	 */
	String location();

}
