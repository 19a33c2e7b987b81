package dev.migrate.autoconfigure;

import dev.migrate.autoconfigure.MigrateEngineProperties.OnStartup;
import dev.migrate.core.MigrateConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrateProperties}.
 */
class MigratePropertiesTests {

	@Test
	void defaultValuesAreConsistent() {
		MigrateProperties properties = new MigrateProperties();
		MigrateConfig config = MigrateConfig.builder().build();
		assertThat(properties.getLocations()).isEqualTo(config.locations())
			.containsExactly(MigrateConfig.DEFAULT_LOCATION);
		assertThat(properties.getTarget()).isEqualTo(MigrateConfig.DEFAULT_TARGET);
		assertThat(properties.getSchema()).isEqualTo(config.schema());
		assertThat(properties.isCreateSchemas()).isEqualTo(config.createSchemas());
		assertThat(properties.getVersionTable()).isEqualTo(config.versionTable())
			.isEqualTo(MigrateConfig.DEFAULT_VERSION_TABLE);
		assertThat(properties.getHistoryTable()).isEqualTo(config.historyTable())
			.isEqualTo(MigrateConfig.DEFAULT_HISTORY_TABLE);
		assertThat(properties.isTransactionPerMigration()).isEqualTo(config.transactionPerMigration());
		assertThat(properties.isValidateOnMigrate()).isEqualTo(config.validateOnMigrate());
		assertThat(properties.getLockTimeout()).isEqualTo(config.lockTimeout())
			.isEqualTo(MigrateConfig.DEFAULT_LOCK_TIMEOUT);
		assertThat(properties.getDdlLockTimeout()).isEqualTo(config.ddlLockTimeout()).isNull();
		assertThat(properties.getDdlLockRetries()).isEqualTo(config.ddlLockRetries())
			.isEqualTo(MigrateConfig.DEFAULT_DDL_LOCK_RETRIES);
		assertThat(properties.getConnectRetries()).isEqualTo(config.connectRetries());
		assertThat(properties.getConnectTimeout()).isEqualTo(config.connectTimeout());
		assertThat(properties.getConnectRetriesInterval()).isEqualTo(config.connectRetriesInterval())
			.isEqualTo(MigrateConfig.DEFAULT_CONNECT_RETRIES_INTERVAL);
		assertThat(properties.isFailOnMissingLocations()).isEqualTo(config.failOnMissingLocations());
		assertThat(properties.getDialect()).isEqualTo(config.dialect());
		assertThat(properties.getUrl()).isEqualTo(config.url());
		assertThat(properties.getUser()).isEqualTo(config.user());
		assertThat(properties.getPassword()).isEqualTo(config.password());
		assertThat(properties.getPlaceholders()).isEqualTo(config.placeholders()).isEmpty();
		assertThat(properties.isPlaceholderReplacement()).isEqualTo(config.placeholderReplacement()).isTrue();
		assertThat(properties.getInitSqls()).isEqualTo(config.initSqls()).isEmpty();
		assertThat(properties.isBaselineOnMigrate()).isEqualTo(config.baselineOnMigrate()).isFalse();
		assertThat(properties.getBaselineRevision()).isEqualTo(config.baselineRevision()).isNull();
	}

	@Test
	void defaultsStartupBehaviourToUpgradeWithoutExiting() {
		MigrateProperties properties = new MigrateProperties();
		assertThat(properties.isEnabled()).isTrue();
		assertThat(properties.getOnStartup()).isEqualTo(OnStartup.UPGRADE);
		assertThat(properties.isExitAfterMigrate()).isFalse();
		assertThat(properties.getInstances()).isEmpty();
	}

	@Test
	void instancesHaveTheSameEngineDefaults() {
		MigrateProperties.Instance instance = new MigrateProperties.Instance();
		MigrateProperties properties = new MigrateProperties();
		assertThat(instance).usingRecursiveComparison()
			.ignoringFields("enabled", "dataSource")
			.isEqualTo((MigrateEngineProperties) properties);
		assertThat(instance.isEnabled()).isTrue();
		assertThat(instance.getDataSource()).isNull();
	}

}
