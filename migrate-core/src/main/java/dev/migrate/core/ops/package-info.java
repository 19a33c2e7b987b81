/**
 * Schema operations, the equivalent of Alembic's {@code op}: one record per operation in
 * {@link dev.migrate.core.ops.Operation}, each able to produce its inverse, the definitions they carry
 * ({@link dev.migrate.core.ops.Table}, {@link dev.migrate.core.ops.Column}, indexes and constraints), SQL
 * rendering per engine (SQLite changes its {@code ALTER TABLE} cannot express become a table rebuild), and the
 * {@link dev.migrate.core.ops.Operations} facade for Java migrations.
 */
package dev.migrate.core.ops;
