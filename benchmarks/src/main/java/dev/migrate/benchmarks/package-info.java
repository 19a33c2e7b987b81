/**
 * Side-by-side timings of migrate, Flyway, Liquibase and raw JDBC on SQLite, PostgreSQL and MariaDB. The
 * harness ({@link dev.migrate.benchmarks.BenchmarkMain}) generates one workload per size, runs every timed step
 * in a fresh child JVM ({@link dev.migrate.benchmarks.ChildMain}) so class loading counts, and writes Markdown,
 * CSV and a PNG chart under {@code benchmarks/results/} and into the README. Run it with
 * {@code benchmarks/run.sh}; it is never part of the default build.
 */
package dev.migrate.benchmarks;
