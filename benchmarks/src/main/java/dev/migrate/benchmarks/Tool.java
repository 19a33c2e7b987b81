package dev.migrate.benchmarks;

/**
 * What runs a workload. Raw JDBC executes the statements with no bookkeeping: the floor every tool is
 * measured against.
 */
enum Tool {

	RAW_JDBC("raw JDBC", false),

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
	 * @return whether this is one of the peers migrate is compared with
	 */
	boolean isPeer() {
		return this == FLYWAY || this == LIQUIBASE;
	}

}
