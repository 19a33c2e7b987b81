#!/usr/bin/env sh
# The command line against Alembic on a real project's revision graph (benchmarks/alembic/superset-graph.txt:
# Apache Superset's 336 revisions, 32 of them merges), on SQLite: `alembic history` against `bin/migrate history`,
# and `alembic upgrade heads` against `bin/migrate upgrade heads` from an empty database (a fresh file each run),
# each a whole process timed by /usr/bin/time, interleaved; prints the median wall and CPU (user + system) time of
# each and the ratios. What each tool commits: Alembic's generated env.py wraps the run in
# context.begin_transaction() with transaction_per_migration left False, which is one transaction for the whole
# upgrade on an engine whose DDL Alembic treats as transactional (PostgreSQL, SQL Server); on SQLite, whose
# SQLiteImpl says transactional_ddl = False, that outer block does nothing and Alembic begins and commits a
# transaction around each migration (runtime/migration.py, begin_transaction), and under pysqlite's default
# transaction handling each CREATE TABLE commits on its own before it, so two commits per revision. migrate's
# default, one transaction per revision, is therefore the like-for-like mode here; its upgrade also runs with
# --one-transaction (one commit for the whole upgrade, as Alembic would run on PostgreSQL).
#
# It first builds, under benchmarks/target/alembic/, an Alembic project (`alembic init`, the generated env.py and
# alembic.ini with the URL set, one script per revision with op.execute of a CREATE TABLE and a DROP TABLE) and a
# migrate project (`migrate init`, one SQL script per revision) with the same ids, parents and messages
# (benchmarks/alembic/generate.py), runs each command once untimed (Alembic writes its __pycache__, bin/migrate its
# class-data-sharing archive), and checks that both print the same history and reach the same heads; a difference
# is printed and makes the exit status 1, after the timings.
#
# Options:
#   runs=N        timed runs of each command (default 5)
#   alembic=DIR   an Alembic source tree to run (put on PYTHONPATH); default: the alembic module python imports
#   python=PATH   the Python that runs Alembic, with SQLAlchemy (default: $PYTHON, else python3)
#   graph=FILE    another graph in the same format (default benchmarks/alembic/superset-graph.txt)
#   migrate=PATH  the bin/migrate to time (default this checkout's), e.g. another checkout's to compare builds; a
#                 build without --one-transaction leaves that row out
# BENCH_MAVEN_FLAGS (e.g. -o) is passed to the Maven build of the jar when it is missing.
#
# Needs: a Python 3 with SQLAlchemy and Mako (on Debian: apt-get install python3-sqlalchemy
# python3-typing-extensions python3-mako, then python=/usr/bin/python3), and Alembic 1.19 (pip, or its source tree
# given with alembic=DIR).
set -e
cd "$(dirname "$0")/.."
root=$PWD
runs=5
alembic_src=
python=${PYTHON:-python3}
graph=benchmarks/alembic/superset-graph.txt
migrate=$root/bin/migrate
for arg in "$@"; do
	case "$arg" in
		runs=*) runs=${arg#runs=} ;;
		alembic=*) alembic_src=$(cd "${arg#alembic=}" && pwd) ;;
		python=*) python=${arg#python=} ;;
		graph=*) graph=${arg#graph=} ;;
		migrate=*) migrate=$(cd "$(dirname "${arg#migrate=}")" && pwd)/$(basename "${arg#migrate=}") ;;
		*) echo "Unknown option '$arg'; use runs=N alembic=DIR python=PATH graph=FILE migrate=PATH" >&2; exit 2 ;;
	esac
done
alembic() {
	env PYTHONPATH="$alembic_src${PYTHONPATH:+:$PYTHONPATH}" "$python" -m alembic "$@"
}
if ! env PYTHONPATH="$alembic_src" "$python" -c 'import alembic, sqlalchemy' 2>/dev/null; then
	echo "$python cannot import alembic and sqlalchemy; pass alembic=DIR (a source tree) or python=PATH" >&2
	exit 2
fi
[ -f "$(dirname "$migrate")/../migrate-cli/target/migrate.jar" ] \
	|| (cd "$(dirname "$migrate")/.." && ./mvnw -B -q ${BENCH_MAVEN_FLAGS:-} -pl migrate-cli -am package -DskipTests)
work=$root/benchmarks/target/alembic
rm -rf "$work"
mkdir -p "$work/alembic-project" "$work/migrate-project"
(cd "$work/alembic-project" && alembic init alembic >/dev/null \
	&& sed -i 's|^sqlalchemy.url = .*|sqlalchemy.url = sqlite:///db.sqlite|' alembic.ini)
(cd "$work/migrate-project" && "$migrate" init --url jdbc:sqlite:db.sqlite >/dev/null)
"$python" benchmarks/alembic/generate.py "$graph" "$work/alembic-project/alembic/versions" \
	"$work/migrate-project/migrations"
in_alembic() { (cd "$work/alembic-project" && "$@"); }
in_migrate() { (cd "$work/migrate-project" && "$@"); }
echo "Alembic $(env PYTHONPATH="$alembic_src" "$python" -c 'import alembic, sqlalchemy, sys, sqlite3
print(alembic.__version__, "with SQLAlchemy", sqlalchemy.__version__, "on Python", sys.version.split()[0], "and SQLite", sqlite3.sqlite_version)')"
echo "migrate on $(java -version 2>&1 | sed -n 2p)"

# Untimed first runs, then the checks: the same history lines, the same heads after an upgrade.
status=0
in_alembic alembic history > "$work/alembic-history.txt"
in_migrate "$migrate" history > "$work/migrate-history.txt"
if diff "$work/alembic-history.txt" "$work/migrate-history.txt" > "$work/history.diff"; then
	echo "history: the same $(wc -l < "$work/alembic-history.txt") lines from both"
else
	echo "history: DIFFERENT (benchmarks/target/alembic/history.diff):"; head -20 "$work/history.diff"; status=1
fi
in_alembic alembic upgrade heads 2>/dev/null
in_migrate "$migrate" upgrade heads >/dev/null
in_alembic alembic current 2>/dev/null > "$work/alembic-current.txt"
in_migrate "$migrate" current > "$work/migrate-current.txt"
if diff "$work/alembic-current.txt" "$work/migrate-current.txt" >/dev/null; then
	echo "upgrade heads: both at $(cat "$work/migrate-current.txt")"
else
	echo "upgrade heads: DIFFERENT heads: Alembic $(cat "$work/alembic-current.txt"), migrate $(cat "$work/migrate-current.txt")"
	status=1
fi

# $1: label, $2: project directory, then the command; appends "label wall user system" to the results.
timed() {
	label=$1 dir=$2
	shift 2
	rm -f "$dir/db.sqlite"
	(cd "$dir" && /usr/bin/time -f "$label %e %U %S" -a -o "$results" "$@" >/dev/null 2>&1)
}
results=$work/times.txt
one_transaction=$(in_migrate "$migrate" upgrade --help | grep -q -- --one-transaction && echo yes || echo no)
: > "$results"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
run=1
while [ "$run" -le "$runs" ]; do
	timed alembic_history "$work/alembic-project" env PYTHONPATH="$alembic_src" "$python" -m alembic history
	timed migrate_history "$work/migrate-project" "$migrate" history
	timed alembic_upgrade "$work/alembic-project" env PYTHONPATH="$alembic_src" "$python" -m alembic upgrade heads
	timed migrate_upgrade "$work/migrate-project" "$migrate" upgrade heads
	if [ "$one_transaction" = yes ]; then
		timed migrate_upgrade_1tx "$work/migrate-project" "$migrate" upgrade heads --one-transaction
	fi
	run=$((run + 1))
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
awk '
	{ wall[$1] = wall[$1] " " $2; cpu[$1] = cpu[$1] " " ($3 + $4) }
	function median(list,    a, k, i, j, t) {
		k = split(list, a, " ")
		for (i = 1; i <= k; i++) for (j = i + 1; j <= k; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
		return (k % 2) ? a[(k + 1) / 2] : (a[k / 2] + a[k / 2 + 1]) / 2
	}
	function row(name, a, m,    aw, ac, mw, mc) {
		if (!(m in wall)) return
		aw = median(wall[a]); ac = median(cpu[a]); mw = median(wall[m]); mc = median(cpu[m])
		printf "| %s | %.2f | %.2f | %.2f× | %s | %.2f | %.2f | %.2f× | %s |\n", name, aw, mw, mw / aw,
			(mw < aw) ? "yes" : "**no**", ac, mc, mc / ac, (mc < ac) ? "yes" : "**no**"
	}
	END {
		printf "| command | Alembic wall (s) | migrate wall (s) | migrate ÷ Alembic | faster | Alembic CPU (s) | migrate CPU (s) | migrate ÷ Alembic | faster |\n"
		printf "| --- | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |\n"
		row("`history`", "alembic_history", "migrate_history")
		row("`upgrade heads` from empty, a transaction per revision (both defaults)", "alembic_upgrade", "migrate_upgrade")
		row("`upgrade heads` from empty, migrate `--one-transaction`", "alembic_upgrade", "migrate_upgrade_1tx")
	}' "$results"
exit "$status"
