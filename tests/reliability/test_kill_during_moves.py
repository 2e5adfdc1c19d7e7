"""Check 1: SIGKILL a process making random moves; no acknowledged move is ever lost.

The child moves, wins and loses deals through the service layer and prints each move after
its commit returned (the id of the stage-history row it wrote). The parent kills it at a
random moment (after a random number of acknowledged moves, plus a random part of the next
one); afterwards integrity_check is ok, foreign_key_check is empty, every
acknowledged move is in the file, and every deal has exactly one current history row that
agrees with it. 200 runs in CI, 1,000 with --long; two children run at a time (two cores).
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from app.storage.recovery import diagnose
from tests.reliability.helpers import (
    copy_template,
    health,
    history_consistent,
    kill,
    spawn,
    wait_for_line,
)

# Imports first, then "warm": the parent starts the next child while this one runs, so the
# interpreter's start-up is off the clock. The database is opened only after "go".
CHILD = r"""
import random, sys
from app.services import Services
from app.storage.models import Deal, PipelineStage, StageHistory

print("warm", flush=True)
path, seed = sys.stdin.readline().split()
s = Services.open(path)
rnd = random.Random(int(seed))
stages = [i for (i,) in PipelineStage.select(PipelineStage.id).tuples()]
deals = [i for (i,) in Deal.select(Deal.id).tuples()]
out = sys.stdout
out.write("ready\n")
out.flush()
while True:
    picked = rnd.sample(deals, rnd.choice((1, 1, 1, 2, 3)))
    r = rnd.random()
    if r < 0.1:
        s.deals.win(picked)
    elif r < 0.2:
        s.deals.lose(picked, "price")
    else:
        current = Deal.get_by_id(picked[0]).stage_id
        s.deals.move(picked, rnd.choice([x for x in stages if x != current]), rnd.randint(0, 3))
    # The commit returned: acknowledge each deal's current history row (one write call).
    rows = (
        StageHistory.select(StageHistory.id, StageHistory.deal, StageHistory.stage,
                            StageHistory.status)
        .where(StageHistory.deal.in_(picked) & StageHistory.left_at.is_null()).tuples()
    )
    out.write(" ".join(f"{h}:{d}:{st}:{status}" for h, d, st, status in rows) + "\n")
    out.flush()
"""


@dataclass
class Run:
    acked: int
    lost: int
    problems: list[str]
    seconds: float


def one_run(proc, template, folder, n: int) -> Run:
    """Give a warm child its database, kill it at a random moment after it opened it, check."""
    started = time.monotonic()
    path = copy_template(template, folder / f"run{n}.sqlite")
    rnd = random.Random(n)
    wait_for_line(proc, "warm")
    proc.stdin.write(f"{path} {n}\n")
    proc.stdin.flush()
    wait_for_line(proc, "ready")
    # A random point in the stream of moves, whatever the machine's speed: after the k-th
    # acknowledgement, within about one more move (often in the middle of its commit).
    early = []
    last = time.monotonic()
    interval = 0.01
    for _ in range(rnd.randint(0, 30)):
        early.append(proc.stdout.readline())
        now = time.monotonic()
        interval, last = now - last, now
    time.sleep(rnd.uniform(0.0, interval * 1.5))
    out, _ = kill(proc)
    out = "".join(early) + out
    acks = [
        tuple(item.split(":"))
        for line in out.splitlines(keepends=True)
        if line.endswith("\n") and line.strip() and line.strip() != "ready"
        for item in line.split()
    ]
    problems = []
    integrity, fk = health(path)
    if integrity != [("ok",)]:
        problems.append(f"integrity_check: {integrity[:3]}")
    if fk:
        problems.append(f"foreign_key_check: {fk[:3]}")
    conn = sqlite3.connect(path)
    try:
        stored = {
            str(h): (str(d), str(st), status)
            for h, d, st, status in conn.execute(
                "SELECT id, deal_id, stage_id, status FROM stage_history WHERE deal_id IS NOT NULL"
            )
        }
        inconsistent = history_consistent(conn)
    finally:
        conn.close()
    lost = [a for a in acks if stored.get(a[0]) != a[1:]]
    if lost:
        problems.append(f"{len(lost)} acknowledged moves missing, e.g. {lost[:3]}")
    if inconsistent:
        problems.append(f"deals with inconsistent history: {inconsistent[:5]}")
    if diagnose(path) is not None:
        problems.append("integrity on open calls the file damaged")
    path.unlink()
    for suffix in ("-wal", "-shm"):
        path.with_name(path.name + suffix).unlink(missing_ok=True)
    return Run(len(acks), len(lost), problems, time.monotonic() - started)


def test_sigkill_during_random_moves_loses_nothing(template_db, tmp_path, long_run, figures):
    runs = 1000 if long_run else 200
    started = time.monotonic()

    def worker(numbers: range) -> list[Run]:
        done, proc = [], spawn(CHILD, stdin=subprocess.PIPE)
        for n in numbers:
            upcoming = spawn(CHILD, stdin=subprocess.PIPE) if n + 2 < runs else None
            done.append(one_run(proc, template_db, tmp_path, n))
            proc = upcoming
        return done

    with ThreadPoolExecutor(max_workers=2) as pool:
        results = [
            r for part in pool.map(worker, (range(0, runs, 2), range(1, runs, 2))) for r in part
        ]
    elapsed = time.monotonic() - started
    failures = [(n, r.problems) for n, r in enumerate(results) if r.problems]
    acked = sum(r.acked for r in results)
    lost = sum(r.lost for r in results)
    figures(
        "check 1 (SIGKILL during moves)",
        f"{runs} runs, {len(failures)} failures, {acked} acknowledged moves, {lost} lost; "
        f"{sum(1 for r in results if r.acked)} runs killed after their first move; "
        f"median run {statistics.median(r.seconds for r in results) * 1000:.0f} ms, "
        f"total {elapsed:.1f} s",
        runs=runs,
        failures=len(failures),
        acknowledged=acked,
        lost=lost,
    )
    assert not failures, failures[:5]
    assert lost == 0
    # The kill must land while moves are being made, not only before the first one.
    assert sum(1 for r in results if r.acked) > runs * 0.8
