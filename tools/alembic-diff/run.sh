#!/bin/sh
# Differential check of migrate's revision graph against real Alembic.
# Usage: tools/alembic-diff/run.sh ALEMBIC_SOURCE_DIR [GRAPHS] [STEPS_PER_GRAPH] [SEED]
# Needs python3 with SQLAlchemy; Alembic runs from ALEMBIC_SOURCE_DIR (an unpacked Alembic 1.19 source tree).
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
alembic_src=$1
cases=$(mktemp)
trap 'rm -f "$cases"' EXIT
PYTHONPATH="$alembic_src" "${PYTHON:-python3}" "$root/tools/alembic-diff/generate.py" "$cases" "${2:-200}" "${3:-12}" "${4:-1}"
cd "$root"
./mvnw -B -q -o -pl migrate-cli -am test -Dtest=AlembicDifferentialCheck -Dsurefire.failIfNoSpecifiedTests=false \
	-Dalembic.cases="$cases" | grep '^alembic-diff'
