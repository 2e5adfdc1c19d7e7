"""Opening in the GUI: the integrity check runs beside the window and holds writes."""

import hashlib
import threading

import pytest
from PySide6.QtCore import QSettings

from app.services import ServiceError, Services
from app.services.demo import generate
from app.storage.models import Deal
from app.ui.session import Session


def damage_middle_page(path):
    """Garbage in a page of a deal table's b-tree: only a page-by-page check sees it."""
    db = Services.open(path)
    root = db.db.execute_sql("SELECT rootpage FROM sqlite_master WHERE name = 'deal'").fetchone()[0]
    page_size = db.db.execute_sql("PRAGMA page_size").fetchone()[0]
    db.db.execute_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()
    with open(path, "r+b") as fh:
        fh.seek((root - 1) * page_size)  # the page header: its type byte and cell count
        fh.write(b"\xff" * 12)


@pytest.fixture
def damaged(tmp_path):
    path = tmp_path / "damaged.sqlite"
    s = Services.open(path)
    generate(s.db, deals=300, seed=2)
    s.close()
    damage_middle_page(path)
    return path


def test_deferred_check_blocks_writes_on_damage(damaged):
    before = hashlib.sha256(damaged.read_bytes()).hexdigest()
    services = Services.open(damaged, full_check=False)
    try:
        assert not services.verified.is_set()
        assert services.verify()  # names the damage
        with pytest.raises(ServiceError, match="damaged"):
            services.deals.create("Neu")
    finally:
        services.close()
    assert hashlib.sha256(damaged.read_bytes()).hexdigest() == before


def test_writes_wait_for_the_check_then_go_ahead(tmp_path):
    path = tmp_path / "good.sqlite"
    Services.open(path).close()
    services = Services.open(path, full_check=False)
    try:
        threading.Timer(0.2, services.verify).start()
        services.deals.create("Neu")  # waits for the check, which passes
        assert Deal.select().count() == 1 and services.damage is None
    finally:
        services.close()


def test_session_reports_damage_on_the_gui_thread(qtbot, damaged, tmp_path):
    settings = QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    session = Session.open(damaged, lambda p: Services.open(p, full_check=False), settings, None)
    assert session is not None
    seen = []
    session.verify_in_background(
        lambda problem: seen.append(
            (problem, threading.current_thread() is threading.main_thread())
        )
    )
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen[0][1] is True and seen[0][0]
    session.close()
