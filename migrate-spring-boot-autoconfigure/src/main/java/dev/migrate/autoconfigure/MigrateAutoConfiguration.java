package dev.migrate.autoconfigure;

import java.util.Objects;

import javax.sql.DataSource;

import dev.migrate.autoconfigure.MigrateAutoConfiguration.MigrateAutoConfigurationRuntimeHints;
import dev.migrate.autoconfigure.MigrateAutoConfiguration.MigrateDataSourceCondition;
import dev.migrate.core.MigrationListener;
import dev.migrate.core.MigrateConfig;
import dev.migrate.core.Migrator;
import dev.migrate.core.fleet.FleetConfig;
import dev.migrate.core.fleet.FleetRunner;
import dev.migrate.core.fleet.Shard;
import dev.migrate.core.fleet.TenantSource;
import dev.migrate.core.script.JavaMigration;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.autoconfigure.condition.AnyNestedCondition;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcConnectionDetails;
import org.springframework.boot.sql.init.dependency.DatabaseInitializationDependencyConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.ImportRuntimeHints;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ResourceLoader;

/**
 * {@link EnableAutoConfiguration Auto-configuration} for migrate: a {@link Migrator} bean for the
 * application's DataSource and a {@link MigrateInitializer} that migrates it at startup, before anything
 * that uses the database; plus one engine per {@code migrate.instances.<name>}.
 */
@AutoConfiguration(after = DataSourceAutoConfiguration.class)
@ConditionalOnClass(Migrator.class)
@Conditional(MigrateDataSourceCondition.class)
@ConditionalOnBooleanProperty(name = "migrate.enabled", matchIfMissing = true)
@Import(DatabaseInitializationDependencyConfigurer.class)
@ImportRuntimeHints(MigrateAutoConfigurationRuntimeHints.class)
public final class MigrateAutoConfiguration {

	@Bean
	MigrateSchemaManagementProvider migrateDefaultDdlModeProvider(ObjectProvider<Migrator> migrators) {
		return new MigrateSchemaManagementProvider(migrators);
	}

	@Bean
	static MigrateInstancesRegistrar migrateInstancesRegistrar(Environment environment) {
		return new MigrateInstancesRegistrar(environment);
	}

	@Bean
	@ConditionalOnBooleanProperty("migrate.exit-after-migrate")
	MigrateExitAfterMigrate migrateExitAfterMigrate() {
		return new MigrateExitAfterMigrate();
	}

