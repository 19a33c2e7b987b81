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
			if (!descriptor.getName().equals("lint") && !descriptor.getName().equals("tenants")) {
				expected.add("migrate." + MigratorFactory.toKebabCase(descriptor.getName()));
			}
		}
		expected.addAll(List.of("migrate.lint.on-startup", "migrate.lint.severity", "migrate.lint.downgrades"));
		expected.addAll(List.of("migrate.tenants.names", "migrate.tenants.query", "migrate.tenants.mode",
				"migrate.tenants.url-template", "migrate.tenants.parallelism", "migrate.tenants.shard",
				"migrate.tenants.fail-fast"));
		assertThat(expected).hasSize(41).contains("migrate.on-startup", "migrate.exit-after-migrate");
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
		// Every key of the default engine is also a key of each instance, with the same description and default.
		List<String> engineKeys = properties.keySet()
			.stream()
			.filter((name) -> name.startsWith("migrate.") && !name.startsWith("migrate.instances"))
			.filter((name) -> !name.equals("migrate.enabled") && !name.equals("migrate.exit-after-migrate"))
			.filter((name) -> !name.startsWith("migrate.tenants."))
			.toList();
		assertThat(engineKeys).contains("migrate.url", "migrate.on-startup");
		for (String key : engineKeys) {
			String name = "migrate.instances.*." + key.substring("migrate.".length());
			JsonNode instance = properties.get(name);
			assertThat(instance).as(name).isNotNull();
			assertThat(instance.path("description").asString()).as(name)
				.isEqualTo(properties.get(key).path("description").asString());
			assertThat(instance.path("defaultValue")).as(name).isEqualTo(properties.get(key).path("defaultValue"));
		}
		for (String own : List.of("enabled", "data-source")) {
			assertThat(properties.get("migrate.instances.*." + own).path("description").asString()).as(own)
				.isNotBlank()
				.endsWith(".");
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
