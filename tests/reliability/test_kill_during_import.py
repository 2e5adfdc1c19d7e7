"""Check 2: SIGKILL during a 50,000-row CSV import; the database then holds all rows or none.

A child process imports a 50,000-deal file (500 new companies, stages in English and German)
through the import service; the parent kills it at a random moment: a quarter of the runs
anywhere in the import, the rest while it inserts and commits. Afterwards: integrity_check ok, foreign_key_check empty, every index there
(the importer drops and rebuilds them inside its transaction), and the deals are the
template's alone or the template's plus all 50,000.
"""

from __future__ import annotations

import random
import sqlite3
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.reliability.helpers import (
    copy_template,
    health,
    history_consistent,
    kill,
    spawn,
    wait_for_line,
)

pytest.importorskip("app.services.importer")

ROWS = 50_000

IMPORTING_CHILD = r"""
import sys
from app.services import Services
from app.services.importer import import_csv

data = open(sys.argv[1], "rb").read()
print("warm", flush=True)
path = sys.stdin.readline().strip()
s = Services.open(path)
print("importing", flush=True)
writing = []

def progress(done, total):
    # The second half of the progress is the inserting, in the transaction.
    if done > total // 2 and not writing:
        writing.append(print("writing", flush=True))

import_csv(s, data, "deals", progress=progress)
print("imported", flush=True)
"""


def csv_file(folder) -> bytes:
    stages = ["Qualification", "Treffen", "Proposal", "Abschluss", "Meeting"]
    lines = ["title;value;stage;company;created"]
    for i in range(ROWS):
        lines.append(
            f"Deal {i};{i % 9000}.{i % 100:02d};{stages[i % 5]};Firma {i % 500};"
            f"{1 + i % 28:02d}.0{1 + i % 9}.2026"
        )
    path = folder / "deals.csv"
    path.write_bytes(("\n".join(lines) + "\n").encode())
    return path


def state(path) -> tuple[int, list, list]:
    conn = sqlite3.connect(path)
    try:
        deals = conn.execute("SELECT COUNT(*) FROM deal").fetchone()[0]
        indexes = conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY name"
        ).fetchall()
        return deals, indexes, history_consistent(conn)
    finally:
        conn.close()


def test_sigkill_during_import_keeps_all_or_nothing(template_db, tmp_path, long_run, figures):
    runs = 60 if long_run else 20
    source = csv_file(tmp_path)
    base_deals, base_indexes, _ = state(template_db)

    def start(n: int):
        path = copy_template(template_db, tmp_path / f"import{n}.sqlite")
        proc = spawn(IMPORTING_CHILD, source, stdin=subprocess.PIPE)
        wait_for_line(proc, "warm")
        proc.stdin.write(f"{path}\n")
        proc.stdin.flush()
        wait_for_line(proc, "importing", timeout=60)
        return path, proc

    # One whole import first: how long it and its writing take set the windows of the kills.
    path, proc = start(-1)
    started = time.monotonic()
    wait_for_line(proc, "writing", timeout=120)
    writing_started = time.monotonic()
    wait_for_line(proc, "imported", timeout=120)
    whole, writing = time.monotonic() - started, time.monotonic() - writing_started
    kill(proc)
    assert state(path)[0] == base_deals + ROWS

    def one(n: int) -> str:
        path, proc = start(n)
        rnd = random.Random(n)
        if n % 4 == 0:
            time.sleep(rnd.uniform(0, whole * 1.05))
        else:
            wait_for_line(proc, "writing", timeout=120)
            time.sleep(rnd.uniform(0, writing * 1.3))
        out, _ = kill(proc)
        integrity, fk = health(path)
        deals, indexes, inconsistent = state(path)
        assert integrity == [("ok",)] and fk == [], (n, integrity, fk)
        assert indexes == base_indexes, (n, "indexes differ after the kill")
        assert inconsistent == [], (n, inconsistent[:5])
        assert deals in (base_deals, base_deals + ROWS), (n, deals)
        path.unlink()
        return "all" if deals == base_deals + ROWS else "none"

    with ThreadPoolExecutor(max_workers=2) as pool:
        outcomes = list(pool.map(one, range(runs)))
    figures(
        "check 2 (SIGKILL during a 50,000-row import)",
        f"{runs} kills (a whole import takes {whole:.1f} s, its inserting and commit "
        f"{writing:.1f} s): "
        f"{outcomes.count('none')} left none, {outcomes.count('all')} left all 50,000, "
        f"0 partial; integrity_check ok and every index present after each",
        runs=runs,
        partial=0,
    )
    assert len(outcomes) == runs
