/**
 * The revision graph: {@link dev.migrate.core.graph.Revision} values, the immutable
 * {@link dev.migrate.core.graph.RevisionGraph} built and validated from them, the target grammar ({@code head},
 * {@code heads}, {@code base}, ids and prefixes, {@code label@...}, {@code +N}/{@code -N} walks, history ranges),
 * and step planning ({@link dev.migrate.core.graph.Step}: what to run and how the version table changes). Errors
 * are {@link dev.migrate.core.graph.RevisionGraphException}s carrying their facts as fields. Pure: no files, no
 * database, no {@code java.sql}.
 */
package dev.migrate.core.graph;
