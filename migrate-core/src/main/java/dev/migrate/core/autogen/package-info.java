/**
 * Autogenerate: {@link dev.migrate.core.autogen.SchemaModel} values reflected from a live database or from a
 * model DDL file applied to a scratch database of the same engine, the diff between them as an ordered list of
 * {@link dev.migrate.core.ops.Operation}s, and the renderer that writes both directions as an SQL revision.
 * {@link dev.migrate.core.autogen.Autogenerate} is the entry point the facade uses.
 */
package dev.migrate.core.autogen;
