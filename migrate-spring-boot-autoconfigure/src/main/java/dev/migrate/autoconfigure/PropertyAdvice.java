package dev.migrate.autoconfigure;

import java.util.List;

import dev.migrate.core.AdvisedSetting;
import dev.migrate.core.StampAdvice;
import dev.migrate.core.graph.MultipleHeadsException;

/**
 * Words the fixes core messages advise as Spring Boot properties ({@code migrate.lock-timeout}), never as a
 * builder method or a command-line command: a setting to change, or a target to choose with
 * {@code migrate.target} instead of {@code migrate merge heads}.
 */
final class PropertyAdvice {

	private PropertyAdvice() {
	}

	/**
	 * @param message a message from the core
	 * @param prefix the instance's property prefix, such as {@code migrate}
	 * @return the message with each advised setting named as a property under the prefix
	 */
	static String reword(String message, String prefix) {
		return StampAdvice.reword(AdvisedSetting.reword(message, (setting) -> advice(setting, prefix)),
				PropertyAdvice::stamp);
	}

	// An application cannot stamp its own database: the command line and the Maven plugin can, so say where.
	private static String stamp(boolean purge, String target) {
		String revision = (target != null) ? " " + target : " <revision>";
		return "'migrate stamp" + (purge ? " --purge" : "") + revision + "' with the migrate command line (or "
				+ StampAdvice.mavenGoal(purge, target) + " from the build)";
	}

	/**
	 * @param failure a failure from the core, whose causes may carry the data of a fix
	 * @param prefix the instance's property prefix, such as {@code migrate}
	 * @return its message with each fix worded as properties under the prefix
	 */
	static String reword(Throwable failure, String prefix) {
		String message = String.valueOf(failure.getMessage());
		for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
			if (cause instanceof MultipleHeadsException heads && !heads.getFix().isEmpty()) {
				message = message.replace(heads.getFix(), targetAdvice(heads, prefix));
			}
		}
		return reword(message, prefix);
	}

	/**
	 * The failure to throw at startup: one whose fix is a command on the command line (two heads under
	 * {@code head}) is thrown again, of the same type and with the same stack, worded with the target property,
	 * so no log line or stack trace tells a Spring Boot user to run a command; any other as it is.
	 * @param failure a failure from the core
	 * @param prefix the instance's property prefix, such as {@code migrate}
	 * @return the failure to throw
	 */
	static RuntimeException forStartup(RuntimeException failure, String prefix) {
		if (failure instanceof MultipleHeadsException heads && !heads.getFix().isEmpty()) {
			MultipleHeadsException reworded = new MultipleHeadsException(heads.getArgument(), heads.getHeads(),
					heads.getMessage().replace(heads.getFix(), targetAdvice(heads, prefix)));
			reworded.setStackTrace(heads.getStackTrace());
			return reworded;
		}
		return failure;
	}

	private static String targetAdvice(MultipleHeadsException heads, String prefix) {
		List<String> targets = heads.getAlternatives().stream().map((target) -> "'" + target + "'").toList();
		return "set " + prefix + ".target to " + String.join(", ", targets) + ((targets.size() == 1)
				? " or a revision id" : "") + ", or add a revision that merges the heads";
	}

	private static String advice(AdvisedSetting setting, String prefix) {
		String property = prefix + "." + MigratorFactory.toKebabCase(setting.javaName());
		return switch (setting) {
			case LOCK_TIMEOUT, DDL_LOCK_TIMEOUT, DDL_LOCK_RETRIES -> "raise " + property;
			case VALIDATE_ON_MIGRATE -> "set " + property + "=false";
			case TRANSACTION_PER_MIGRATION -> "set " + property + "=true";
			case CONNECT_RETRIES -> "set " + property;
			case BASELINE_ON_MIGRATE -> "set " + property + "=true and " + prefix + ".baseline-revision";
			case INIT_SQLS -> "fix or remove it in " + property;
			case PLACEHOLDERS -> "give it a value in " + property + ".<name>";
		};
	}

}
