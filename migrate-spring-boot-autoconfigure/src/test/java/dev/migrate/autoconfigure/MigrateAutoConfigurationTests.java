package dev.migrate.autoconfigure;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import dev.migrate.core.MigrateConfig;
import dev.migrate.core.MigrationListener;
import dev.migrate.core.Migrator;
import dev.migrate.core.script.JavaMigration;
import dev.migrate.core.script.MigrationContext;
import dev.migrate.testsupport.Engine;
import dev.migrate.testsupport.TestDatabase;
import dev.migrate.testsupport.TestDatabases;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.test.context.ConfigDataApplicationContextInitializer;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link MigrateAutoConfiguration}. Startup runs with {@code migrate.on-startup=none} unless a test
 * says otherwise, so these tests need no engine commands.
 */
class MigrateAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(MigrateAutoConfiguration.class))
		.withPropertyValues("spring.datasource.generate-unique-name=true", "migrate.on-startup=none");

	@Test
	void backsOffWithNoDataSourceBeanAndNoMigrateUrl() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(Migrator.class);
			assertThat(context).doesNotHaveBean(MigrateInitializer.class);
		});
	}

	@Test
	void backsOffWhenMigratorIsNotOnTheClasspath() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withClassLoader(new FilteredClassLoader(Migrator.class))
			.run((context) -> assertThat(context).doesNotHaveBean(Migrator.class));
	}

	@Test
	void migratesTheApplicationDataSourceByDefault() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.run((context) -> {
				assertThat(context).hasSingleBean(Migrator.class);
				assertThat(context).hasSingleBean(MigrateInitializer.class);
				assertThat(context.getBean(Migrator.class).config().dataSource())
					.isSameAs(context.getBean(DataSource.class));
			});
	}

	@Test
	void closesTheMigratorAndItsScriptWatchWithTheContext() throws Exception {
		// Where the JDK polls instead (macOS), no watch is set up and reports check the files once a second.
		try (java.nio.file.WatchService service = java.nio.file.FileSystems.getDefault().newWatchService()) {
			org.junit.jupiter.api.Assumptions.assumeFalse(service.getClass().getName().contains("Polling"));
		}
		List<Thread> watches = new ArrayList<>();
		try (TestDatabase db = TestDatabases.create(Engine.SQLITE)) {
			this.contextRunner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
				.withPropertyValues("spring.datasource.url=" + db.url(),
						"migrate.locations=filesystem:" + Path.of("src/test/resources/db/app").toAbsolutePath())
				.run((context) -> {
					Migrator migrator = context.getBean(Migrator.class);
					List<Thread> before = watchThreads();
					// The second report starts the watch of the directory.
					assertThat(migrator.health().pending()).isEqualTo(2);
					assertThat(migrator.health().pending()).isEqualTo(2);
					watches.addAll(watchThreads());
					watches.removeAll(before);
					assertThat(watches).hasSize(1);
				});
		}
		watches.get(0).join(Duration.ofSeconds(20).toMillis());
		assertThat(watches.get(0).isAlive()).isFalse();
	}

	private static List<Thread> watchThreads() {
		return Thread.getAllStackTraces()
			.keySet()
			.stream()
			.filter((thread) -> thread.getName().equals("migrate-script-watch") && thread.isAlive())
			.toList();
	}

	@Test
	void backsOffWhenDisabled() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("migrate.enabled=false")
			.run((context) -> {
				assertThat(context).hasSingleBean(DataSource.class);
				assertThat(context).doesNotHaveBean(Migrator.class);
				assertThat(context).doesNotHaveBean(MigrateInitializer.class);
			});
	}

	@Test
	void profileSpecificPropertiesFileSwitchesItOff() {
		ApplicationContextRunner runner = this.contextRunner
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withInitializer(new ConfigDataApplicationContextInitializer());
		runner.withPropertyValues("spring.profiles.active=nomigrate")
			.run((context) -> assertThat(context).doesNotHaveBean(Migrator.class));
		runner.withPropertyValues("spring.profiles.active=other")
			.run((context) -> assertThat(context).hasSingleBean(Migrator.class));
	}

	@Test
	void createsSeparateDataSourceFromMigrateUrlWithoutApplicationDataSource() {
		String url = "jdbc:h2:mem:" + UUID.randomUUID();
		this.contextRunner.withPropertyValues("migrate.url=" + url, "migrate.user=ddl", "migrate.password=ddl-secret")
			.run((context) -> {
				assertThat(context).doesNotHaveBean(DataSource.class);
				SimpleDriverDataSource dataSource = migrationDataSource(context.getBean(Migrator.class));
				assertThat(dataSource.getUrl()).isEqualTo(url);
				assertThat(dataSource.getUsername()).isEqualTo("ddl");
				assertThat(dataSource.getPassword()).isEqualTo("ddl-secret");
				assertThat(dataSource.getDriver()).isInstanceOf(org.h2.Driver.class);
			});
	}

	@Test
	void takesUserAndPasswordOutOfMigrateUrlBeforeTheDriverSeesThem() {
		this.contextRunner.withPropertyValues("migrate.url=jdbc:mariadb://ddl:ddl-secret@127.0.0.1:9/app")
			.run((context) -> {
				SimpleDriverDataSource dataSource = migrationDataSource(context.getBean(Migrator.class));
				assertThat(dataSource.getUrl()).isEqualTo("jdbc:mariadb://127.0.0.1:9/app");
				assertThat(dataSource.getUsername()).isEqualTo("ddl");
				assertThat(dataSource.getPassword()).isEqualTo("ddl-secret");
			});
	}

	@Test
	void boundsConnectingThroughMigrateUrlWithTheDriversOwnTimeouts() {
		this.contextRunner.withPropertyValues("migrate.url=jdbc:postgresql://127.0.0.1:9/app")
			.run((context) -> assertThat(migrationDataSource(context.getBean(Migrator.class)).getConnectionProperties())
				.containsEntry("connectTimeout", "30")
				.containsEntry("loginTimeout", "30"));
		this.contextRunner.withPropertyValues("migrate.url=jdbc:mysql://127.0.0.1:9/app", "migrate.connect-timeout=5")
			.run((context) -> {
				assertThat(context.getBean(Migrator.class).config().connectTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(migrationDataSource(context.getBean(Migrator.class)).getConnectionProperties())
					.containsOnlyKeys("connectTimeout")
					.containsEntry("connectTimeout", "5000");
			});
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void aPasswordInMigratePropertiesNeverAppearsInTheFailureOrTheLog(CapturedOutput output) {
		// Random, so no constant in the code base can make the check pass by accident; 127.0.0.1:9 refuses.
		String password = "Pw" + UUID.randomUUID().toString().replace("-", "");
		for (String[] properties : List.of(
				new String[] { "migrate.url=jdbc:mariadb://ddl:" + password + "@127.0.0.1:9/app" },
				new String[] { "migrate.url=jdbc:mariadb://127.0.0.1:9/app", "migrate.user=ddl",
						"migrate.password=" + password },
				new String[] { "migrate.url=jdbc:mariadb://127.0.0.1:9/app?user=ddl&password=" + password })) {
			this.contextRunner.withPropertyValues(properties)
				.withPropertyValues("migrate.on-startup=upgrade", "migrate.locations=classpath:no/such/location",
						"migrate.fail-on-missing-locations=false")
				.run((context) -> {
					assertThat(context).hasFailed();
					for (Throwable cause = context.getStartupFailure(); cause != null; cause = cause.getCause()) {
						assertThat(String.valueOf(cause.getMessage())).doesNotContain(password);
					}
				});
		}
		assertThat(output.getAll()).doesNotContain(password);
	}

	@Test
	void prefersMigrateUrlOverApplicationDataSource() {
		String url = "jdbc:h2:mem:" + UUID.randomUUID();
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("migrate.url=" + url, "migrate.driver-class-name=org.h2.Driver")
			.run((context) -> {
				DataSource dataSource = context.getBean(Migrator.class).config().dataSource();
				assertThat(dataSource).isNotSameAs(context.getBean(DataSource.class));
				assertThat(migrationDataSource(context.getBean(Migrator.class)).getUrl()).isEqualTo(url);
			});
	}

	@Test
	void appliesMigrateUserToApplicationUrl() {
		String url = "jdbc:h2:mem:" + UUID.randomUUID();
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + url, "spring.datasource.username=app",
					"migrate.user=ddl", "migrate.password=ddl-secret")
			.run((context) -> {
				SimpleDriverDataSource dataSource = migrationDataSource(context.getBean(Migrator.class));
				assertThat(dataSource.getUrl()).isEqualTo(url);
				assertThat(dataSource.getUsername()).isEqualTo("ddl");
				assertThat(dataSource.getPassword()).isEqualTo("ddl-secret");
			});
	}

	@Test
	void prefersMigrateDataSourceQualifiedBean() {
		this.contextRunner.withUserConfiguration(TwoDataSourcesWithMigrateDataSource.class)
			.withPropertyValues("migrate.url=jdbc:h2:mem:ignored")
			.run((context) -> assertThat(context.getBean(Migrator.class).config().dataSource())
				.isSameAs(context.getBean("ddlDataSource")));
	}

	@Test
	void usesPrimaryDataSourceWhenThereAreSeveral() {
		this.contextRunner.withUserConfiguration(TwoDataSourcesOnePrimary.class)
			.run((context) -> assertThat(context.getBean(Migrator.class).config().dataSource())
				.isSameAs(context.getBean("dataSource")));
	}

	@Test
	void failsWhenNoDataSourceCanBeChosen() {
		this.contextRunner.withUserConfiguration(TwoDataSources.class).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("Migrate migration DataSource missing")
				.hasMessageContaining("@MigrateDataSource")
				.hasMessageContaining("migrate.url");
		});
	}

	@Test
	void backsOffWhenUserDefinesMigrator() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withUserConfiguration(UserMigrator.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(Migrator.class);
				assertThat(context).hasBean("userMigrator");
				assertThat(context).doesNotHaveBean(MigrateInitializer.class);
			});
	}

	@Test
	void mapsEveryEngineProperty() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("migrate.locations=classpath:db/one,filesystem:/opt/two", "migrate.schema=audit",
					"migrate.create-schemas=false", "migrate.version-table=app_version",
					"migrate.history-table=app_history", "migrate.transaction-per-migration=false",
					"migrate.validate-on-migrate=false", "migrate.lock-timeout=5", "migrate.connect-retries=3",
					"migrate.connect-retries-interval=250ms", "migrate.fail-on-missing-locations=true",
					"migrate.dialect=h2", "migrate.ddl-lock-timeout=2s", "migrate.ddl-lock-retries=5")
			.run((context) -> {
				MigrateConfig config = context.getBean(Migrator.class).config();
				assertThat(config.ddlLockTimeout()).isEqualTo(Duration.ofSeconds(2));
				assertThat(config.ddlLockRetries()).isEqualTo(5);
				assertThat(config.locations()).containsExactly("classpath:db/one", "filesystem:/opt/two");
				assertThat(config.schema()).isEqualTo("audit");
				assertThat(config.createSchemas()).isFalse();
				assertThat(config.versionTable()).isEqualTo("app_version");
				assertThat(config.historyTable()).isEqualTo("app_history");
				assertThat(config.transactionPerMigration()).isFalse();
				assertThat(config.validateOnMigrate()).isFalse();
				assertThat(config.lockTimeout()).isEqualTo(Duration.ofSeconds(5));
				assertThat(config.connectRetries()).isEqualTo(3);
				assertThat(config.connectRetriesInterval()).isEqualTo(Duration.ofMillis(250));
				assertThat(config.failOnMissingLocations()).isTrue();
				assertThat(config.dialect()).isEqualTo("h2");
				assertThat(config.classLoader()).isSameAs(context.getClassLoader());
			});
	}

	@Test
	void failsNamingTheInvalidProperty() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withPropertyValues("migrate.version-table=app-version")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure()
					.rootCause()
					.hasMessageStartingWith("Invalid migrate configuration, property 'migrate.version-table': ")
					.hasMessageContaining("'app-version' is not a valid name");
			});
	}

	@Test
	void appliesCustomizersInOrderAfterProperties() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withUserConfiguration(Customizers.class)
			.withPropertyValues("migrate.version-table=from_properties")
			.run((context) -> {
				MigrateConfig config = context.getBean(Migrator.class).config();
				assertThat(config.historyTable()).isEqualTo("from_properties_history");
				assertThat(config.versionTable()).isEqualTo("from_second_customizer");
			});
	}

	@Test
	void registersJavaMigrationAndListenerBeans() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withUserConfiguration(MigrationAndListener.class)
			.run((context) -> {
				MigrateConfig config = context.getBean(Migrator.class).config();
				assertThat(config.javaMigrations()).containsExactly(context.getBean(JavaMigration.class));
				assertThat(config.listeners()).containsExactly(context.getBean(MigrationListener.class));
			});
	}

	@Test
	void strategyReplacesTheStartupMigration() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class))
			.withUserConfiguration(RecordingStrategy.class)
			.withPropertyValues("migrate.on-startup=upgrade")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(RecordingStrategy.class).migrated)
					.containsExactly(context.getBean(Migrator.class));
			});
	}

	@Test
	void createsOneEnginePerInstanceBesideTheDefaultOne() {
		this.contextRunner.withUserConfiguration(TwoDataSourcesOnePrimary.class)
			.withPropertyValues("migrate.instances.reports.data-source=otherDataSource",
					"migrate.instances.reports.locations=classpath:db/reports",
					"migrate.instances.reports.version-table=reports_version",
					"migrate.instances.reports.on-startup=none",
					"migrate.instances.audit.url=jdbc:h2:mem:" + UUID.randomUUID(),
					"migrate.instances.audit.user=auditor", "migrate.instances.audit.on-startup=none",
					"migrate.instances.off.enabled=false", "migrate.instances.off.data-source=missing")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBeansOfType(Migrator.class)).containsOnlyKeys("migrator", "reportsMigrator",
						"auditMigrator");
				assertThat(context.getBeansOfType(MigrateInitializer.class)).containsOnlyKeys("migrateInitializer",
						"reportsMigrateInitializer", "auditMigrateInitializer");
				MigrateConfig main = context.getBean("migrator", Migrator.class).config();
				MigrateConfig reports = context.getBean("reportsMigrator", Migrator.class).config();
				assertThat(main.dataSource()).isSameAs(context.getBean("dataSource"));
				assertThat(main.versionTable()).isEqualTo("migrate_version");
				assertThat(reports.dataSource()).isSameAs(context.getBean("otherDataSource"));
				assertThat(reports.locations()).containsExactly("classpath:db/reports");
				assertThat(reports.versionTable()).isEqualTo("reports_version");
				SimpleDriverDataSource audit = migrationDataSource(context.getBean("auditMigrator", Migrator.class));
				assertThat(audit.getUsername()).isEqualTo("auditor");
			});
	}

	@Test
	void choosesAnInstancesDataSourceAsTheDefaultEnginesOne() {
		this.contextRunner.withUserConfiguration(TwoDataSourcesOnePrimary.class)
			.withPropertyValues("migrate.instances.audit.url=jdbc:mariadb://auditor:audit-secret@127.0.0.1:9/audit",
					"migrate.instances.audit.on-startup=none", "migrate.instances.audit.connect-timeout=7",
					"migrate.instances.reports.data-source=otherDataSource", "migrate.instances.reports.user=reporter",
					"migrate.instances.reports.on-startup=none")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				SimpleDriverDataSource audit = migrationDataSource(context.getBean("auditMigrator", Migrator.class));
				assertThat(audit.getUrl()).isEqualTo("jdbc:mariadb://127.0.0.1:9/audit");
				assertThat(audit.getUsername()).isEqualTo("auditor");
				assertThat(audit.getPassword()).isEqualTo("audit-secret");
				assertThat(audit.getConnectionProperties()).containsEntry("connectTimeout", "7000");
				SimpleDriverDataSource reports = migrationDataSource(context.getBean("reportsMigrator", Migrator.class));
				assertThat(reports.getUsername()).isEqualTo("reporter");
			});
	}

	@Test
	void failsNamingTheInstancesPropertiesWhenItsUrlHoldsAnotherUser() {
		this.contextRunner.withUserConfiguration(TwoDataSourcesOnePrimary.class)
			.withPropertyValues("migrate.instances.audit.url=jdbc:mariadb://auditor:audit-secret@127.0.0.1:9/audit",
					"migrate.instances.audit.user=someone-else")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure()
					.rootCause()
					.hasMessage("migrate.instances.audit.url jdbc:mariadb://auditor:***@127.0.0.1:9/audit holds a user"
							+ " and password that differ from migrate.instances.audit.user and"
							+ " migrate.instances.audit.password; set them in one place");
			});
	}

	@Test
	void failsNamingTheDefaultEnginesPropertiesWhenMigrateUrlHoldsAnotherUser() {
		this.contextRunner.withPropertyValues("migrate.url=jdbc:mariadb://ddl:ddl-secret@127.0.0.1:9/app",
				"migrate.user=someone-else")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure()
					.rootCause()
					.hasMessage("migrate.url jdbc:mariadb://ddl:***@127.0.0.1:9/app holds a user and password that"
							+ " differ from migrate.user and migrate.password; set them in one place");
			});
	}

	@Test
	void failsNamingAnInstanceDataSourceThatIsNotABean() {
		this.contextRunner.withUserConfiguration(TwoDataSourcesOnePrimary.class)
			.withPropertyValues("migrate.instances.reports.data-source=reportingDataSource")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure()
					.rootCause()
					.hasMessage("Property 'migrate.instances.reports.data-source' names 'reportingDataSource', which"
							+ " is not a DataSource bean; DataSource beans: [dataSource, otherDataSource]");
			});
	}

	@Test
	void failsWhenAnInstanceHasNoDatabase() {
		this.contextRunner.withUserConfiguration(TwoDataSourcesOnePrimary.class)
			.withPropertyValues("migrate.instances.reports.target=head")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(context).getFailure()
					.rootCause()
					.hasMessage("Migrate instance 'migrate.instances.reports' has no database: set"
							+ " migrate.instances.reports.data-source to a DataSource bean name or"
							+ " migrate.instances.reports.url to a JDBC URL");
			});
	}

	@Test
	void reportsMigratedDataSourceAsManagedSchema() {
		this.contextRunner.withUserConfiguration(TwoDataSourcesOnePrimary.class).run((context) -> {
			SchemaManagementProvider provider = context.getBean(SchemaManagementProvider.class);
			assertThat(provider.getSchemaManagement(context.getBean("dataSource", DataSource.class)))
				.isEqualTo(SchemaManagement.MANAGED);
			assertThat(provider.getSchemaManagement(context.getBean("otherDataSource", DataSource.class)))
				.isEqualTo(SchemaManagement.UNMANAGED);
		});
	}

	@Test
	void makesJdbcTemplateWaitForTheMigration() {
		this.contextRunner
			.withConfiguration(
					AutoConfigurations.of(DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class))
			.run((context) -> assertThat(context.getBeanFactory().getBeanDefinition("jdbcTemplate").getDependsOn())
				.contains("migrator", "migrateInitializer"));
	}

	@Test
	void exitsAfterMigrateOnlyWhenAsked() {
		ApplicationContextRunner runner = this.contextRunner
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class));
		runner.run((context) -> assertThat(context).doesNotHaveBean(MigrateExitAfterMigrate.class));
		runner.withPropertyValues("migrate.exit-after-migrate=true")
			.run((context) -> assertThat(context).hasSingleBean(MigrateExitAfterMigrate.class));
	}

	@Test
	void registersTheDefaultLocationForNativeImages() {
		RuntimeHints hints = new RuntimeHints();
		new MigrateAutoConfiguration.MigrateAutoConfigurationRuntimeHints().registerHints(hints,
				getClass().getClassLoader());
		assertThat(RuntimeHintsPredicates.resource().forResource("db/migrations/1a2b3c4d5e6f_create_item.sql"))
			.accepts(hints);
	}

	private static SimpleDriverDataSource migrationDataSource(Migrator migrator) {
		assertThat(migrator.config().dataSource()).isInstanceOf(SimpleDriverDataSource.class);
		return (SimpleDriverDataSource) migrator.config().dataSource();
	}

	private static DataSource h2() {
		return new SimpleDriverDataSource(new org.h2.Driver(), "jdbc:h2:mem:" + UUID.randomUUID(), "sa", "");
	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDataSources {

		@Bean
		DataSource firstDataSource() {
			return h2();
		}

		@Bean
		DataSource secondDataSource() {
			return h2();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDataSourcesOnePrimary {

		@Bean
		@Primary
		DataSource dataSource() {
			return h2();
		}

		@Bean
		DataSource otherDataSource() {
			return h2();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TwoDataSourcesWithMigrateDataSource {

		@Bean
		@Primary
		DataSource dataSource() {
			return h2();
		}

		@Bean
		@MigrateDataSource
		DataSource ddlDataSource() {
			return h2();
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserMigrator {

		@Bean
		Migrator userMigrator(DataSource dataSource) {
			return Migrator.create(MigrateConfig.builder().dataSource(dataSource).build());
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class Customizers {

		@Bean
		@Order(2)
		MigrateCustomizer second() {
			return (builder) -> builder.versionTable("from_second_customizer");
		}

		@Bean
		@Order(1)
		MigrateCustomizer first() {
			// Runs after properties: it sees migrate.version-table through the configuration it builds.
			return (builder) -> builder.historyTable(builder.build().versionTable() + "_history");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class MigrationAndListener {

		@Bean
		JavaMigration seedMigration() {
			return (MigrationContext context) -> {
			};
		}

		@Bean
		MigrationListener recordingListener() {
			return new MigrationListener() {
			};
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RecordingStrategy implements MigrateStrategy {

		final List<Migrator> migrated = new ArrayList<>();

		@Override
		public void migrate(Migrator migrator) {
			this.migrated.add(migrator);
		}

	}

}
