package dev.migrate.core.lint;

import java.util.EnumMap;
import java.util.Map;

import dev.migrate.core.script.SqlSyntax;

/**
 * What {@code migrate lint} checks: for which engine, at what severity per rule, and whether downgrades too.
 *
 * @param engine the engine whose sections and rules apply, or {@code null} to take the configured dialect (or
 * the one the JDBC URL names)
 * @param severities severities that replace rules' defaults ({@link Severity#OFF} turns a rule off)
 * @param downgrades whether to read downgrade sections as well (they are destructive by nature, so not by
 * default)
 */
public record LintOptions(SqlSyntax engine, Map<LintRule, Severity> severities, boolean downgrades) {

	/**
	 * Copies the severities.
	 */
	public LintOptions {
		severities = severities.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(severities));
	}

	/**
	 * @return the configured engine, every rule at its default, upgrades only
	 */
	public static LintOptions defaults() {
		return new LintOptions(null, Map.of(), false);
	}

	/**
	 * @param engine the engine
	 * @return these options for that engine
	 */
	public LintOptions withEngine(SqlSyntax engine) {
		return new LintOptions(engine, this.severities, this.downgrades);
	}

	/**
	 * @param rule a rule
	 * @param severity its severity from now on
	 * @return these options with that severity
	 */
	public LintOptions withSeverity(LintRule rule, Severity severity) {
		Map<LintRule, Severity> copy = new EnumMap<>(LintRule.class);
		copy.putAll(this.severities);
		copy.put(rule, severity);
		return new LintOptions(this.engine, copy, this.downgrades);
	}

	/**
	 * @param downgrades whether to read downgrade sections
	 * @return these options with that choice
	 */
	public LintOptions withDowngrades(boolean downgrades) {
		return new LintOptions(this.engine, this.severities, downgrades);
	}

	/**
	 * @param rule a rule
	 * @return its severity under these options
	 */
	public Severity severityOf(LintRule rule) {
		return this.severities.getOrDefault(rule, rule.defaultSeverity());
	}

}
