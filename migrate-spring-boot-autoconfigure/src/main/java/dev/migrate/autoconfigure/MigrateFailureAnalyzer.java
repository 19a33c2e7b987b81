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

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, MigrateException cause) {
		String prefix = (cause instanceof MigrateValidationException validation) ? validation.getEngine() : "migrate";
		return new FailureAnalysis("Migrate failed at startup: " + PropertyAdvice.reword(cause, prefix),
				action(cause), cause);
	}

	private String action(MigrateException cause) {
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
			return "Apply the pending revisions (migrate upgrade heads) or set " + validation.getEngine()
					+ ".on-startup=upgrade; fix any validation problem listed above.";
		}
		if (cause instanceof ConfigurationException configuration) {
			String setting = configuration.getSetting();
			String property = setting.startsWith("migrate.") ? setting
					: "migrate." + MigratorFactory.toKebabCase(setting);
			return "Fix the property '" + property + "' in the application's configuration.";
		}
		return "Fix the revision or setting named above and restart; migrate resumes from the version table."
				+ " To start without migrating, set migrate.on-startup=none.";
	}

}
