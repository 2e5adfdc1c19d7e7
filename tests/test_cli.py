"""The command-line contract: JSON shapes, exit codes, files untouched on bad input."""

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(*args, cwd=ROOT):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *map(str, args)],
        cwd=cwd,
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    result = run("demo", "--db", path, "--deals", "300", "--seed", "4")
    assert result.returncode == 0, result.stderr
    return path


def test_demo_refuses_existing_database(demo_db):
    before = hashlib.sha256(demo_db.read_bytes()).hexdigest()
    result = run("demo", "--db", demo_db, "--deals", "100")
    assert result.returncode == 2
    assert str(demo_db) in result.stderr
    assert hashlib.sha256(demo_db.read_bytes()).hexdigest() == before


def test_pipeline_report_json_contract(demo_db):
    result = run("report", "pipeline", "--db", demo_db, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {"report", "as_of", "currency", "stages", "total"}
    assert data["report"] == "pipeline" and data["currency"] == "EUR"
    assert [s["stage"] for s in data["stages"]] == ["Qualification", "Meeting", "Proposal", "Close"]
    for stage in data["stages"]:
        assert set(stage) == {"stage", "count", "value_minor", "weighted_value_minor"}
    assert data["total"]["count"] == sum(s["count"] for s in data["stages"])
    assert data["total"]["count"] > 0


def test_pipeline_report_as_of_and_output_file(demo_db, tmp_path):
    out = tmp_path / "p.json"
    result = run(
        "report",
        "pipeline",
        "--db",
        demo_db,
        "--as-of",
        "2026-01-31",
        "--format",
        "json",
        "-o",
        out,
    )
    assert result.returncode == 0 and result.stdout == ""
    data = json.loads(out.read_text())
    assert data["as_of"].startswith("2026-01-31T23:59:59")


def test_funnel_report_json_contract(demo_db):
    result = run(
        "report",
        "funnel",
        "--db",
        demo_db,
        "--from",
        "2025-01-01",
        "--to",
        "2026-12-31",
        "--format",
        "json",
    )
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert set(data) == {
        "report",
        "from",
        "to",
        "leads_entered",
        "stages",
        "overall_conversion",
        "new_customers",
        "spend_minor",
        "cac_minor",
        "forecast",
    }
    assert (data["from"], data["to"]) == ("2025-01-01", "2026-12-31")
    assert data["stages"][0]["conversion_from_previous"] is None
    reached = [s["reached"] for s in data["stages"]]
    assert reached == sorted(reached, reverse=True) and reached[0] == data["leads_entered"]
    assert set(data["forecast"]) == {"expected_new_customers"}


@pytest.mark.parametrize(
    "args, needle",
    [
        (["--as-of", "2026-13-45"], "--as-of"),
        (["--pipeline", "Nope"], "Nope"),
    ],
)
def test_bad_input_is_exit_2(demo_db, args, needle):
    result = run("report", "pipeline", "--db", demo_db, "--format", "json", *args)
    assert result.returncode == 2
    assert needle in result.stderr


def test_missing_and_foreign_files_are_exit_2(tmp_path):
    missing = run("report", "pipeline", "--db", tmp_path / "nope.sqlite", "--format", "json")
    assert missing.returncode == 2 and "nope.sqlite" in missing.stderr
    assert not (tmp_path / "nope.sqlite").exists()
    text = tmp_path / "notes.txt"
    text.write_text("not a database at all\n" * 10)
    foreign = run("report", "funnel", "--db", text, "--format", "json")
    assert foreign.returncode == 2 and "not a Dealboard database" in foreign.stderr
    assert text.read_text() == "not a database at all\n" * 10


def test_screenshot_writes_png(demo_db, tmp_path):
    out = tmp_path / "board.png"
    result = run(
        "screenshot",
        "--db",
        demo_db,
        "--view",
        "board",
        "--size",
        "1000x700",
        "--theme",
        "dark",
        "--lang",
        "de",
        "-o",
        out,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
