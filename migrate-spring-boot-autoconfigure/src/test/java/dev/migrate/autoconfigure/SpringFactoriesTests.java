package dev.migrate.autoconfigure;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetailsFactory;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.sql.init.dependency.DatabaseInitializerDetector;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.core.io.support.SpringFactoriesLoader.FailureHandler;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks what {@code META-INF/spring.factories} registers.
 */
class SpringFactoriesTests {

	private final SpringFactoriesLoader loader = SpringFactoriesLoader.forDefaultResourceLocation();

	// Other modules' factories may need constructor arguments or classes that are absent here: skip them.
	private final FailureHandler skipOthers = (factoryType, factoryImplementationName, failure) -> {
	};

	@Test
	void registersBothDatabaseInitializerDetectors() {
		List<DatabaseInitializerDetector> detectors = this.loader.load(DatabaseInitializerDetector.class,
				this.skipOthers);
		assertThat(detectors).hasAtLeastOneElementOfType(MigratorDatabaseInitializerDetector.class)
			.hasAtLeastOneElementOfType(MigrateInitializerDatabaseInitializerDetector.class);
	}

	@Test
	void registersTheFailureAnalyzer() {
		assertThat(this.loader.load(FailureAnalyzer.class, this.skipOthers))
			.hasAtLeastOneElementOfType(MigrateFailureAnalyzer.class);
	}

	@Test
	void registersTheTestcontainersConnectionDetailsFactory() {
		@SuppressWarnings("rawtypes")
		List<ConnectionDetailsFactory> factories = this.loader.load(ConnectionDetailsFactory.class, this.skipOthers);
		assertThat(factories).extracting((factory) -> factory.getClass().getName())
			.contains("dev.migrate.autoconfigure.testcontainers.MigrateContainerConnectionDetailsFactory");
	}

}
