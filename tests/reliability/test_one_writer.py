"""Check 6: a second instance is refused while the first runs; after a SIGKILL the next start works.

The first instance is a child process holding the database's write lock as the GUI does for
its lifetime. A second lock attempt and the CLI's `restore` (a write command) are refused
naming the holder's pid; then the holder is SIGKILLed and the next start takes the stale
lock over at once.
"""

from __future__ import annotations

import time

import pytest

from app.cli import main
from app.lock import DatabaseLocked, WriteLock
from app.services import backup
from tests.reliability.helpers import copy_template, kill, spawn, wait_for_line

HOLDER = r"""
import sys, time
from app.lock import WriteLock
lock = WriteLock(sys.argv[1]).acquire()
print("locked", flush=True)
time.sleep(600)
"""


def test_second_instance_refused_and_stale_lock_recovered(template_db, tmp_path, capsys, figures):
    db = copy_template(template_db, tmp_path / "deals.sqlite")
    saved = backup.make_backup(db)
    rounds, refused, cli_refused, recovered = 10, 0, 0, 0
    waits = []
    for n in range(rounds):
        holder = spawn(HOLDER, db)
        wait_for_line(holder, "locked")
        with pytest.raises(DatabaseLocked) as info:
            WriteLock(db).acquire(timeout_ms=100)
        refused += info.value.holder.pid == holder.pid
        assert f"database is open in Dealboard (pid {holder.pid})" in str(info.value)
        if n == 0:  # the CLI waits briefly (2 s), then exits 2 with a clear message
            started = time.monotonic()
            assert main(["restore", "--db", str(db), str(saved)]) == 2
            waits.append(time.monotonic() - started)
            err = capsys.readouterr().err
            cli_refused += f"database is open in Dealboard (pid {holder.pid})" in err
        kill(holder)
        started = time.monotonic()
        with WriteLock(db).acquire(timeout_ms=0):  # the next start: no waiting on a stale lock
            recovered += 1
        waits.append(time.monotonic() - started)
    assert main(["restore", "--db", str(db), str(saved)]) == 0
    figures(
        "check 6 (one writer)",
        f"{rounds} rounds: second instance refused {refused}/{rounds} (naming the pid), CLI "
        f"restore refused with exit 2 after {waits[0]:.1f} s, stale lock taken over after "
        f"SIGKILL {recovered}/{rounds} (max {max(waits[1:]) * 1000:.0f} ms)",
        rounds=rounds,
        refused=refused,
        recovered=recovered,
    )
    assert refused == recovered == rounds and cli_refused == 1
