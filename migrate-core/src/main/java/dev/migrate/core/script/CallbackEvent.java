package dev.migrate.core.script;

import java.util.Optional;

/**
 * A point in an upgrade or downgrade where SQL callbacks run. A callback is a {@code .sql} file in a location
 * whose file name is {@link #fileName()}, such as {@code beforeUpgrade.sql}; it is plain SQL (no header, no
 * sections) and is never a revision.
 *
 * <p>The names follow Flyway's callbacks ({@code beforeMigrate.sql}, {@code beforeEachMigrate.sql},
 * {@code afterMigrateError.sql}, the undo twins) with migrate's verbs.
 */
public enum CallbackEvent {

	/** Once per {@code upgrade}, before the first revision (also when nothing is pending). */
	BEFORE_UPGRADE("beforeUpgrade"),

	/** Before each revision an upgrade applies, inside that revision's transaction when it has one. */
	BEFORE_EACH_REVISION("beforeEachRevision"),

	/** After each revision an upgrade applies, inside that revision's transaction when it has one. */
	AFTER_EACH_REVISION("afterEachRevision"),

	/** Once per {@code upgrade}, after the last revision and the repeatable scripts. */
	AFTER_UPGRADE("afterUpgrade"),

	/** After an {@code upgrade} failed and its transaction was rolled back. */
	AFTER_UPGRADE_ERROR("afterUpgradeError"),

	/** Once per {@code downgrade}, before the first revision is reverted. */
	BEFORE_DOWNGRADE("beforeDowngrade"),

	/** Before each revision a downgrade reverts, inside that revision's transaction when it has one. */
	BEFORE_EACH_DOWNGRADE("beforeEachDowngrade"),

	/** After each revision a downgrade reverts, inside that revision's transaction when it has one. */
	AFTER_EACH_DOWNGRADE("afterEachDowngrade"),

	/** Once per {@code downgrade}, after the last revision was reverted. */
	AFTER_DOWNGRADE("afterDowngrade"),

	/** After a {@code downgrade} failed and its transaction was rolled back. */
	AFTER_DOWNGRADE_ERROR("afterDowngradeError");

	private final String baseName;

	CallbackEvent(String baseName) {
		this.baseName = baseName;
	}

	/**
	 * @return the callback's file name, such as {@code beforeUpgrade.sql}
	 */
	public String fileName() {
		return this.baseName + ".sql";
	}

	/**
	 * @param fileName a file name without its folder
	 * @return the event whose callback file it is; names are matched exactly (case matters, as in Flyway)
	 */
	static Optional<CallbackEvent> forFileName(String fileName) {
		for (CallbackEvent event : values()) {
			if (event.fileName().equals(fileName)) {
				return Optional.of(event);
			}
		}
		return Optional.empty();
	}

}
