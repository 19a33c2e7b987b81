/**
 * {@code migrate lint}: reads revisions' statements for one engine and reports, per rule, what would lock,
 * rewrite, fail or break deployed code when they run, with the safe rewrite. {@link dev.migrate.core.lint.Linter}
 * walks the graph; {@link dev.migrate.core.lint.LintRule} lists the rules; findings come back as
 * {@link dev.migrate.core.lint.LintReport}.
 */
package dev.migrate.core.lint;
