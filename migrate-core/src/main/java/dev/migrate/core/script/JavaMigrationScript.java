package dev.migrate.core.script;

import dev.migrate.core.graph.Revision;

/**
 * A revision implemented by a {@link JavaMigration} class carrying a {@link Migration} annotation.
 */
public final class JavaMigrationScript implements MigrationScript {

	private final Revision revision;

	private final boolean transactional;

	private final JavaMigration migration;

	JavaMigrationScript(Revision revision, boolean transactional, JavaMigration migration) {
		this.revision = revision;
		this.transactional = transactional;
		this.migration = migration;
	}

	@Override
	public Revision revision() {
		return this.revision;
	}

	@Override
	public boolean transactional() {
		return this.transactional;
	}

	@Override
	public boolean reversible() {
		return this.migration.isReversible();
	}

	/**
	 * @return {@code null}: Java migrations have no checksum
	 */
	@Override
	public String checksum() {
		return null;
	}

	/**
	 * @return the migration's class name
	 */
	@Override
	public String location() {
		return this.revision.source();
	}

	/**
	 * @return the instance to run
	 */
	public JavaMigration migration() {
		return this.migration;
	}

	@Override
	public String toString() {
		return "JavaMigrationScript[" + this.revision.id() + " " + location() + "]";
	}

}
