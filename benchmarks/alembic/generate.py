"""Writes the revision scripts of one graph twice: as Alembic scripts and as migrate SQL scripts.

Usage: generate.py GRAPH ALEMBIC_VERSIONS_DIR MIGRATE_SCRIPTS_DIR

GRAPH has one line per revision, "<id> <parent>[,<parent>...]" or "<id> -" for a base ('#' lines are comments).
Revision i (counting from 1 in the file's order) creates table t_i in its upgrade and drops it in its downgrade;
both tools get the same ids, parents, message ("create t_i") and statements. The Alembic scripts are what
`alembic revision` writes from its generic template, with op.execute of the statement as the body.
"""

import os
import sys

CREATE_DATE = "2026-12-06 00:00:00"

ALEMBIC = '''"""create t_{i}

Revision ID: {revision}
Revises: {revises}
Create Date: {date}

"""
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision: str = {revision!r}
down_revision: Union[str, Sequence[str], None] = {down_revision!r}
branch_labels: Union[str, Sequence[str], None] = None
depends_on: Union[str, Sequence[str], None] = None


def upgrade() -> None:
    """Upgrade schema."""
    op.execute("{create}")


def downgrade() -> None:
    """Downgrade schema."""
    op.execute("{drop}")
'''

MIGRATE = '''-- create t_{i}
--
-- Revision ID: {revision}
-- Revises: {revises}
-- Create Date: {date}

-- migrate:upgrade
{create};

-- migrate:downgrade
{drop};
'''


def main(graph, alembic_dir, migrate_dir):
    with open(graph, encoding="utf-8") as lines:
        rows = [line.split() for line in lines if line.strip() and not line.startswith("#")]
    for i, (revision, parents) in enumerate(rows, start=1):
        parents = [] if parents == "-" else parents.split(",")
        down_revision = None if not parents else parents[0] if len(parents) == 1 else tuple(parents)
        values = dict(i=i, revision=revision, down_revision=down_revision, revises=", ".join(parents),
                      date=CREATE_DATE, drop="DROP TABLE t_%d" % i,
                      create="CREATE TABLE t_%d (id BIGINT PRIMARY KEY, name VARCHAR(100) NOT NULL, "
                      "amount DECIMAL(12,2))" % i)
        write(os.path.join(alembic_dir, "%s_create_t_%d.py" % (revision, i)), ALEMBIC.format(**values))
        # A base's "Revises:" line ends with the colon, as Alembic writes it.
        write(os.path.join(migrate_dir, "%s_create_t_%d.sql" % (revision, i)),
              MIGRATE.format(**values).replace("-- Revises: \n", "-- Revises:\n"))
    print("%d revisions, %d merges" % (len(rows), sum(1 for row in rows if "," in row[1])))


def write(path, text):
    with open(path, "w", encoding="utf-8") as file:
        file.write(text)


if __name__ == "__main__":
    main(*sys.argv[1:])
