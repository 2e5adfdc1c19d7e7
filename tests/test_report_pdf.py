"""Report PDFs made through the command line and read back with pypdf."""

import ast
import datetime as dt
import io
from pathlib import Path

import pypdf
import pytest

from app.cli import main
from app.domain.periods import last_12_months

TODAY = dt.date.today()
ESCAPED = "<b>Fett & Co</b>"


@pytest.fixture
def filled(services):
    """Four stages with 27, 3, 2 and 0 open deals; a company; a won and a lost deal."""
    stages = [s for s, *_ in services.stages.pipeline_stages(1)]
    company = services.companies.create("Müller & Söhne <GmbH>")
    for i in range(27):
        services.deals.create(
            f"Deal Q{i:02d}",
            stage_id=stages[0],
            value_minor=1000_00 + i * 10_00,
            company_id=company,
        )
    for i in range(3):
        services.deals.create(f"Deal M{i}", stage_id=stages[1], value_minor=5000_00)
    services.deals.create(
        ESCAPED,
        stage_id=stages[2],
        value_minor=12345_67,
        company_id=company,
        expected_close=TODAY + dt.timedelta(days=20),
    )
    overdue = services.deals.create("Overdue deal", stage_id=stages[2], value_minor=777_00)
    services.activities.schedule("Call back", TODAY - dt.timedelta(days=3), deal_id=overdue)
    won = services.deals.create("Won deal", stage_id=stages[3], value_minor=2500_00)
    services.deals.win([won])
    lost = services.deals.create("Lost deal", stage_id=stages[0], value_minor=10_00)
    services.deals.lose([lost], "Timing")
    services.catalog.set_target("won_value", "month", TODAY, 10000_00)
    return services


def make(services, tmp_path, kind, *extra, name=None):
    out = tmp_path / (name or f"{kind}.pdf")
    code = main(
        ["report", kind, "--db", str(services.path), "--format", "pdf", "-o", str(out), *extra]
    )
    assert code == 0
    return out


def read(path: Path) -> list[str]:
    """Each page's text with runs of white space as one blank (pypdf puts tabs between words)."""
    reader = pypdf.PdfReader(io.BytesIO(path.read_bytes()))
    return [" ".join(page.extract_text().split()) for page in reader.pages]


def en():
    from app.export.pdf import pdf_locale

    return pdf_locale("en")


def test_pipeline_pdf_shows_every_stage_its_total_and_the_date(filled, tmp_path, qapp):
    from app.ui import format as fmt

    pages = read(make(filled, tmp_path, "pipeline", "--lang", "en"))
    text = " ".join(pages)
    assert "Qualification" in text and "Key figures" in text  # no "fi" ligature glyphs
    report = filled.reports.pipeline(1)
    for stage in report["stages"]:
        assert stage["stage"] in text
        assert fmt.money(stage["value_minor"], "EUR", en()) in text
        assert fmt.money(stage["weighted_value_minor"], "EUR", en()) in text
    assert fmt.money(report["total"]["value_minor"], "EUR", en()) in text
    assert f"As of: {fmt.date(TODAY, en())}" in text
    assert "Pipeline report" in pages[0]
    n = len(pages)
    assert n >= 2
    for i, page in enumerate(pages, start=1):
        assert page.endswith(f"Page {i} of {n}")
    # 27 deals in Qualification: the largest 25, then a line for the rest, then the total.
    assert "Deal Q26" in text and "Deal Q01" not in text
    assert "… and 2 more" in text and "Total (27 deals)" in text
    # A table that runs onto the next page repeats its title and header there.
    for page in pages[1:]:
        if "Deal Q" in page or "Deal M" in page:
            assert "Title Company Value" in page


def test_pipeline_pdf_as_of_a_past_date_uses_history(filled, tmp_path, qapp):
    from app.ui import format as fmt

    day = TODAY - dt.timedelta(days=30)
    text = " ".join(read(make(filled, tmp_path, "pipeline", "--as-of", day.isoformat())))
    assert f"As of: {fmt.date(day, en())}" in text
    assert "Deal Q00" not in text  # the deals did not exist yet
    assert "Total (0 deals)" in text


def test_user_text_is_printed_literally(filled, tmp_path, qapp):
    text = " ".join(read(make(filled, tmp_path, "pipeline", "--lang", "en")))
    assert ESCAPED in text
    assert "Müller & Söhne <" in text  # elided to fit its column, but never read as markup


