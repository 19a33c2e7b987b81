package dev.migrate.autoconfigure;

import java.beans.Introspector;
import java.beans.PropertyDescriptor;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the {@code META-INF/spring-configuration-metadata.json} that {@code spring-boot-configuration-processor}
 * generates: every {@code migrate.*} property, with a description, and hints for the enum values.
 */
class ConfigurationMetadataTests {

	@Test
	void describesEveryMigrateProperty() throws Exception {
		Map<String, JsonNode> properties = new HashMap<>();
		metadata().get("properties").forEach((property) -> properties.put(property.get("name").asString(), property));
		List<String> expected = new ArrayList<>();
		for (PropertyDescriptor descriptor : Introspector.getBeanInfo(MigrateProperties.class, Object.class)
			.getPropertyDescriptors()) {
			if (!descriptor.getName().equals("lint")) {
				expected.add("migrate." + MigratorFactory.toKebabCase(descriptor.getName()));
			}
		}
		expected.addAll(List.of("migrate.lint.on-startup", "migrate.lint.severity", "migrate.lint.downgrades"));
		assertThat(expected).hasSize(27).contains("migrate.on-startup", "migrate.exit-after-migrate");
		assertThat(properties).containsKeys(expected.toArray(String[]::new));
		for (String name : expected) {
			assertThat(properties.get(name).path("description").asString()).as(name).isNotBlank().endsWith(".");
		}
		assertThat(properties.get("migrate.locations").get("defaultValue").get(0).asString())
			.isEqualTo("classpath:db/migrations");
	}

	@Test
	void describesEverySubKeyOfAnInstance() throws Exception {
		Map<String, JsonNode> properties = new HashMap<>();
		metadata().get("properties").forEach((property) -> properties.put(property.get("name").asString(), property));
		List<String> names = new ArrayList<>();
		for (PropertyDescriptor descriptor : Introspector.getBeanInfo(MigrateProperties.Instance.class, Object.class)
			.getPropertyDescriptors()) {
			if (descriptor.getName().equals("lint")) {
				names.addAll(List.of("lint.on-startup", "lint.severity", "lint.downgrades"));
			}
			else {
				names.add(MigratorFactory.toKebabCase(descriptor.getName()));
			}
		}
		assertThat(names).contains("url", "data-source", "enabled", "on-startup");
		for (String name : names) {
			JsonNode instance = properties.get("migrate.instances.*." + name);
			assertThat(instance).as("migrate.instances.*.%s", name).isNotNull();
			assertThat(instance.path("description").asString()).as(name).isNotBlank().endsWith(".");
			JsonNode main = properties.get("migrate." + name);
			if (main != null && !name.equals("enabled")) {
				// The same setting as the default engine's: the same description and default.
				assertThat(instance.path("description").asString()).as(name)
					.isEqualTo(main.path("description").asString());
				assertThat(instance.path("defaultValue")).as(name).isEqualTo(main.path("defaultValue"));
			}
		}
	}

	@Test
	void describesTheHealthIndicatorSwitch() throws Exception {
		JsonNode enabled = null;
		for (JsonNode property : metadata().get("properties")) {
			if (property.get("name").asString().equals("management.health.migrations.enabled")) {
				enabled = property;
			}
		}
		assertThat(enabled).isNotNull();
		assertThat(enabled.path("description").asString()).isNotBlank();
		assertThat(enabled.path("defaultValue").asBoolean()).isTrue();
	}

	@Test
	void hintsTheOnStartupValues() throws Exception {
		List<String> values = new ArrayList<>();
		metadata().get("hints").forEach((hint) -> {
			if (hint.get("name").asString().equals("migrate.on-startup")) {
				hint.get("values").forEach((value) -> values.add(value.get("value").asString()));
			}
		});
		assertThat(values).containsExactly("upgrade", "validate", "none");
	}

	@Test
	void hintsTheLintValuesAndRuleCodes() throws Exception {
		List<String> onStartup = new ArrayList<>();
		List<String> codes = new ArrayList<>();
		metadata().get("hints").forEach((hint) -> {
			List<String> into = switch (hint.get("name").asString()) {
				case "migrate.lint.on-startup" -> onStartup;
				case "migrate.lint.severity.keys" -> codes;
				default -> new ArrayList<>();
			};
			hint.get("values").forEach((value) -> into.add(value.get("value").asString()));
		});
		assertThat(onStartup).containsExactly("none", "log", "fail");
		assertThat(codes).containsExactly(java.util.Arrays.stream(dev.migrate.core.lint.LintRule.values())
			.map(dev.migrate.core.lint.LintRule::code)
			.toArray(String[]::new));
	}

	private static JsonNode metadata() throws Exception {
		try (InputStream input = ConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(input).isNotNull();
			return JsonMapper.builder().build().readTree(input);
		}
	}

}
