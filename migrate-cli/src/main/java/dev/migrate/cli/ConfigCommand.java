package dev.migrate.cli;

import dev.migrate.core.JdbcUrls;
import picocli.CommandLine.Command;

/**
 * {@code migrate config}: the effective configuration and where each value came from, with secrets masked.
 */
@Command(name = "config", mixinStandardHelpOptions = true,
		description = "Show the effective configuration and where each value comes from.")
final class ConfigCommand extends MigratorCommand {

	@Override
	public Integer call() {
		Settings settings = settings();
		print(String.format("%-16s %s", "config file",
				(settings.configFile() != null) ? settings.configFile() : "(none)"));
		for (Setting setting : settings.all()) {
			String value = setting.value();
			if (value == null) {
				value = "-";
			}
			else if ("password".equals(setting.name())) {
				value = JdbcUrls.MASK;
			}
			else if ("url".equals(setting.name())) {
				value = JdbcUrls.mask(value);
			}
			print(String.format("%-16s %s  (%s)", setting.name(), value, setting.source()));
		}
		return ExitCodes.OK;
	}

}
