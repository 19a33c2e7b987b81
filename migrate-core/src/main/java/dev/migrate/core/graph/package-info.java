/**
 * The revision graph: {@link dev.migrate.core.graph.Revision} values, the immutable graph built from them, the
 * target grammar and step planning. Pure: no files, no database, no {@code java.sql}.
 */
package dev.migrate.core.graph;
