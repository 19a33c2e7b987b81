package dev.migrate.autoconfigure;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.migrate.autoconfigure.MigrateEngineProperties.OnStartup;
import dev.migrate.core.AppliedRevision;
import dev.migrate.core.JdbcUrls;
import dev.migrate.core.MigrationResult;
import dev.migrate.core.Migrator;
import dev.migrate.core.RevisionInfo;
import dev.migrate.core.ValidationResult;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * Runs the startup migration in {@link #afterPropertiesSet()}: the {@link MigrateStrategy} when there is
 * one, else what {@code on-startup} says. Logs one line with the engine, the DataSource's masked URL, the
 * target and the outcome. Database users wait for this bean (see {@code DatabaseInitializerDetector}).
 */
public class MigrateInitializer implements InitializingBean, Ordered {

	private static final Log logger = LogFactory.getLog(MigrateInitializer.class);

	private final String name;

	private final Migrator migrator;

	private final @Nullable MigrateStrategy strategy;

	private final OnStartup onStartup;

	private final String target;

	private int order;

	/**
	 * Creates an initializer that upgrades to {@code heads}.
	 * @param migrator the engine
	 */
	public MigrateInitializer(Migrator migrator) {
		this("migrate", migrator, null, OnStartup.UPGRADE, "heads");
	}

	/**
	 * Creates an initializer.
	 * @param name the engine's property prefix ({@code migrate} or {@code migrate.instances.<name>}), which
	 * names it in log lines and messages
	 * @param migrator the engine
	 * @param strategy the strategy that replaces {@code on-startup}, or {@code null}
	 * @param onStartup what to do at startup
	 * @param target the target of the upgrade
	 */
	public MigrateInitializer(String name, Migrator migrator, @Nullable MigrateStrategy strategy, OnStartup onStartup,
			String target) {
		Assert.notNull(migrator, "'migrator' must not be null");
		this.name = name;
		this.migrator = migrator;
		this.strategy = strategy;
		this.onStartup = onStartup;
		this.target = target;
	}

	@Override
	public void afterPropertiesSet() {
		String where = "Migrate (" + this.name + ") at " + describeDataSource();
		if (this.strategy != null) {
			this.strategy.migrate(this.migrator);
			logger.info(where + ": ran " + this.strategy.getClass().getName() + " instead of " + this.name
					+ ".on-startup=" + lowerCase(this.onStartup));
			return;
		}
		switch (this.onStartup) {
			case UPGRADE -> upgrade(where);
			case VALIDATE -> validate(where);
			case NONE -> logger.info(where + ": " + this.name + ".on-startup=none, nothing run");
		}
	}

	private void upgrade(String where) {
		MigrationResult result;
		try {
			result = this.migrator.upgrade(this.target);
		}
		catch (RuntimeException ex) {
			logger.error(where + ": upgrade to " + this.target + " FAILED: " + ex.getMessage());
			throw ex;
		}
		List<AppliedRevision> steps = result.steps();
		if (steps.isEmpty()) {
			logger.info(where + ": already at " + this.target + " " + result.versionRowsAfter()
					+ ", nothing to apply");
		}
		else {
			logger.info(where + ": upgraded to " + this.target + ", applied " + steps.size()
					+ ((steps.size() == 1) ? " revision " : " revisions ")
					+ steps.stream().map(AppliedRevision::revision).collect(Collectors.joining(", ", "(", ")"))
					+ " in " + result.totalMillis() + " ms; now at " + result.versionRowsAfter());
		}
	}

	private void validate(String where) {
		ValidationResult validation = this.migrator.validate();
		List<String> pending = this.migrator.pending(this.target).stream().map(RevisionInfo::id).toList();
		if (validation.isValid() && pending.isEmpty()) {
			logger.info(where + ": validated, at " + this.target + " " + this.migrator.current());
			return;
		}
		StringBuilder message = new StringBuilder(
				where + " is not at " + this.target + " (" + this.name + ".on-startup=validate):");
		if (!pending.isEmpty()) {
			message.append(" ").append(pending.size()).append(" pending ")
				.append((pending.size() == 1) ? "revision " : "revisions ")
				.append(String.join(", ", pending))
				.append(";");
		}
		for (String problem : validation.problems()) {
			message.append(" ").append(problem).append(";");
		}
		message.append(" nothing was changed. Apply the revisions (migrate upgrade ")
			.append(this.target)
			.append(") or set ")
			.append(this.name)
			.append(".on-startup=upgrade");
		logger.error(message);
		throw new MigrateValidationException(this.name, message.toString(), pending, validation.problems());
	}

	private String describeDataSource() {
		DataSource dataSource = this.migrator.config().dataSource();
		if (dataSource != null) {
			return DataSourceUrls.describe(dataSource);
		}
		String url = this.migrator.config().url();
		return (url != null) ? JdbcUrls.mask(url) : "an unknown URL";
	}

	private static String lowerCase(OnStartup onStartup) {
		return onStartup.name().toLowerCase(Locale.ROOT);
	}

	/**
	 * @return the engine
	 */
	public Migrator getMigrator() {
		return this.migrator;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	/**
	 * @param order the order of this initializer among other ordered beans
	 */
	public void setOrder(int order) {
		this.order = order;
	}

}
