/**
 * Test support shared by every module: a fresh, uniquely named, empty database per test for each
 * engine ({@link dev.migrate.testsupport.TestDatabases}), and {@link dev.migrate.testsupport.EachEngine}
 * to run one test against every engine that can be reached.
 */
package dev.migrate.testsupport;