	@Bean
	@ConditionalOnMissingBean
	MigratorFactory migratorFactory(ResourceLoader resourceLoader, ObjectProvider<JavaMigration> javaMigrations,
			ObjectProvider<MigrationListener> listeners, ObjectProvider<MigrateCustomizer> customizers) {
		ClassLoader classLoader = resourceLoader.getClassLoader();
		return new MigratorFactory((classLoader != null) ? classLoader : getClass().getClassLoader(),
				javaMigrations.orderedStream().toList(), listeners.orderedStream().toList(),
				customizers.orderedStream().toList());
	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingBean(Migrator.class)
	@EnableConfigurationProperties(MigrateProperties.class)
	static class MigrateConfiguration {

		private final MigrateProperties properties;

		MigrateConfiguration(MigrateProperties properties) {
			this.properties = properties;
		}

		@Bean
		@ConditionalOnMissingBean(MigrateConnectionDetails.class)
		PropertiesMigrateConnectionDetails migrateConnectionDetails() {
			return new PropertiesMigrateConnectionDetails(this.properties);
		}

		@Bean
		Migrator migrator(MigratorFactory migratorFactory, MigrateConnectionDetails connectionDetails,
				ObjectProvider<DataSource> dataSource,
				@MigrateDataSource ObjectProvider<DataSource> migrateDataSource) {
			DataSource migrationDataSource = MigrationDataSources.choose("migrate", migrateDataSource.getIfAvailable(),
					connectionDetails, this.properties.getConnectTimeout(), dataSource::getIfUnique);
			return migratorFactory.create("migrate", this.properties, migrationDataSource);
		}

		@Bean
		@ConditionalOnMissingBean
		MigrateInitializer migrateInitializer(Migrator migrator, MigratorFactory migratorFactory,
				ObjectProvider<MigrateStrategy> strategy, ObjectProvider<MigrateFleet> fleet) {
			MigrateInitializer initializer = new MigrateInitializer("migrate", migrator, strategy.getIfAvailable(),
					this.properties.getOnStartup(), this.properties.getTarget());
			initializer.setModel(migratorFactory.model("migrate", this.properties));
			initializer.setFleet(fleet.getIfAvailable());
			initializer.setLint(this.properties.getLint().getOnStartup(),
					MigratorFactory.lintOptions("migrate", this.properties));
			return initializer;
		}

		@Bean
		@ConditionalOnMissingBean
		@Conditional(TenantsCondition.class)
		MigrateFleet migrateFleet(Migrator migrator, ObjectProvider<MigrateTenants> tenants) {
			MigrateProperties.Tenants properties = this.properties.getTenants();
			MigrateTenants named = tenants.getIfAvailable();
			TenantSource source = (named != null) ? TenantSource.names(named.tenants())
					: !properties.getNames().isEmpty() ? TenantSource.names(properties.getNames())
							: TenantSource.query(Objects.requireNonNull(properties.getQuery()));
			// Database mode reaches each tenant by URL, with migrate.user and migrate.password.
			MigrateConfig main = migrator.config()
				.toBuilder()
				.user(this.properties.getUser())
				.password(this.properties.getPassword())
				.build();
			FleetConfig.Builder builder = FleetConfig.builder(main, source)
				.mode(properties.getMode())
				.urlTemplate(properties.getUrlTemplate())
				.parallelism(properties.getParallelism())
				.failFast(properties.isFailFast());
			if (properties.getShard() != null) {
				builder.shard(Shard.parse(properties.getShard()));
			}
			return new MigrateFleet(FleetRunner.create(builder.build()), migrator);
		}

	}

	static final class TenantsCondition extends AnyNestedCondition {

		TenantsCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(MigrateTenants.class)
		private static final class TenantsBeanCondition {

		}

		@ConditionalOnProperty("migrate.tenants.names")
		private static final class NamesCondition {

		}

		@ConditionalOnProperty("migrate.tenants.names[0]")
		private static final class IndexedNamesCondition {

		}

		@ConditionalOnProperty("migrate.tenants.query")
		private static final class QueryCondition {

		}

	}

	static final class MigrateDataSourceCondition extends AnyNestedCondition {

		MigrateDataSourceCondition() {
			super(ConfigurationPhase.REGISTER_BEAN);
		}

		@ConditionalOnBean(DataSource.class)
		private static final class DataSourceBeanCondition {

		}

		@ConditionalOnBean(JdbcConnectionDetails.class)
		private static final class JdbcConnectionDetailsCondition {

		}

		@ConditionalOnProperty("migrate.url")
		private static final class MigrateUrlCondition {

		}

	}

	/**
	 * Makes the default script location available in a native image.
	 */
	static final class MigrateAutoConfigurationRuntimeHints implements RuntimeHintsRegistrar {

		@Override
		public void registerHints(RuntimeHints hints, @Nullable ClassLoader classLoader) {
			hints.resources().registerPattern("db/migrations/**");
		}

	}

	/**
	 * Adapts an engine's properties (the default engine's or an instance's) to {@link MigrateConnectionDetails}.
	 */
	static final class PropertiesMigrateConnectionDetails implements MigrateConnectionDetails {

		private final MigrateEngineProperties properties;

		PropertiesMigrateConnectionDetails(MigrateEngineProperties properties) {
			this.properties = properties;
		}

		@Override
		public @Nullable String getUsername() {
			return this.properties.getUser();
		}

		@Override
		public @Nullable String getPassword() {
			return this.properties.getPassword();
		}

		@Override
		public @Nullable String getJdbcUrl() {
			return this.properties.getUrl();
		}

		@Override
		public @Nullable String getDriverClassName() {
			String driverClassName = this.properties.getDriverClassName();
			return (driverClassName != null) ? driverClassName : MigrateConnectionDetails.super.getDriverClassName();
		}

	}

}
