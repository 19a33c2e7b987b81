package dev.migrate.benchmarks;

/**
 * The things measured, each with the figure it reports.
 */
enum Scenario {

	APPLY("apply", "N single-statement migrations applied to an empty database", false),

	NOOP("no-op", "a fresh JVM finds all N migrations applied (raw JDBC: connect and run one query)", false),

	DOWNGRADE("downgrade", "all N migrations rolled back (Flyway OSS cannot; raw JDBC runs the DROPs)", false),

	CLI("cli", "`java -jar migrate-cli/target/migrate.jar current` on an up-to-date database, wall time incl. JVM",
			true),

	BOOT("boot", "Spring Boot context start (no web server) with N migrations already applied", false);

	private final String id;

	private final String description;

	private final boolean wallTime;

	Scenario(String id, String description, boolean wallTime) {
		this.id = id;
		this.description = description;
		this.wallTime = wallTime;
	}

	String id() {
		return this.id;
	}

	String description() {
		return this.description;
	}

	/**
	 * @return whether the figure is the wall time of the whole process rather than the time from {@code main}
	 */
	boolean wallTime() {
		return this.wallTime;
	}

	static Scenario of(String id) {
		for (Scenario scenario : values()) {
			if (scenario.id.equals(id) || scenario.name().equalsIgnoreCase(id)) {
				return scenario;
			}
		}
		throw new IllegalArgumentException("Unknown scenario '" + id + "'; use apply, no-op, downgrade, cli or boot");
	}

}
