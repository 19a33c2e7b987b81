package dev.migrate.maven;

import java.util.List;

import dev.migrate.core.ConfigurationException;
import dev.migrate.core.JdbcUrls;
import dev.migrate.core.report.Redactor;

/**
 * What a goal runs with, each value with its source.
 *
 * @param url the JDBC URL
 * @param user the user
 * @param password the password
 * @param locations the script locations, each {@code classpath:} or {@code filesystem:} with an absolute path
 * @param locationsSource where the locations came from
 */
record ResolvedConfiguration(Setting url, Setting user, Setting password, List<String> locations,
		String locationsSource) {

	/**
	 * @return the URL
	 * @throws ConfigurationException when none is configured, naming the places one can come from
	 */
	String requireUrl() {
		if (!this.url.isSet()) {
			throw new ConfigurationException("migrate.url", "No database URL: pass -Dmigrate.url=..., set <url> in the "
					+ "plugin's configuration, or set spring.datasource.url in src/main/resources/application.properties "
					+ "(or application.yml; -Dmigrate.profile=NAME also reads application-NAME.properties)");
		}
		return this.url.value();
	}

	/**
	 * @return a redactor for this configuration's URL and password
	 */
	Redactor redactor() {
		return new Redactor(this.url.value(), this.password.value());
	}

	/**
	 * @return the configuration as debug lines, secrets masked
	 */
	List<String> describe() {
		return List.of("migrate configuration:",
				"  url       = " + ((this.url.value() != null) ? JdbcUrls.mask(this.url.value()) : "") + " ("
						+ this.url.source() + ")",
				"  user      = " + ((this.user.value() != null) ? this.user.value() : "") + " (" + this.user.source()
						+ ")",
				"  password  = " + ((this.password.value() != null) ? JdbcUrls.MASK : "") + " ("
						+ this.password.source() + ")",
				"  locations = " + String.join(",", this.locations) + " (" + this.locationsSource + ")");
	}

}
