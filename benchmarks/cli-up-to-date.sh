#!/usr/bin/env sh
# The command line on an up-to-date SQLite database: `migrate upgrade heads` as a whole process (JVM start
# included), with 100 and with 10,000 revisions applied, the scripts in a directory without and with the script
# index (`migrate index`), and with the index plus the class-data-sharing archive bin/migrate writes on first
# use. Runs interleaved; prints the median wall and CPU (user + system) time of each. Run by
# `benchmarks/run.sh cli-up-to-date [runs=N] [workload=rows]`; never part of ./mvnw verify. With workload=rows the
# first revision creates one table and each other one inserts a row into it, so the database's schema is the same
# at both sizes and the growth left is migrate's own.
set -e
cd "$(dirname "$0")/.."
runs=5
rows=0
for arg in "$@"; do
	case "$arg" in
		runs=*) runs=${arg#runs=} ;;
		workload=rows) rows=1 ;;
		workload=tables) rows=0 ;;
		*) echo "Unknown option '$arg'; use runs=N, workload=tables or workload=rows" >&2; exit 2 ;;
	esac
done
work=benchmarks/target/cli-up-to-date
if [ "$rows" = 1 ]; then
	work=$work-rows
fi
mkdir -p "$work"
jar=migrate-cli/target/migrate.jar
[ -f "$jar" ] || ./mvnw -B -q ${BENCH_MAVEN_FLAGS:-} -pl migrate-cli -am package -DskipTests
# A fresh archive for this jar: the first run below writes it.
rm -f migrate-cli/target/migrate*.jsa
# $1: mode (plain, index, index+cds), $2: N, then the command's arguments; prints what the command prints.
cli() {
	mode=$1 n=$2
	shift 2
	dir="$PWD/$work/n$n/$( [ "$mode" = plain ] && echo plain || echo indexed )"
	cds=$( [ "$mode" = "index+cds" ] && echo on || echo off )
	env MIGRATE_CDS="$cds" bin/migrate "$@" --url "jdbc:sqlite:$PWD/$work/n$n/db.sqlite" --locations "filesystem:$dir"
}
# The same, timed: prints "wall user system" in seconds.
timed() {
	mode=$1 n=$2
	shift 2
	dir="$PWD/$work/n$n/$( [ "$mode" = plain ] && echo plain || echo indexed )"
	cds=$( [ "$mode" = "index+cds" ] && echo on || echo off )
	/usr/bin/time -f "TIME %e %U %S" env MIGRATE_CDS="$cds" bin/migrate "$@" \
		--url "jdbc:sqlite:$PWD/$work/n$n/db.sqlite" --locations "filesystem:$dir" 2>&1 >/dev/null \
		| sed -n 's/^TIME //p' | tail -1
}
for n in 100 10000; do
	if [ ! -f "$work/n$n/done" ]; then
		rm -rf "$work/n$n"
		mkdir -p "$work/n$n/plain" "$work/n$n/indexed"
		for d in plain indexed; do
			awk -v n="$n" -v dir="$work/n$n/$d" -v rows="$rows" 'BEGIN {
				for (i = 1; i <= n; i++) {
					id = sprintf("r%011d", i); prev = (i == 1) ? "" : " " sprintf("r%011d", i - 1)
					if (rows && i > 1) {
						f = dir "/" id "_insert_t_" i ".sql"
						printf "-- Insert row %d\n--\n-- Revision ID: %s\n-- Revises:%s\n-- Create Date: 2026-11-24 06:00:00\n\n-- migrate:upgrade\nINSERT INTO t_0 (id, name, amount) VALUES (%d, \047row %d\047, %d);\n\n-- migrate:downgrade\nDELETE FROM t_0 WHERE id = %d;\n", i, id, prev, i, i, i, i > f
					}
					else {
						t = rows ? 0 : i
						f = dir "/" id "_create_t_" i ".sql"
						printf "-- Create t_%d\n--\n-- Revision ID: %s\n-- Revises:%s\n-- Create Date: 2026-11-24 06:00:00\n\n-- migrate:upgrade\nCREATE TABLE t_%d (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, amount DECIMAL(12,2));\n\n-- migrate:downgrade\nDROP TABLE t_%d;\n", t, id, prev, t, t > f
					}
					close(f)
				}
			}'
		done
		echo "set-up: $n revisions" >&2
		cli index "$n" index >/dev/null
		# Applies everything and, the index being there, records the validated state.
		cli index "$n" upgrade heads >/dev/null
		touch "$work/n$n/done"
	fi
done
# The first run with the archive on writes it (untimed), as the first use of bin/migrate does.
cli index+cds 100 upgrade heads >/dev/null
results="$work/times.txt"
: > "$results"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
run=1
while [ "$run" -le "$runs" ]; do
	for mode in plain index index+cds; do
		for n in 100 10000; do
			echo "$mode $n $(timed "$mode" "$n" upgrade heads)" >> "$results"
		done
	done
	run=$((run + 1))
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
# Medians per mode and size, and the growth from 100 to 10,000.
sort -k1,1 -k2,2n -k3,3n "$results" | awk '
	{ key = $1 " " $2; wall[key] = wall[key] " " $3; cpu[key] = cpu[key] " " ($4 + $5); keys[key] = 1 }
	function median(list,    a, k, i, j, t) {
		k = split(list, a, " ")
		for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
		return (k % 2) ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
	}
	END {
		printf "| scripts | revisions applied | wall (s) | CPU (s) |\n| --- | ---: | ---: | ---: |\n"
		split("plain index index+cds", modes, " ")
		for (m = 1; m <= 3; m++) for (s = 1; s <= 2; s++) {
			n = (s == 1) ? 100 : 10000; key = modes[m] " " n
			if (key in keys) { w[key] = median(wall[key]); c[key] = median(cpu[key]); printf "| %s | %d | %.2f | %.2f |\n", modes[m], n, w[key], c[key] }
		}
		printf "\n| scripts | wall 10,000 ÷ 100 | CPU 10,000 ÷ 100 | target |\n| --- | ---: | ---: | --- |\n"
		for (m = 1; m <= 3; m++) {
			a = modes[m] " 100"; b = modes[m] " 10000"
			if ((a in w) && (b in w) && w[a] > 0 && c[a] > 0) printf "| %s | %.2f× | %.2f× | ≤ 1.2×: %s |\n", modes[m], w[b] / w[a], c[b] / c[a], (c[b] / c[a] <= 1.2) ? "yes" : "**no**"
		}
	}'
