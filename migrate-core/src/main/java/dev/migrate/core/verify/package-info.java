/**
 * Tests of the migrations themselves, as pytest-alembic runs them: a single head (or the declared heads), every
 * revision upgraded from base, the stairway (each revision upgraded, downgraded and upgraded again, with the
 * schema after its downgrade equal to the schema before its upgrade) and, optionally, the model matching the
 * schema at the heads. {@link dev.migrate.core.verify.MigrationTests} is the entry point; it runs on an empty
 * scratch database through the {@link dev.migrate.core.Migrator} facade and reads schemas with autogenerate's
 * reader.
 */
package dev.migrate.core.verify;
