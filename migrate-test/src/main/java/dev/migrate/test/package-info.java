/**
 * Test your migrations in one line of JUnit 5: {@link dev.migrate.test.MigrationAssertions} runs the migration
 * tests (a single head and the stairway) on an empty scratch database and fails with the report when a downgrade
 * leaves a trace.
 */
package dev.migrate.test;
