/**
 * Side-by-side timings of migrate, Flyway, Liquibase and raw JDBC on SQLite, PostgreSQL and MariaDB. The
 * harness ({@link dev.migrate.benchmarks.BenchmarkMain}) generates one workload per size, runs every timed step
 * in a fresh child JVM ({@link dev.migrate.benchmarks.ChildMain}) so class loading counts, and writes Markdown,
 * CSV and a PNG chart under {@code benchmarks/results/} and into the README. Run it with
 * {@code benchmarks/run.sh}; it is never part of the default build. The statement splitter and revision graph
 * micro-benchmarks ({@link dev.migrate.benchmarks.SplitterBenchmark}, {@link dev.migrate.benchmarks.GraphBenchmark})
 * are JMH benchmarks whose {@code main} runs them and prints their scores against the targets.
 */
package dev.migrate.benchmarks;
