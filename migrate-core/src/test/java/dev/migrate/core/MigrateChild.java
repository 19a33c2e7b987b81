package dev.migrate.core;

import java.time.Duration;

/**
 * A separate JVM that runs one upgrade, for the multi-process and crash tests. Reads {@code MIGRATE_URL},
 * {@code MIGRATE_USER}, {@code MIGRATE_PASSWORD} and {@code MIGRATE_LOCATION} from the environment, prints
 * {@code STEP <revision>} before each step and {@code ROWS <rows>} at the end; exits 1 on failure.
 */
public final class MigrateChild {

	private MigrateChild() {
	}

	public static void main(String[] args) {
		try {
			MigrateConfig config = MigrateConfig.builder()
				.url(System.getenv("MIGRATE_URL"))
				.user(System.getenv("MIGRATE_USER"))
				.password(System.getenv("MIGRATE_PASSWORD"))
				.locations(System.getenv("MIGRATE_LOCATION"))
				.lockTimeout(Duration.ofSeconds(30))
				.listener(new MigrationListener() {

					@Override
					public void beforeStep(CommandKind command, String revision) {
						System.out.println("STEP " + revision);
						System.out.flush();
					}

				})
				.build();
			MigrationResult result = Migrator.create(config).upgrade("heads");
			System.out.println("RAN " + result.steps().size());
			System.out.println("ROWS " + result.versionRowsAfter());
			System.exit(0);
		}
		catch (RuntimeException ex) {
			System.err.println(ex.getMessage());
			System.exit(1);
		}
	}

}
