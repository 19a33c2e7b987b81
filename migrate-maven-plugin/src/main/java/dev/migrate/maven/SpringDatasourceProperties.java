package dev.migrate.maven;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import dev.migrate.core.ConfigurationException;

/**
 * The {@code spring.datasource.url}, {@code .username} and {@code .password} of a Spring Boot project, read from
 * {@code src/main/resources/application.properties} or {@code application.yml} (then the profile's
 * {@code application-<profile>.*}, which wins), so a Spring project needs no plugin configuration. Placeholders
 * {@code ${NAME}} and {@code ${NAME:default}} resolve from environment variables, as Spring resolves them.
 */
final class SpringDatasourceProperties {

	static final String URL = "spring.datasource.url";

	static final String USERNAME = "spring.datasource.username";

	static final String PASSWORD = "spring.datasource.password";

	private static final List<String> KEYS = List.of(URL, USERNAME, PASSWORD);

	private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");

	private final Path resources;

	private final UnaryOperator<String> environment;

	/**
	 * @param resources the project's {@code src/main/resources}
	 * @param environment environment variables by name ({@code null} when unset)
	 */
	SpringDatasourceProperties(Path resources, UnaryOperator<String> environment) {
		this.resources = resources;
		this.environment = environment;
	}

	/**
	 * @param profile the profile whose file also applies, or {@code null}
	 * @return the three keys that are set, each with the file it came from
	 */
	Map<String, Setting> read(String profile) {
		Map<String, Setting> found = new HashMap<>();
		List<String> names = new ArrayList<>(List.of("application"));
		if (profile != null && !profile.isBlank()) {
			names.add("application-" + profile.trim());
		}
		for (String name : names) {
			for (String extension : List.of(".properties", ".yml", ".yaml")) {
				Path file = this.resources.resolve(name + extension);
				if (Files.isRegularFile(file)) {
					Map<String, String> values = extension.equals(".properties") ? properties(file) : yaml(file);
					for (String key : KEYS) {
						String value = values.get(key);
						String resolved = (value != null) ? resolve(value, key, file) : null;
						// An empty value ("${DB_USER:}") is unset, as Spring's DataSource builder treats it.
						if (resolved != null && !resolved.isBlank()) {
							found.put(key, new Setting(resolved, key + " in " + file.getFileName()));
						}
					}
				}
			}
		}
		return found;
	}

	private static Map<String, String> properties(Path file) {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		catch (IOException | IllegalArgumentException ex) {
			throw new ConfigurationException("spring.datasource.url", "Could not read " + file + ": " + ex.getMessage());
		}
		Map<String, String> values = new HashMap<>();
		properties.stringPropertyNames().forEach((key) -> values.put(key, properties.getProperty(key).trim()));
		return values;
	}

	private static Map<String, String> yaml(Path file) {
		Map<String, String> values = new HashMap<>();
		try (InputStream in = Files.newInputStream(file)) {
			// Spring Boot's multi-document files: later documents win, as they do there (no activation conditions).
			for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(in)) {
				flatten("", document, values);
			}
		}
		catch (IOException | RuntimeException ex) {
			throw new ConfigurationException("spring.datasource.url", "Could not read " + file + ": " + ex.getMessage());
		}
		return values;
	}

	private static void flatten(String prefix, Object node, Map<String, String> values) {
		if (node instanceof Map<?, ?> map) {
			map.forEach((key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value,
					values));
		}
		else if (node != null && !prefix.isEmpty()) {
			values.put(prefix, String.valueOf(node));
		}
	}

	private String resolve(String value, String key, Path file) {
		Matcher matcher = PLACEHOLDER.matcher(value);
		StringBuilder resolved = new StringBuilder();
		while (matcher.find()) {
			String replacement = this.environment.apply(matcher.group(1));
			if (replacement == null) {
				replacement = matcher.group(2);
			}
			if (replacement == null) {
				throw new ConfigurationException(key, key + " in " + file + " uses ${" + matcher.group(1)
						+ "}, which is not set; set that environment variable, or pass -Dmigrate."
						+ key.substring("spring.datasource.".length()).replace("username", "user") + "=...");
			}
			matcher.appendReplacement(resolved, Matcher.quoteReplacement(replacement));
		}
		matcher.appendTail(resolved);
		return resolved.toString();
	}

}
