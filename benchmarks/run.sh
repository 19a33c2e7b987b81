#!/usr/bin/env sh
# Runs every benchmark (migrate vs Flyway, Liquibase and raw JDBC on SQLite, PostgreSQL and MariaDB, plus the
# graph, splitter, autogenerate, CLI and Spring Boot benchmarks) and writes benchmarks/results/ and the README's
# performance section. Never part of ./mvnw verify.
#
#   benchmarks/run.sh                 full run (about 40 minutes on 2 cores)
#   benchmarks/run.sh quick           small sizes, one run, results under benchmarks/target/bench-results/ only
#   benchmarks/run.sh quick only=apply engines=sqlite runs=2 apply=100,300
#   benchmarks/run.sh quick cpu only=no-op engines=postgresql noop=1000,10000 runs=5 largeruns=5 workload=rows
#   benchmarks/run.sh cli-up-to-date runs=5   the CLI's up-to-date upgrade, 100 vs 10,000 revisions (SQLite)
#   benchmarks/run.sh only=steady      /actuator/health and /actuator/migrations req/s, 10 vs 10,000 revisions
#   benchmarks/run.sh only=steady engines=sqlite runs=3 seconds=10 warmup=10 threads=4 sizes=10,10000 profile
#   benchmarks/run.sh only=steady location=filesystem   (scripts in a directory; default: a jar on the class path)
#
# Options: runs=N, largeruns=N (runs at 5,000 revisions and more, and of boot), cpu (CPU time instead of wall
# time), only=apply,no-op,downgrade,cli,boot,micro, engines=sqlite,postgresql,mariadb,
# apply=SIZES, noop=SIZES, downgrade=SIZES, service=SIZE (the CLI and boot size), profile (JFR of migrate and of
# the boot floor), tools=raw_jdbc,raw_jdbc_bookkeeping,raw_check,no_tool,migrate,migrate_one_transaction,
# migrate_jar,migrate_dir,flyway,liquibase (raw_jdbc_bookkeeping: raw JDBC with exactly migrate's bookkeeping,
# the apply floor; raw_check: raw JDBC sending the up-to-date check's statements on migrate's jar database; no_tool:
# the boot benchmark's application without a migration tool, its floor; migrate_jar, migrate_dir: the scripts with
# their index in a jar or a directory; floor_rowid, floor_version_without_rowid, floor_cte_check,
# floor_insert_check, floor_unchecked, floor_one_trip: the apply floor's alternatives, run only when named),
# workload=rows (the no-op's migrations insert one row each into one table instead of creating a table each:
# the database's schema is the same at every N), phases (each child also prints BENCH-PHASES: wall, process CPU,
# main-thread CPU and JIT compiler CPU at its first revision's start and every 100th revision's end, so a tool's
# fixed start and its cost per revision can be told apart).
# BENCH_MAVEN_FLAGS=-o runs Maven offline.
set -e
cd "$(dirname "$0")/.."
if [ "${1:-}" = cli-up-to-date ]; then
	# `migrate upgrade heads` as a whole process on an up-to-date SQLite database, 100 vs 10,000 revisions.
	shift
	exec sh benchmarks/cli-up-to-date.sh "$@"
fi
case " $* " in
*" only=steady "*)
	# A web application serving the actuator, one at a time; its own profile adds the web server and actuator.
	exec ./mvnw -B -q ${BENCH_MAVEN_FLAGS:-} -pl benchmarks -am -Pbench-steady -DskipTests verify -Dbench.args="$*"
	;;
esac
exec ./mvnw -B -q ${BENCH_MAVEN_FLAGS:-} -pl migrate-cli,benchmarks -am -Pbench -DskipTests verify -Dbench.args="${*:-full}"
