package dev.migrate.autoconfigure;

import java.util.Arrays;
import java.util.Map;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import dev.migrate.core.ConfigurationException;
import dev.migrate.core.Migrator;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.NoSuchBeanDefinitionException;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.util.Assert;

/**
 * Registers, for each enabled {@code migrate.instances.<name>}, a {@link Migrator} bean named
 * {@code <name>Migrator} and a {@link MigrateInitializer} named {@code <name>MigrateInitializer}. It runs after
 * configuration classes were processed, so these engines do not switch off the default one.
 */
final class MigrateInstancesRegistrar implements BeanDefinitionRegistryPostProcessor {

	private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,62}");

	private final Environment environment;

	private @Nullable ConfigurableListableBeanFactory beanFactory;

	MigrateInstancesRegistrar(Environment environment) {
		this.environment = environment;
	}

	@Override
	public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry) {
		Map<String, MigrateProperties.Instance> instances = Binder.get(this.environment)
			.bind("migrate.instances", Bindable.mapOf(String.class, MigrateProperties.Instance.class))
			.orElseGet(Map::of);
		instances.forEach((name, instance) -> {
			String prefix = "migrate.instances." + name;
			if (!NAME.matcher(name).matches()) {
				throw new ConfigurationException(prefix, "Invalid migrate instance name '" + name + "' in '" + prefix
						+ "': use a letter, then letters, digits, '_' or '-' (at most 63)");
			}
			if (instance.isEnabled()) {
				register(registry, name, prefix, instance);
			}
		});
	}

	@Override
	public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
		this.beanFactory = beanFactory;
	}

	private void register(BeanDefinitionRegistry registry, String name, String prefix,
			MigrateProperties.Instance instance) {
		String migratorName = name + "Migrator";
		RootBeanDefinition migrator = new RootBeanDefinition(Migrator.class,
				() -> createMigrator(prefix, instance));
		registry.registerBeanDefinition(migratorName, migrator);
		RootBeanDefinition initializer = new RootBeanDefinition(MigrateInitializer.class,
				() -> createInitializer(prefix, migratorName, instance));
		registry.registerBeanDefinition(name + "MigrateInitializer", initializer);
	}

	private MigrateInitializer createInitializer(String prefix, String migratorName,
			MigrateProperties.Instance instance) {
		MigrateInitializer initializer = new MigrateInitializer(prefix,
				beanFactory().getBean(migratorName, Migrator.class),
				beanFactory().getBeanProvider(MigrateStrategy.class).getIfAvailable(), instance.getOnStartup(),
				instance.getTarget());
		initializer.setModel(beanFactory().getBean(MigratorFactory.class).model(prefix, instance));
		initializer.setLint(instance.getLint().getOnStartup(), MigratorFactory.lintOptions(prefix, instance));
		return initializer;
	}

	private Migrator createMigrator(String prefix, MigrateProperties.Instance instance) {
		DataSource dataSource = getMigrationDataSource(prefix, instance);
		return beanFactory().getBean(MigratorFactory.class).create(prefix, instance, dataSource);
	}

	private DataSource getMigrationDataSource(String prefix, MigrateProperties.Instance instance) {
		return MigrationDataSources.choose(prefix, null,
				new MigrateAutoConfiguration.PropertiesMigrateConnectionDetails(instance), instance.getConnectTimeout(),
				() -> namedDataSource(prefix, instance.getDataSource()));
	}

	private DataSource namedDataSource(String prefix, @Nullable String dataSourceName) {
		if (dataSourceName == null) {
			throw new ConfigurationException(prefix + ".data-source", "Migrate instance '" + prefix
					+ "' has no database: set " + prefix + ".data-source to a DataSource bean name or " + prefix
					+ ".url to a JDBC URL");
		}
		try {
			return beanFactory().getBean(dataSourceName, DataSource.class);
		}
		catch (NoSuchBeanDefinitionException ex) {
			throw new ConfigurationException(prefix + ".data-source",
					"Property '" + prefix + ".data-source' names '" + dataSourceName
							+ "', which is not a DataSource bean; DataSource beans: "
							+ Arrays.toString(beanFactory().getBeanNamesForType(DataSource.class)));
		}
	}

	private ConfigurableListableBeanFactory beanFactory() {
		Assert.state(this.beanFactory != null, "Bean factory not set");
		return this.beanFactory;
	}

}
