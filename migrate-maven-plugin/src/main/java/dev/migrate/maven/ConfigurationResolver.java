package dev.migrate.maven;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import org.apache.maven.settings.Server;
import org.apache.maven.settings.Settings;
import org.apache.maven.settings.building.SettingsProblem;
import org.apache.maven.settings.crypto.DefaultSettingsDecryptionRequest;
import org.apache.maven.settings.crypto.SettingsDecrypter;
import org.apache.maven.settings.crypto.SettingsDecryptionResult;

import dev.migrate.core.ConfigurationException;

/**
 * Resolves a goal's connection and locations, each from the first place that sets it: the goal's parameter (a
 * {@code migrate.*} user property or the plugin's configuration), the {@code settings.xml} server named by
 * {@code migrate.serverId} (user and password), then the project's {@code spring.datasource.*}.
 */
final class ConfigurationResolver {

	static final String FILESYSTEM = "filesystem:";

	private static final String CLASSPATH = "classpath:";

	private static final String PASSWORD = "migrate.password";

	private final Path basedir;

	private final Settings settings;

	private final SettingsDecrypter decrypter;

	private final UnaryOperator<String> environment;

	/**
	 * @param basedir the project's directory
	 * @param settings the build's settings (for servers)
	 * @param decrypter decrypts server passwords
	 * @param environment environment variables by name, for placeholders in application properties
	 */
	ConfigurationResolver(Path basedir, Settings settings, SettingsDecrypter decrypter,
			UnaryOperator<String> environment) {
		this.basedir = basedir;
		this.settings = settings;
		this.decrypter = decrypter;
		this.environment = environment;
	}

	/**
	 * @param mojo the goal's parameters
	 * @return the configuration
	 */
	ResolvedConfiguration resolve(AbstractMigrateMojo mojo) {
		Setting url = parameter("migrate.url", mojo.url);
		Setting user = parameter("migrate.user", mojo.user);
		Setting password = parameter(PASSWORD, mojo.session.getUserProperties().getProperty(PASSWORD));
		if (mojo.serverId != null && !mojo.serverId.isBlank()) {
			Server server = server(mojo.serverId.trim());
			if (!user.isSet() && server.getUsername() != null) {
				user = new Setting(server.getUsername(), "server '" + server.getId() + "' in settings.xml");
			}
			if (!password.isSet() && server.getPassword() != null) {
				password = new Setting(server.getPassword(), "server '" + server.getId() + "' in settings.xml");
			}
		}
		if (!url.isSet()) {
			Map<String, Setting> spring = new SpringDatasourceProperties(
					this.basedir.resolve("src/main/resources"), this.environment)
				.read(mojo.profile);
			url = spring.getOrDefault(SpringDatasourceProperties.URL, Setting.UNSET);
			if (!user.isSet()) {
				user = spring.getOrDefault(SpringDatasourceProperties.USERNAME, Setting.UNSET);
			}
			if (!password.isSet()) {
				password = spring.getOrDefault(SpringDatasourceProperties.PASSWORD, Setting.UNSET);
			}
		}
		return new ResolvedConfiguration(url, user, password, locations(mojo.locations), "migrate.locations");
	}

	private static Setting parameter(String property, String value) {
		return (value != null && !value.isBlank()) ? new Setting(value.trim(), property) : Setting.UNSET;
	}

	private Server server(String id) {
		Server server = this.settings.getServer(id);
		if (server == null) {
			throw new ConfigurationException("migrate.serverId", "migrate.serverId is '" + id
					+ "', but settings.xml has no <server> with that id; add one or fix migrate.serverId");
		}
		SettingsDecryptionResult result = this.decrypter.decrypt(new DefaultSettingsDecryptionRequest(server));
		for (SettingsProblem problem : result.getProblems()) {
			if (problem.getSeverity() != SettingsProblem.Severity.WARNING) {
				throw new ConfigurationException("migrate.serverId",
						"Could not decrypt the password of server '" + id + "' in settings.xml: " + problem.getMessage());
			}
		}
		return result.getServer();
	}

	private List<String> locations(String configured) {
		List<String> locations = new ArrayList<>();
		for (String entry : configured.split(",")) {
			String location = entry.trim();
			if (location.isEmpty()) {
				continue;
			}
			if (location.startsWith(CLASSPATH)) {
				locations.add(location);
			}
			else {
				String path = location.startsWith(FILESYSTEM) ? location.substring(FILESYSTEM.length()) : location;
				locations.add(FILESYSTEM + this.basedir.resolve(path).toAbsolutePath().normalize());
			}
		}
		if (locations.isEmpty()) {
			throw new ConfigurationException("migrate.locations",
					"migrate.locations is empty; name a directory such as src/main/resources/db/migrations");
		}
		return List.copyOf(locations);
	}

}
