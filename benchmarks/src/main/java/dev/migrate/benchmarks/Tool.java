package dev.migrate.benchmarks;

/**
 * What runs a workload. Raw JDBC executes the statements with no bookkeeping: the floor every tool is
 * measured against.
 */
enum Tool {

	RAW_JDBC("raw JDBC", false),

	/**
	 * Raw JDBC with exactly the bookkeeping migrate's crash guarantees need, in the form migrate uses and the
	 * cheapest form the engine allows ({@link BookkeepingFloor}): the floor of the apply benchmark. Migrate over it
	 * is migrate's own overhead; it over raw JDBC is the price of the guarantee.
	 */
	RAW_JDBC_BOOKKEEPING("raw JDBC + bookkeeping", false),

	/** SQLite floor with the history id {@code INTEGER PRIMARY KEY AUTOINCREMENT}. Measurement only. */
	FLOOR_AUTOINCREMENT("floor, AUTOINCREMENT id", false),

	/** SQLite floor with the history id {@code INTEGER PRIMARY KEY} (the rowid). Measurement only. */
	FLOOR_ROWID("floor, rowid id", false),

	/** SQLite floor with the rowid history id and the version table {@code WITHOUT ROWID}. Measurement only. */
	FLOOR_VERSION_WITHOUT_ROWID("floor, rowid id + version WITHOUT ROWID", false),

	/** PostgreSQL floor checking the version row in a {@code DO} block. Measurement only. */
	FLOOR_DO_CHECK("floor, DO check", false),

	/** PostgreSQL floor checking the version row with a CTE that fails when none matched. Measurement only. */
	FLOOR_CTE_CHECK("floor, CTE check", false),

	/** PostgreSQL floor whose history insert takes its revision from the version row's update. Measurement only. */
	FLOOR_INSERT_CHECK("floor, check in history insert", false),

	/** PostgreSQL floor with a plain, unchecked version {@code UPDATE}: not safe, the lower bound. */
	FLOOR_UNCHECKED("floor, unchecked UPDATE", false),

	/** MariaDB floor in two round trips per revision (the bookkeeping, then the DDL). Measurement only. */
	FLOOR_TWO_TRIPS("floor, 2 round trips", false),

	/** MariaDB floor in one round trip per revision (COMMIT, DDL, bookkeeping). Measurement only. */
	FLOOR_ONE_TRIP("floor, 1 round trip", false),

	/**
	 * Raw JDBC sending exactly what migrate's up-to-date check sends (the default schema where the driver asks the
	 * server, and the one statement reading the version rows, the digest row and the newest history id), on the
	 * database migrate's jar run set up: the check's own JDBC work, without migrate's code.
	 */
	RAW_CHECK("raw JDBC, the check's statements", false),

	/**
	 * The Spring Boot application of the boot benchmark without any migration tool: the same context and DataSource,
	 * whose pool opens its first connection for one query. The floor of a boot, which every tool pays.
	 */
	NO_TOOL("no tool", false),

	MIGRATE("migrate", true),

	MIGRATE_ONE_TRANSACTION("migrate, one tx", true),

	/** migrate with the scripts in a jar that holds the build-time index, as a packaged application has them. */
	MIGRATE_JAR("migrate, jar + index", true),

	/** migrate with the scripts in a directory that holds the index, checked by size and time. */
	MIGRATE_DIR("migrate, dir + index", true),

	FLYWAY("Flyway", false),

	LIQUIBASE("Liquibase", false);

	private final String displayName;

	private final boolean migrate;

	Tool(String displayName, boolean migrate) {
		this.displayName = displayName;
		this.migrate = migrate;
	}

	String displayName() {
		return this.displayName;
	}

	/**
	 * @return whether this is migrate itself (in any mode)
	 */
	boolean isMigrate() {
		return this.migrate;
	}

	/**
	 * @return whether this is the bookkeeping floor or one of its measured alternatives
	 */
	boolean isFloor() {
		return this == RAW_JDBC_BOOKKEEPING || isFloorAlternative();
	}

	/**
	 * @return whether this is one of the floor's alternatives, run only when named in {@code tools=}
	 */
	boolean isFloorAlternative() {
		return name().startsWith("FLOOR_");
	}

	/**
	 * @return whether this is one of the peers migrate is compared with
	 */
	boolean isPeer() {
		return this == FLYWAY || this == LIQUIBASE;
	}

}