def test_funnel_pdf_shows_the_period_and_stages(filled, tmp_path, qapp):
    from app.ui import format as fmt

    start, end = TODAY - dt.timedelta(days=60), TODAY
    pages = read(
        make(
            filled,
            tmp_path,
            "funnel",
            "--from",
            start.isoformat(),
            "--to",
            end.isoformat(),
            "--lang",
            "en",
        )
    )
    text = " ".join(pages)
    assert f"Period: {fmt.date(start, en())} – {fmt.date(end, en())}" in text
    for _, name in filled.stages.funnel_stages():
        assert name in text
    assert pages[-1].endswith(f"Page {len(pages)} of {len(pages)}")


def test_pack_in_german(filled, tmp_path, qapp):
    pages = read(make(filled, tmp_path, "pack", "--lang", "de"))
    text = " ".join(pages)
    assert pages[0].endswith(f"Seite 1 von {len(pages)}")
    for heading in (
        "Vertriebsbericht",
        "Kennzahlen",
        "Verkaufstrichter",
        "Pipeline nach Phase",
        "Prognose",
        "Ziele",
        "Deals mit Handlungsbedarf",
        "Nächste Aktion überfällig",
        "Offene Deals je Phase",
    ):
        assert heading in text, heading
    assert "Page " not in text
    assert ESCAPED in text and "Overdue deal" in text
    # German money: 12.345,67 €
    assert "12.345,67\u00a0€" in text or "12.345,67 €" in text


def test_pack_in_english_has_every_part(filled, tmp_path, qapp):
    from app.ui import format as fmt

    start = TODAY - dt.timedelta(days=90)
    text = " ".join(
        read(make(filled, tmp_path, "pack", "--lang", "en", "--from", start.isoformat()))
    )
    assert f"Period: {fmt.date(start, en())} – {fmt.date(TODAY, en())}" in text
    for heading in ("Funnel", "Forecast", "Targets", "Deals needing attention", "No next action"):
        assert heading in text
    assert "Seite" not in text


def test_unwritable_path_fails_with_a_message_and_leaves_no_file(filled, tmp_path, capsys):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    out = blocker / "report.pdf"
    code = main(["report", "pack", "--db", str(filled.path), "--format", "pdf", "-o", str(out)])
    assert code == 2
    assert str(out) in capsys.readouterr().err
    assert not out.exists()
    assert blocker.read_text() == "x"


def test_failed_write_keeps_the_previous_file(filled, tmp_path, qapp):
    from app.export.pdf import ExportError, write

    target = tmp_path / "folder.pdf"
    target.mkdir()  # a directory where the file should go: the rename fails
    (target / "keep").write_text("old")
    with pytest.raises(ExportError, match=r"folder\.pdf"):
        write(target, b"%PDF-1.4")
    assert (target / "keep").read_text() == "old"
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_pdf_needs_an_output_and_pack_is_pdf_only(filled, capsys):
    db = str(filled.path)
    assert main(["report", "pack", "--db", db, "--format", "pdf"]) == 2
    assert "-o" in capsys.readouterr().err
    assert main(["report", "pack", "--db", db, "--format", "json"]) == 2
    assert "PDF only" in capsys.readouterr().err


def test_render_matches_the_json_reports(filled, qapp):
    """The PDF's figures come from the same ReportService calls as the JSON reports."""
    from app.services.report_details import bundle

    period = last_12_months(TODAY)
    data = bundle(filled, 1, period, stage_tables=True, attention=True)
    assert data["pipeline"] == filled.reports.pipeline(1) | {"as_of": data["pipeline"]["as_of"]}
    assert data["funnel"] == filled.reports.funnel(period)
    assert data["attention"]["overdue"]["count"] == 1
    assert data["stage_deals"]["Qualification"][0]["title"] == "Deal Q26"
    assert len(data["stage_deals"]["Qualification"]) == 25


def test_every_pdf_string_has_german():
    """Each literal passed to tr()/translate() in the PDF module is in the German table."""
    from app.export import pdf
    from app.export.strings import GERMAN

    tree = ast.parse(Path(pdf.__file__).read_text())
    literals = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and getattr(
            node.func, "attr", getattr(node.func, "id", "")
        ) in (
            "tr",
            "translate",
        ):
            for arg in node.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str) and arg.value:
                    literals.add(arg.value)
    for table in ("METRIC_NAMES", "ATTENTION_TITLES"):
        literals |= set(getattr(pdf, table).values())
    literals |= {
        "Pipeline report",
        "Funnel report",
        "Sales report pack",
        "month",
        "quarter",
        "year",
    }
    missing = sorted(t for t in literals if t not in GERMAN)
    assert missing == []
