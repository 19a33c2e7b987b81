package dev.migrate.autoconfigure;

import dev.migrate.core.ConfigurationException;
import dev.migrate.core.MigrateException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Explains a startup that failed in migrate: the message (which names the revision, file, property and the
 * state left behind) and what to do.
 */
final class MigrateFailureAnalyzer extends AbstractFailureAnalyzer<MigrateException> {

	private static final String INSTANCES = "migrate.instances.";

	private static final String TENANTS = ".tenants";

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrateException cause) {
		String prefix = engine(cause);
		String message = (cause instanceof MigrateStartupException) ? cause.getMessage()
				: PropertyAdvice.reword(cause, prefix);
		MigrateException failure = (cause instanceof MigrateStartupException startup) ? startup.getFailure() : cause;
		return new FailureAnalysis("Migrate failed at startup: " + message, action(failure, prefix), cause);
	}

	// The engine whose properties to change: the default one unless the failure names an instance.
	private static String engine(MigrateException cause) {
		if (cause instanceof MigrateStartupException startup) {
			return startup.getEngine();
		}
		if (cause instanceof MigrateValidationException validation) {
			// A tenants failure is named '<prefix>.tenants'; its properties (on-startup and the rest) are the prefix's.
			String engine = validation.getEngine();
			return engine.endsWith(TENANTS) ? engine.substring(0, engine.length() - TENANTS.length()) : engine;
		}
		if (cause instanceof MigrateLintException lint) {
			return lint.getEngine();
		}
		if (cause instanceof ConfigurationException configuration
				&& configuration.getSetting().startsWith(INSTANCES)) {
			String setting = configuration.getSetting();
			int end = setting.indexOf('.', INSTANCES.length());
			return (end > 0) ? setting.substring(0, end) : setting;
		}
		return "migrate";
	}

	private String action(MigrateException cause, String prefix) {
		String which = prefix.equals("migrate") ? "" : " (the engine " + prefix + ")";
		if (cause instanceof MigrateValidationException validation && !validation.getModelDifferences().isEmpty()) {
			return "Write a revision for the differences listed above (migrate revision --autogenerate -m MESSAGE"
					+ " --model FILE, with the DDL of " + validation.getEngine() + ".model) and apply it, or correct "
					+ validation.getEngine() + ".model.";
		}
		if (cause instanceof MigrateLintException lint) {
			return "Rewrite the statements listed above as the logged findings say (each names the safe rewrite),"
					+ " suppress one with '-- migrate:lint-ignore CODE reason' on the line before it, change a rule's"
					+ " severity with " + lint.getEngine() + ".lint.severity.<CODE>, or set " + lint.getEngine()
					+ ".lint.on-startup=log.";
		}
		if (cause instanceof MigrateValidationException validation) {
			return "Apply " + pendingWork(validation) + " (migrate upgrade heads) or set " + prefix
					+ ".on-startup=upgrade; fix any validation problem listed above.";
		}
		if (cause instanceof ConfigurationException configuration) {
			String setting = configuration.getSetting();
			String property = setting.startsWith("migrate.") ? setting
					: prefix + "." + MigratorFactory.toKebabCase(setting);
			return "Fix the property '" + property + "' in the application's configuration" + which + ".";
		}
		return "Fix the revision or setting named above and restart; migrate resumes from the version table."
				+ " To start without migrating, set " + prefix + ".on-startup=none.";
	}

	// What validate found waiting: the tenants' pending work, or the database's revisions or repeatable scripts.
	private static String pendingWork(MigrateValidationException validation) {
		if (validation.getEngine().endsWith(TENANTS)) {
			return "what the tenants have pending";
		}
		if (validation.getPending().isEmpty() && !validation.getPendingRepeatables().isEmpty()) {
			return "the pending repeatable scripts";
		}
		return "the pending revisions";
	}

}
