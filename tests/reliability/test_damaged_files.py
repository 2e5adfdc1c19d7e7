"""Check 3: five kinds of damage are all detected, never written, and the newest good backup offered.

Truncated file, zeroed header, random bytes over a middle page, a non-SQLite file and an
empty file, ten variants each. Every time: integrity on open calls the file damaged, moves it
aside byte for byte (sha256), and names the newest backup that passes the integrity check
(the very newest backup is itself damaged, so it must be skipped). The CLI answers exit 2
with a message naming that backup, and restoring it works.
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sqlite3
import time

import pytest

from app.cli import BadInput, main, open_services
from app.services import Services, backup
from app.storage import recovery
from tests.helpers import sha

PAGE = 4096
VARIANTS = 10


def _truncated(data: bytes, rnd: random.Random) -> bytes:
    return data[: int(len(data) * rnd.uniform(0.2, 0.9))]


def _zeroed_header(data: bytes, rnd: random.Random) -> bytes:
    return bytes(100) + data[100:]


def _noise_in_a_middle_page(data: bytes, rnd: random.Random) -> bytes:
    pages = len(data) // PAGE
    page = rnd.randrange(pages // 3, 2 * pages // 3)
    noise = rnd.randbytes(PAGE)
    return data[: page * PAGE] + noise + data[(page + 1) * PAGE :]


def _not_sqlite(data: bytes, rnd: random.Random) -> bytes:
    return rnd.choice([b"%PDF-1.7\n", b"Name;Value\nM\xc3\xbcller;12\n", b"\x89PNG\r\n"]) * 500


def _empty(data: bytes, rnd: random.Random) -> bytes:
    return b""


DAMAGE = {
    "truncated": _truncated,
    "zeroed header": _zeroed_header,
    "random bytes in a middle page": _noise_in_a_middle_page,
    "not an SQLite file": _not_sqlite,
    "empty file": _empty,
}


@pytest.fixture(scope="module")
def originals(tmp_path_factory):
    """A database of 300 deals (a few hundred KB) and its backups: good, good, damaged newest."""
    folder = tmp_path_factory.mktemp("damage")
    db = folder / "deals.sqlite"
    s = Services.open(db)
    for i in range(300):
        s.deals.create(f"Deal {i}", value_minor=100 * i, notes="n" * (i % 50))
    s.close()
    t0 = time.time()
    stamps = [t0 - 7200, t0 - 3600, t0 - 60]

    made = [backup.make_backup(db, now=dt.datetime.fromtimestamp(t, dt.UTC)) for t in stamps[:2]]
    s = Services.open(db)
    s.deals.create("After the backups")
    s.close()
    newest = backup.make_backup(db, now=dt.datetime.fromtimestamp(stamps[2], dt.UTC))
    newest.write_bytes(newest.read_bytes()[: 3 * PAGE])  # the newest backup is damaged too
    return db, made[1]


def test_every_kind_of_damage_is_detected_and_left_unchanged(originals, tmp_path, figures):
    db, good = originals
    data = db.read_bytes()
    detected = unchanged = offered = cli_named = 0
    total = 0
    per_kind = dict.fromkeys(DAMAGE, 0)
    for kind_no, (kind, damage) in enumerate(DAMAGE.items()):
        for variant in range(VARIANTS):
            total += 1
            rnd = random.Random(kind_no * 100 + variant)
            folder = tmp_path / f"{kind_no}-{variant}"
            folder.mkdir()
            path = folder / db.name
            path.write_bytes(damage(data, rnd))
            shutil.copytree(recovery.backup_folder(db), recovery.backup_folder(path))
            before = sha(path)
            expected_backup = recovery.backup_folder(path) / good.name
            if variant % 2:  # the CLI's way: exit 2 naming the backup to restore
                with pytest.raises(BadInput) as info:
                    open_services(path)
                message = str(info.value)
                cli_named += f"restore --db {path} {expected_backup}" in message
                moved = [
                    p
                    for p in folder.glob(f"{db.name}.damaged-*")
                    if not p.name.endswith(recovery.SIDE_FILES)
                ]
                found_backup = expected_backup if str(expected_backup) in message else None
                detected += len(moved) == 1
            else:  # the GUI's way: open, or a Recovery for the damaged-file dialog
                found = recovery.open_or_recover(path, Services.open)
                assert not isinstance(found, Services)
                detected += found is not None
                moved = [found.moved_to] if found else []
                found_backup = found.backup.path if found and found.backup else None
            per_kind[kind] += len(moved) == 1
            unchanged += len(moved) == 1 and sha(moved[0]) == before and not path.exists()
            offered += found_backup == expected_backup
    figures(
        "check 3 (damaged files)",
        f"{len(DAMAGE)} kinds x {VARIANTS} = {total} damaged files: {detected} detected "
        f"({detected / total:.0%}), {unchanged} byte-identical after (sha256), {offered} "
        f"offered the newest good backup (the newest backup was damaged and skipped), "
        f"{cli_named}/{total // 2} CLI messages name it; per kind: "
        + ", ".join(f"{k} {n}/{VARIANTS}" for k, n in per_kind.items()),
        files=total,
        detected=detected,
        unchanged=unchanged,
        offered=offered,
    )
    assert detected == unchanged == offered == total
    assert cli_named == total // 2


def test_the_offered_backup_restores(originals, tmp_path):
    db, good = originals
    path = tmp_path / db.name
    path.write_bytes(_zeroed_header(db.read_bytes(), random.Random(1)))
    shutil.copytree(recovery.backup_folder(db), recovery.backup_folder(path))
    found = recovery.recover(path)
    assert main(["restore", "--db", str(path), str(found.backup.path)]) == 0
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT COUNT(*) FROM deal").fetchone()[0] == 300
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.close()
    assert found.moved_to.exists()  # the damaged file is still there, for a data-recovery try
