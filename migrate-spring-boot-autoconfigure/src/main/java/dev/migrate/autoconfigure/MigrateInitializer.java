package dev.migrate.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.migrate.autoconfigure.MigrateEngineProperties.LintOnStartup;
import dev.migrate.autoconfigure.MigrateEngineProperties.OnStartup;
import dev.migrate.core.AppliedRevision;
import dev.migrate.core.CommandKind;
import dev.migrate.core.JdbcUrls;
import dev.migrate.core.MigrateException;
import dev.migrate.core.MigrationResult;
import dev.migrate.core.Migrator;
import dev.migrate.core.ModelSource;
import dev.migrate.core.RevisionInfo;
import dev.migrate.core.ValidationResult;
import dev.migrate.core.autogen.Comparison;
import dev.migrate.core.fleet.FleetResult;
import dev.migrate.core.fleet.TenantResult;
import dev.migrate.core.fleet.TenantState;
import dev.migrate.core.lint.LintFinding;
import dev.migrate.core.lint.LintOptions;
import dev.migrate.core.lint.LintReport;
import dev.migrate.core.lint.Severity;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * Runs the startup migration in {@link #afterPropertiesSet()}: the {@link MigrateStrategy} when there is
 * one, else what {@code on-startup} says. Logs one line with the engine, the DataSource's masked URL, the
 * target and the outcome. With a model ({@code model}), it then compares the database with it: a warning after an
 * upgrade, a failure under {@code on-startup=validate}. Database users wait for this bean (see
 * {@code DatabaseInitializerDetector}).
 */
public class MigrateInitializer implements InitializingBean, Ordered {

	private static final Log logger = LogFactory.getLog(MigrateInitializer.class);

	private static final int LISTED_IN_FULL = 10;

	private final String name;

	private final Migrator migrator;

	private final @Nullable MigrateStrategy strategy;

	private final OnStartup onStartup;

	private final String target;

	private @Nullable ModelSource model;

	private @Nullable MigrateFleet fleet;
	// Loading the model costs a scratch schema or database (DDL) on the server: computed once, then served.
	private volatile @Nullable List<String> modelDifferences;

	private LintOnStartup lint = LintOnStartup.NONE;

	private LintOptions lintOptions = LintOptions.defaults();

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
		lint(where);
		if (this.strategy != null) {
			this.strategy.migrate(this.migrator);
			logger.info(where + ": ran " + this.strategy.getClass().getName() + " instead of " + this.name
					+ ".on-startup=" + lowerCase(this.onStartup));
			return;
		}
		if (this.fleet != null) {
			migrateTenants(this.fleet);
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
			String message = where + ": upgrade to " + this.target + " FAILED: " + PropertyAdvice.reword(ex, this.name);
			logger.error(message);
			RuntimeException failure = PropertyAdvice.forStartup(ex, this.name);
			if (failure instanceof MigrateException migrate) {
				// Names the engine, so the failure analysis words the fix with its properties.
				throw new MigrateStartupException(this.name, message, migrate);
			}
			throw failure;
		}
		// baseline-on-migrate adopted the database: its stamp comes first, and ran nothing.
		List<AppliedRevision> baseline = result.steps()
			.stream()
			.filter((step) -> step.command() == CommandKind.STAMP)
			.toList();
		List<AppliedRevision> steps = result.steps()
			.stream()
			.filter((step) -> step.command() != CommandKind.STAMP)
			.toList();
		String adopted = baseline.isEmpty() ? ""
				: " baselined at " + baseline.get(0).revision() + " (" + this.name + ".baseline-on-migrate),";
		// A repeatable script re-applied at heads is work done: the line does not say "nothing to apply" then.
		String repeatables = result.repeatables().isEmpty() ? ""
				: "; applied repeatable " + ((result.repeatables().size() == 1) ? "script " : "scripts ")
						+ summarize(result.repeatables());
		if (steps.isEmpty()) {
			logger.info(where + ":" + adopted + " already at " + this.target + " " + result.versionRowsAfter()
					+ (repeatables.isEmpty() ? ", nothing to apply" : repeatables));
		}
		else {
			logger.info(where + ":" + adopted + " upgraded to " + this.target + ", applied " + steps.size()
					+ ((steps.size() == 1) ? " revision " : " revisions ")
					+ "(" + summarize(steps.stream().map(AppliedRevision::revision).toList()) + ")"
					+ " in " + result.totalMillis() + " ms; now at " + result.versionRowsAfter() + repeatables);
		}
		List<String> differences = refreshModelDifferences();
		if (differences != null && !differences.isEmpty()) {
			logger.warn(where + ": the database differs from the model " + modelName() + " (" + this.name
					+ ".model): " + String.join("; ", differences)
					+ "; write a revision for them with migrate revision --autogenerate");
		}
	}

	// A failed tenant does not fail startup (the health indicator reports it) unless fail-fast is set.
	private void migrateTenants(MigrateFleet fleet) {
		String where = "Migrate (" + this.name + ".tenants)";
		FleetResult result = switch (this.onStartup) {
			case UPGRADE -> fleet.upgrade(this.target);
			case VALIDATE -> fleet.latest();
			case NONE -> null;
		};
		if (result == null) {
			logger.info(where + ": " + this.name + ".on-startup=none, nothing run");
			return;
		}
		List<TenantResult> failed = result.inState(TenantState.FAILED);
		List<TenantResult> pending = result.inState(TenantState.PENDING);
		if (failed.isEmpty() && pending.isEmpty()) {
			logger.info(where + ": " + result.summary());
			return;
		}
		String message = where + ": " + result.summary() + "; "
				+ failed.stream().limit(10).map(TenantResult::line).collect(Collectors.joining("; "))
				+ ((failed.size() > 10) ? "; ... (/actuator/migrations lists them all)" : "");
		if (fleet.getRunner().config().failFast() || this.onStartup == OnStartup.VALIDATE) {
			logger.error(message);
			throw new MigrateValidationException(this.name + ".tenants", message,
					pending.stream().map((tenant) -> tenant.tenant().name()).toList(),
					failed.stream().map(TenantResult::line).toList());
		}
		logger.error(message);
	}

	/**
	 * @param fleet the tenants to migrate at startup instead of the migrator's database, or {@code null}
	 */
	public void setFleet(@Nullable MigrateFleet fleet) {
		this.fleet = fleet;
	}

	/**
	 * Lists ids for a log line: all of them up to {@value #LISTED_IN_FULL}, else the first and last few and how
	 * many lie between, so that applying a thousand revisions does not write a line of a thousand ids.
	 */
	static String summarize(List<String> ids) {
		if (ids.size() <= LISTED_IN_FULL) {
			return String.join(", ", ids);
		}
		int shown = 3;
		return String.join(", ", ids.subList(0, shown)) + ", ... " + (ids.size() - 2 * shown) + " more ..., "
				+ String.join(", ", ids.subList(ids.size() - shown, ids.size()));
	}

	/**
	 * Lints the scripts before anything runs: each finding is logged (errors at ERROR, the rest at WARN); under
	 * {@code lint.on-startup=fail} an error-severity finding stops startup before the database changes.
	 */
	private void lint(String where) {
		if (this.lint == LintOnStartup.NONE) {
			return;
		}
		LintReport report = this.migrator.lint(null, this.lintOptions);
		for (LintFinding finding : report.findings()) {
			String line = where + ": lint " + finding.location() + ":" + finding.line() + ": " + finding.severity().id()
					+ " " + finding.code() + " " + finding.message() + "; fix: " + finding.fix();
			if (finding.severity() == Severity.ERROR) {
				logger.error(line);
			}
			else {
				logger.warn(line);
			}
		}
		if (this.lint == LintOnStartup.FAIL && report.hasErrors()) {
			List<String> errors = report.findings()
				.stream()
				.filter((finding) -> finding.severity() == Severity.ERROR)
				.map((finding) -> finding.location() + ":" + finding.line() + " " + finding.code() + " "
						+ finding.rule().catches())
				.toList();
			throw new MigrateLintException(this.name, where + ": lint found " + errors.size()
					+ ((errors.size() == 1) ? " error" : " errors") + " (" + this.name + ".lint.on-startup=fail): "
					+ String.join("; ", errors) + "; nothing was changed", report.findings());
		}
	}

	private void validate(String where) {
		ValidationResult validation = this.migrator.validate();
		List<String> pending;
		List<String> repeatables;
		try {
			pending = this.migrator.pending(this.target).stream().map(RevisionInfo::id).toList();
			// What the health indicator reports as pending too: an upgrade would re-run these, so the database is
			// not what the scripts describe (Flyway's validate fails on an outdated repeatable migration alike).
			repeatables = this.migrator.repeatables().isEmpty() ? List.of()
					: this.migrator.health().pendingRepeatables();
		}
		catch (RuntimeException ex) {
			logger.error(where + ": validation against " + this.target + " FAILED: "
					+ PropertyAdvice.reword(ex, this.name));
			throw PropertyAdvice.forStartup(ex, this.name);
		}
		if (validation.isValid() && pending.isEmpty() && repeatables.isEmpty()) {
			validateModel(where);
			logger.info(where + ": validated, at " + this.target + " " + this.migrator.current()
					+ ((this.model != null) ? ", matches the model " + modelName() : ""));
			return;
		}
		StringBuilder message = new StringBuilder(
				where + " is not at " + this.target + " (" + this.name + ".on-startup=validate):");
		if (!pending.isEmpty()) {
			message.append(" ").append(pending.size()).append(" pending ")
				.append((pending.size() == 1) ? "revision " : "revisions ")
				.append(summarize(pending))
				.append(";");
		}
		if (!repeatables.isEmpty()) {
			message.append(" ").append(repeatables.size())
				.append((repeatables.size() == 1) ? " pending repeatable script " : " pending repeatable scripts ")
				.append(summarize(repeatables))
				.append(";");
		}
		// The problems name the fix as a migrate.* property, in the message and in the exception alike.
		List<String> problems = validation.problems()
			.stream()
			.map((problem) -> PropertyAdvice.reword(problem, this.name))
			.toList();
		for (String problem : problems) {
			message.append(" ").append(problem).append(";");
		}
		message.append(" nothing was changed. Apply ")
			.append(pending.isEmpty() && !repeatables.isEmpty() ? "the repeatable scripts" : "the revisions")
			.append(" (migrate upgrade ")
			.append(this.target)
			.append(") or set ")
			.append(this.name)
			.append(".on-startup=upgrade");
		logger.error(message);
		throw new MigrateValidationException(this.name, message.toString(), pending, repeatables, problems, List.of());
	}

	private void validateModel(String where) {
		List<String> differences = refreshModelDifferences();
		if (differences == null || differences.isEmpty()) {
			return;
		}
		String message = where + " differs from the model " + modelName() + " (" + this.name + ".model, " + this.name
				+ ".on-startup=validate): " + String.join("; ", differences) + "; nothing was changed. Write a revision"
				+ " for the differences (migrate revision --autogenerate -m MESSAGE --model FILE) and apply it, or"
				+ " correct " + this.name + ".model";
		logger.error(message);
		throw new MigrateValidationException(this.name, message, List.of(), List.of(), differences);
	}

	/**
	 * How the database differed from the model when it was last compared: at startup (after the upgrade or
	 * validation), else on the first call, and again only on {@link #refreshModelDifferences()}. Comparing loads
	 * the model into a scratch schema or database, so health probes and the endpoint read this snapshot instead.
	 * @return one description per difference (such as {@code add column item.sku}), empty when the database
	 * matched the model, or {@code null} when there is no model
	 */
	public @Nullable List<String> modelDifferences() {
		List<String> differences = this.modelDifferences;
		return (differences != null || this.model == null) ? differences : refreshModelDifferences();
	}

	/**
	 * Compares the database with the model now (changing nothing in it) and keeps the result as the snapshot
	 * {@link #modelDifferences()} serves; call it after changing the schema outside migrate.
	 * @return the differences, as {@link #modelDifferences()} describes them, or {@code null} without a model
	 */
	public synchronized @Nullable List<String> refreshModelDifferences() {
		if (this.model == null) {
			return null;
		}
		Comparison comparison = this.migrator.compareModel(this.model);
		List<String> differences = new ArrayList<>();
		comparison.changes().forEach((change) -> differences.add(change.description()));
		differences.addAll(comparison.notGenerated());
		this.modelDifferences = List.copyOf(differences);
		return this.modelDifferences;
	}

	private String modelName() {
		return (this.model != null) ? this.model.name() : "";
	}

	/**
	 * @return the model the database is checked against, or {@code null}
	 */
	public @Nullable ModelSource getModel() {
		return this.model;
	}

	/**
	 * @param model the model to check the database against after an upgrade (a warning) or under
	 * {@code on-startup=validate} (a failure), or {@code null} for none
	 */
	public void setModel(@Nullable ModelSource model) {
		this.model = model;
		this.modelDifferences = null;
	}

	/**
	 * @param lint what the startup lint does with its findings
	 * @param options its severities and whether it reads downgrades
	 */
	public void setLint(LintOnStartup lint, LintOptions options) {
		this.lint = lint;
		this.lintOptions = options;
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
