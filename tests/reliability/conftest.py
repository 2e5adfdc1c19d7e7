"""The reliability battery's plumbing: child processes, database health, and the figures report.

Every check records its figures (runs, failures, lost moves, timings) with `figures(...)`;
they are printed in a section at the end of the pytest run, with or without `-s`, and kept
as junit properties.
"""

from __future__ import annotations

from pathlib import Path

import pytest

_FIGURES = pytest.StashKey[list]()


def pytest_configure(config):
    config.stash[_FIGURES] = []


def pytest_collection_modifyitems(config, items):
    """Every check here is marked slow: `-m "not slow"` runs the quick suite alone."""
    here = Path(__file__).parent
    for item in items:
        if here in Path(item.fspath).parents:
            item.add_marker(pytest.mark.slow)


def pytest_terminal_summary(terminalreporter, config):
    lines = config.stash.get(_FIGURES, [])
    if not lines:
        return
    terminalreporter.write_sep("=", "reliability battery: figures")
    for line in sorted(lines, key=lambda text: text.split(":")[0]):  # in the order of the checks
        terminalreporter.write_line(line)


@pytest.fixture
def figures(request, record_property):
    """figures(check, text, **numbers): one line in the final report, numbers as properties."""

    def record(check: str, text: str, **numbers) -> None:
        request.config.stash[_FIGURES].append(f"{check}: {text}")
        for key, value in numbers.items():
            record_property(f"{check}.{key}", value)

    return record


@pytest.fixture
def long_run(request) -> bool:
    return bool(request.config.getoption("--long"))


@pytest.fixture(scope="session")
def template_db(tmp_path_factory) -> Path:
    """A small closed database (40 deals, 8 companies), made once and copied per run."""
    from app.services import Services

    path = tmp_path_factory.mktemp("template") / "template.sqlite"
    s = Services.open(path)
    companies = [s.companies.create(f"Company {i}") for i in range(8)]
    for i in range(40):
        s.deals.create(f"Deal {i}", company_id=companies[i % 8], value_minor=1000 * i)
    s.close()
    assert not Path(f"{path}-wal").exists()
    return path
