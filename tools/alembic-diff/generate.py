"""Random revision graphs run through real Alembic, written as cases for migrate's differential check.

Usage: generate.py OUT_FILE [GRAPHS] [STEPS_PER_GRAPH] [SEED]

Each graph gets branches, merges, branch labels and depends_on. Every graph is written as Alembic scripts and
run with alembic.command against an in-memory SQLite database: 'history', 'heads', a few history ranges, then a
random sequence of upgrades and downgrades, recording for each step whether it succeeded, which scripts ran
(in order) and the version rows after it. The Java side (AlembicDifferentialCheck) replays the same cases.
"""

import builtins
import io
import os
import random
import re
import sys
import tempfile
import warnings

import sqlalchemy as sa
from alembic import command
from alembic.config import Config

ENV_PY = '''
from alembic import context
config = context.config
context.configure(connection=config.attributes["connection"], target_metadata=None)
with context.begin_transaction():
    context.run_migrations()
'''

SCRIPT = '''"""msg {id}"""
import builtins
revision = {id!r}
down_revision = {down!r}
branch_labels = {labels!r}
depends_on = {deps!r}


def upgrade():
    builtins.ALEMBIC_DIFF_RUN.append("u:" + revision)


def downgrade():
    builtins.ALEMBIC_DIFF_RUN.append("d:" + revision)
'''

WORDS = ["add", "drop", "alter", "create", "index", "users", "orders", "cart", "audit", "zeta", "beta", "merge"]


def new_graph(rnd):
    revs = []
    ids = set()
    versioned_ancestors = {}
    labelled = set()
    label_count = 0
    size = rnd.randint(3, 16)
    for k in range(size):
        rid = "%08x" % rnd.getrandbits(32)
        while rid in ids:
            rid = "%08x" % rnd.getrandbits(32)
        existing = [r["id"] for r in revs]
        roll = rnd.random()
        if not existing or roll < 0.12:
            down = []
        elif roll < 0.30 and len(existing) >= 2:
            a, b = rnd.sample(existing, 2)
            if a in versioned_ancestors[b] or b in versioned_ancestors[a]:
                down = [rnd.choice([a, b])]
            else:
                down = [a, b]
        else:
            # prefer recent revisions so branches grow long
            down = [existing[max(0, len(existing) - 1 - int(rnd.expovariate(0.5)))]]
        anc = set(down)
        for d in down:
            anc |= versioned_ancestors[d]
        deps = []
        if existing and rnd.random() < 0.18:
            choices = [e for e in existing if e not in anc]
            if choices:
                deps = [rnd.choice(choices)]
        labels = []
        if rnd.random() < 0.22 and not (anc & labelled):
            labels = ["lab%d" % label_count]
            label_count += 1
            labelled.add(rid)
        ids.add(rid)
        versioned_ancestors[rid] = anc
        fname = "%s_%s" % (rnd.choice(WORDS), rid)
        revs.append({"id": rid, "down": down, "deps": deps, "labels": labels, "file": fname})
    return revs


def write_scripts(root, revs):
    versions = os.path.join(root, "versions")
    os.makedirs(versions)
    with open(os.path.join(root, "env.py"), "w") as f:
        f.write(ENV_PY)
    with open(os.path.join(root, "script.py.mako"), "w") as f:
        f.write("")
    for r in revs:
        down = None if not r["down"] else (r["down"][0] if len(r["down"]) == 1 else tuple(r["down"]))
        deps = r["deps"][0] if r["deps"] else None
        labels = tuple(r["labels"]) if r["labels"] else None
        with open(os.path.join(versions, r["file"] + ".py"), "w") as f:
            f.write(SCRIPT.format(id=r["id"], down=down, labels=labels, deps=deps))


def targets(rnd, revs, rows):
    ids = [r["id"] for r in revs]
    labels = [l for r in revs for l in r["labels"]]
    rid = rnd.choice(ids)
    options = ["heads", "head", "base", rid, rid[: rnd.randint(4, 6)], rid + "+1", rid + "-1", rid + "+2",
               rid + "-2", "+1", "+2"]
    if len(rows) <= 1:
        options += ["-1", "-2"]
    if labels:
        lab = rnd.choice(labels)
        options += [lab + "@head", lab + "@heads", lab + "@base", lab + "@+1", lab + "@-1", lab + "@" + rid,
                    lab + "@" + rid + "-1", lab]
    return rnd.choice(options)


def one_line(ex):
    return ("%s: %s" % (type(ex).__name__, " ".join(str(ex).split())))[:200]


def sorted_labels(line):
    # Alembic prints a revision's labels in set order, which varies from run to run; sort them
    return re.sub(r"\((lab[^)]*)\)", lambda m: "(%s)" % ", ".join(sorted(m.group(1).split(", "))), line)


def main():
    out_path = sys.argv[1]
    graphs = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    steps = int(sys.argv[3]) if len(sys.argv) > 3 else 12
    seed = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    rnd = random.Random(seed)
    warnings.simplefilter("ignore")
    total_steps = 0
    with open(out_path, "w") as out, tempfile.TemporaryDirectory() as tmp:
        for g in range(graphs):
            revs = new_graph(rnd)
            root = os.path.join(tmp, "g%d" % g)
            write_scripts(root, revs)
            engine = sa.create_engine("sqlite://")
            with engine.connect() as conn:
                buf = io.StringIO()
                cfg = Config(stdout=buf)
                cfg.set_main_option("script_location", root)
                cfg.attributes["connection"] = conn
                out.write("graph %d\n" % g)
                for r in revs:
                    out.write("rev %s %s %s %s %s\n" % (r["id"], r["file"], ",".join(r["down"]) or "-",
                                                        ",".join(r["deps"]) or "-", ",".join(r["labels"]) or "-"))
                ids = [r["id"] for r in revs]
                queries = [("history", None), ("heads", None)]
                for _ in range(2):
                    a, b = rnd.choice(ids), rnd.choice(ids)
                    queries.append(("history", rnd.choice([a + ":", ":" + b, a + ":" + b, a + ":heads"])))
                for kind, arg in queries:
                    buf.seek(0)
                    buf.truncate()
                    try:
                        if kind == "history":
                            command.history(cfg, arg)
                        else:
                            command.heads(cfg)
                        lines = buf.getvalue().splitlines()
                        out.write("query %s %s ok %d\n" % (kind, arg or "-", len(lines)))
                        for line in lines:
                            out.write("| %s\n" % sorted_labels(line))
                    except Exception as ex:  # a failure is a result to compare
                        out.write("query %s %s fail %s\n" % (kind, arg or "-", one_line(ex)))
                rows = []
                for _ in range(steps):
                    direction = "upgrade" if rnd.random() < 0.55 else "downgrade"
                    target = targets(rnd, revs, rows)
                    builtins.ALEMBIC_DIFF_RUN = []
                    try:
                        getattr(command, direction)(cfg, target)
                        ok = True
                    except Exception as ex:
                        ok = False
                        error = one_line(ex)
                    rows = sorted(r[0] for r in conn.execute(sa.text("select version_num from alembic_version")))
                    out.write("step %s %s %s\n" % (direction, target, "ok" if ok else "fail " + error))
                    out.write("run %s\n" % (",".join(builtins.ALEMBIC_DIFF_RUN) or "-"))
                    out.write("rows %s\n" % (",".join(rows) or "-"))
                    total_steps += 1
            out.write("end\n")
    print("generated %d graphs, %d steps" % (graphs, total_steps))


if __name__ == "__main__":
    main()
