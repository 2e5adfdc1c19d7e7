"""`import` and `export` commands in a real process: exit codes, messages, files written."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

HUBSPOT = (
    "Deal Name,Deal Stage,Amount,Associated Company,Create Date,Deal Score\r\n"
    'Müller Rahmen,Appointment Scheduled,"1,234.50",Müller GmbH,2026-03-01,7\r\n'
    "Süd Großauftrag,Closed Won,12000,Süd AG,2026-02-01,9\r\n"
).encode()


def run(*args: str, env_home: Path) -> subprocess.CompletedProcess:
    env = {
        "HOME": str(env_home),
        "XDG_DATA_HOME": str(env_home / "data"),
        "XDG_CONFIG_HOME": str(env_home / "config"),
        "QT_QPA_PLATFORM": "offscreen",
        "PATH": "/usr/bin:/bin",
    }
    return subprocess.run(
        [sys.executable, "main.py", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


def count(db: Path, table: str) -> int:
    with sqlite3.connect(db) as conn:
        return conn.execute(f'SELECT COUNT(*) FROM "{table}"').fetchone()[0]


@pytest.fixture
def home(tmp_path) -> Path:
    return tmp_path / "home"


def test_import_dry_run_mapping_and_export(tmp_path, home):
    db, csv = tmp_path / "crm.sqlite", tmp_path / "hubspot.csv"
    csv.write_bytes(HUBSPOT)

    # A new database file and an unknown stage: exit 2, every problem named, nothing left.
    bad = run("import", "deals", str(csv), "--db", str(db), env_home=home)
    assert bad.returncode == 2, bad.stderr
    assert "nothing imported" in bad.stderr
    assert 'line 2, column "Deal Stage": Stage "Appointment Scheduled"' in bad.stderr
    assert "--map-stage" in bad.stderr and "Qualification, Meeting, Proposal, Close" in bad.stderr
    assert not db.exists()

    mapped = ["--map-stage", "Appointment Scheduled=Treffen"]
    made = run("import", "deals", str(csv), "--db", str(db), *mapped, env_home=home)
    assert made.returncode == 0, made.stderr
    assert "Created 2 deals, 2 companies" in made.stdout
    assert 'Notice: these columns are not imported: "Deal Score"' in made.stderr
    assert count(db, "deal") == 2

    dry = run("import", "deals", str(csv), "--db", str(db), "--dry-run", *mapped, env_home=home)
    assert dry.returncode == 0, dry.stderr
    assert "Would create 2 deals, 0 companies (2 matched existing)" in dry.stdout
    assert "nothing was written" in dry.stdout
    assert count(db, "deal") == 2

    out = tmp_path / "deals.csv"
    exported = run(
        "export", "deals", "--db", str(db), "-o", str(out), "--delimiter", ";", env_home=home
    )
    assert exported.returncode == 0, exported.stderr
    text = out.read_text("utf-8-sig")
    assert text.splitlines()[0].startswith("title;value;currency;company")
    assert "Müller Rahmen;1234,50;EUR;Müller GmbH;;Sales;Meeting;open" in text

    again = run("import", "deals", str(out), "--db", str(db), env_home=home)
    assert again.returncode == 0, again.stderr
    assert count(db, "deal") == 4

    for kind in ("companies", "contacts", "activities"):
        result = run(
            "export", kind, "--db", str(db), "-o", str(tmp_path / f"{kind}.csv"), env_home=home
        )
        assert result.returncode == 0, result.stderr
    ics = tmp_path / "next.ics"
    result = run("export", "next-actions", "--db", str(db), "-o", str(ics), env_home=home)
    assert result.returncode == 0, result.stderr
    assert ics.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")


def test_bad_file_imports_nothing_and_exits_2(tmp_path, home):
    db = tmp_path / "crm.sqlite"
    good = tmp_path / "good.csv"
    good.write_bytes(b"title;value\nErster;5\n")
    assert run("import", "deals", str(good), "--db", str(db), env_home=home).returncode == 0
    bad = tmp_path / "bad.csv"
    bad.write_bytes("title;value;status\nA;1;open\nB;zwölf;open\n;3;open\nD;4;kaputt\n".encode())
    result = run("import", "deals", str(bad), "--db", str(db), env_home=home)
    assert result.returncode == 2
    assert "3 problem(s) on 3 line(s)" in result.stderr
    for line in ("line 3", "line 4", "line 5"):
        assert line in result.stderr
    assert count(db, "deal") == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["import", "deals", "missing.csv"], "no such file"),
        (["import", "deals", "FILE", "--map-stage", "kein Gleichheitszeichen"], "--map-stage"),
        (["import", "deals", "FILE", "--map-stage", "A=Nirgendwo"], "names no stage of ours"),
        (["export", "deals", "-o", "/no/such/folder/x.csv"], "does not exist"),
        (["import", "deals", "FILE", "--dry-run", "--db", "NEWDB"], "no such database"),
    ],
)
def test_bad_input_exits_2(tmp_path, home, args, message):
    db = tmp_path / "crm.sqlite"
    csv = tmp_path / "in.csv"
    csv.write_bytes(b"title;stage\nA;A\n")
    assert (
        run(
            "import", "deals", str(csv), "--db", str(db), "--map-stage", "A=Close", env_home=home
        ).returncode
        == 0
    )
    args = [
        str(csv) if a == "FILE" else str(tmp_path / "new.sqlite") if a == "NEWDB" else a
        for a in args
    ]
    if "--db" not in args:
        args += ["--db", str(db)]
    result = run(*args, env_home=home)
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert not (tmp_path / "new.sqlite").exists()


def test_usage_errors_exit_2(tmp_path, home):
    result = run(
        "export",
        "deals",
        "--db",
        str(tmp_path / "x.sqlite"),
        "-o",
        "x.csv",
        "--delimiter",
        "|",
        env_home=home,
    )
    assert result.returncode == 2


PROJEKTE = b"Projektname;value;Bemerkung\nAlpha;5;hallo\nBeta;7;\n"


def test_map_column_imports_a_column_under_another_header(tmp_path, home):
    db, csv = tmp_path / "crm.sqlite", tmp_path / "projekte.csv"
    csv.write_bytes(PROJEKTE)

    # No column for the title: exit 2, the hint names --map-column and our fields, no file.
    bad = run("import", "deals", str(csv), "--db", str(db), env_home=home)
    assert bad.returncode == 2, bad.stderr
    assert "nothing imported" in bad.stderr
    assert "No column for the deal title" in bad.stderr
    assert '--map-column "THEIR HEADER=FIELD"' in bad.stderr
    assert "deals have: title, value, currency, company" in bad.stderr
    assert ", id" not in bad.stderr and "owner" not in bad.stderr
    assert not db.exists()

    made = run(
        "import",
        "deals",
        str(csv),
        "--db",
        str(db),
        "--map-column",
        "Projektname=title",
        env_home=home,
    )
    assert made.returncode == 0, made.stderr
    assert "Created 2 deals" in made.stdout
    assert 'Notice: these columns are not imported: "Bemerkung"' in made.stderr
    with sqlite3.connect(db) as conn:
        rows = conn.execute("SELECT title, value_minor FROM deal ORDER BY title").fetchall()
    assert rows == [("Alpha", 500), ("Beta", 700)]

    # "X=" ignores a column on purpose: no notice about it; a dry run writes nothing.
    mapped = ["--map-column", "Projektname=title", "--map-column", "Bemerkung="]
    dry = run("import", "deals", str(csv), "--db", str(db), "--dry-run", *mapped, env_home=home)
    assert dry.returncode == 0, dry.stderr
    assert "Would create 2 deals" in dry.stdout
    assert "Bemerkung" not in dry.stderr
    assert count(db, "deal") == 2


@pytest.mark.parametrize(
    ("value", "messages"),
    [
        (
            "Projektname=titel",
            ['Column "Projektname" cannot be imported as "titel"', "--map-column"],
        ),
        ("Projekt=title", ['The file has no column "Projekt"', "--map-column"]),
        ("Projektname", ['--map-column "Projektname" is not of the form "THEIR HEADER=FIELD"']),
        ("=title", ['--map-column "=title" is not of the form']),
    ],
)
def test_bad_map_column_exits_2_and_writes_nothing(tmp_path, home, value, messages):
    db, csv = tmp_path / "crm.sqlite", tmp_path / "projekte.csv"
    csv.write_bytes(PROJEKTE)
    result = run("import", "deals", str(csv), "--db", str(db), "--map-column", value, env_home=home)
    assert result.returncode == 2, result.stderr
    for message in messages:
        assert message in result.stderr
    assert "unexpected" not in result.stderr
    assert not db.exists()
