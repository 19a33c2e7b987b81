#!/usr/bin/env sh
# Many tenants on PostgreSQL (127.0.0.1:5432, user postgres): 100, 300 and 1,000 schemas x 20 revisions from
# empty and the no-op rerun, migrate's fleet runner against a loop of Flyway, interleaved; the databases it
# creates are dropped afterwards. Never part of ./mvnw verify.
#
#   benchmarks/run-tenants.sh                       sizes 100,300,1000, parallelism 4
#   benchmarks/run-tenants.sh sizes=100 parallel=8
# BENCH_MAVEN_FLAGS=-o runs Maven offline.
set -e
cd "$(dirname "$0")/.."
exec ./mvnw -B -q ${BENCH_MAVEN_FLAGS:-} -pl benchmarks -am -Pbench-tenants -DskipTests verify -Dbench.args="${*:-sizes=100,300,1000}"
