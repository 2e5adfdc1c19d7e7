"""Check 8: backup → changes → restore gives exactly the state at backup time; backups taken
while another process writes pass integrity_check and are consistent snapshots.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import subprocess
import time

from app.cli import main
from app.services import Services, backup
from app.storage import recovery
from app.storage.models import Deal, PipelineStage
from tests.reliability.helpers import copy_template, history_consistent, kill, spawn, wait_for_line
from tests.reliability.test_kill_during_moves import CHILD as MOVING_CHILD


def dump(path) -> dict:
    conn = sqlite3.connect(path)
    try:
        tables = [t for (t,) in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY rowid").fetchall() for t in tables}
    finally:
        conn.close()


def random_changes(s: Services, rnd: random.Random, n: int) -> None:
    stages = [i for (i,) in PipelineStage.select(PipelineStage.id).tuples()]
    for _ in range(n):
        deals = [i for (i,) in Deal.select(Deal.id).tuples()]
        r = rnd.random()
        if r < 0.5:
            s.deals.move(rnd.sample(deals, 2), rnd.choice(stages), rnd.randint(0, 3))
        elif r < 0.6:
            s.deals.win([rnd.choice(deals)])
        elif r < 0.7:
            s.deals.lose([rnd.choice(deals)], "budget")
        elif r < 0.8:
            s.deals.update(rnd.choice(deals), title=f"Renamed {rnd.random():.6f}")
        elif r < 0.9:
            s.deals.create(f"New {rnd.random():.6f}", value_minor=rnd.randint(0, 10**6))
        else:
            s.deals.delete([rnd.choice(deals)])


def test_restore_gives_exactly_the_state_at_backup_time(template_db, tmp_path, figures):
    rounds, exact = 10, 0
    for n in range(rounds):
        rnd = random.Random(n)
        db = copy_template(template_db, tmp_path / f"r{n}.sqlite")
        s = Services.open(db)
        random_changes(s, rnd, 20)
        made = backup.make_backup(db)  # while open, as the app does
        at_backup = dump(made)
        random_changes(s, rnd, 30)
        s.close()
        assert dump(db) != at_backup
        if n % 2:
            assert main(["restore", "--db", str(db), str(made)]) == 0
        else:
            backup.restore(db, made)
        exact += dump(db) == at_backup
        s = Services.open(db)  # and it opens and works as before
        random_changes(s, rnd, 2)
        s.close()
    figures(
        "check 8a (backup → changes → restore)",
        f"{rounds} rounds, {exact} restored exactly the state at backup time (every table, "
        f"every row)",
        rounds=rounds,
        exact=exact,
    )
    assert exact == rounds


def test_backups_taken_while_another_process_writes(template_db, tmp_path, figures):
    db = copy_template(template_db, tmp_path / "busy.sqlite")
    writer = spawn(MOVING_CHILD, stdin=subprocess.PIPE)
    wait_for_line(writer, "warm")
    writer.stdin.write(f"{db} 7\n")
    writer.stdin.flush()
    wait_for_line(writer, "ready")
    made, timings = [], []
    try:
        for _ in range(20):
            started = time.monotonic()
            made.append(backup.make_backup(db, tmp_path / f"copy{len(made)}.sqlite"))
            timings.append(time.monotonic() - started)
            time.sleep(0.02)
    finally:
        out, _ = kill(writer)
    moves = len(out.splitlines())
    good = 0
    for copy in made:
        conn = sqlite3.connect(copy)
        try:
            ok = (
                conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
                and conn.execute("PRAGMA foreign_key_check").fetchall() == []
                and history_consistent(conn) == []
            )
        finally:
            conn.close()
        good += ok and recovery.verify(copy) is None
    figures(
        "check 8b (backup during writes)",
        f"{len(made)} backups while another process made {moves} moves: {good} pass "
        f"integrity_check and are consistent snapshots; median backup "
        f"{statistics.median(timings) * 1000:.0f} ms",
        backups=len(made),
        good=good,
    )
    assert moves > 20, "the writer must really be writing during the backups"
    assert good == len(made)
