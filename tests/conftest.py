"""Shared fixtures: Qt runs offscreen and every test gets its own database file."""

import os
import sys
from pathlib import Path

# Before anything imports Qt: no display in CI, and no writes into the real data folder.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QT_QPA_PLATFORM"] = "offscreen"

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pytest


@pytest.fixture(autouse=True)
def _private_data_dir(tmp_path, monkeypatch):
    """The data folder (logs, default db, settings) lives in tmp_path for each test."""
    home = tmp_path / "home"
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("HOME", str(home))
    yield


@pytest.fixture
def services(tmp_path):
    from app.services import Services

    s = Services.open(tmp_path / "test.sqlite")
    yield s
    s.close()


def pytest_addoption(parser):
    parser.addoption("--long", action="store_true", help="run the long reliability battery")
