"""Hypothesis fuzzes the importer end to end on a real database: all or nothing, always.

Thousands of generated files, valid and invalid rows mixed (CRM headers, encodings,
delimiters, quoting, formulas, stages in two languages, broken values and structure), are
imported into one database file. Each import either succeeds and adds exactly what its
summary says, or raises ImportFailed and leaves every table and the schema as they were.
No other exception is allowed.
"""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from app.importing.csvformat import KIND_FIELDS
from app.services import Services, importer
from app.services.importer import ImportFailed
from app.storage.models import Company, Contact, Deal, StageHistory
from tests.helpers import digest

DATA_TABLES = ("deal_tag", "company_tag", "stage_history", "activity", "deal", "contact")


@pytest.fixture
def fuzz_db(tmp_path):
    services = Services.open(tmp_path / "fuzz.sqlite")
    # Durability is not under test; commits without fsync keep 2,000 examples fast.
    services.db.execute_sql("PRAGMA synchronous = OFF")
    yield services
    services.close()


def keep_small(services: Services) -> None:
    """Empty the data tables now and then, so the digest stays cheap over 2,000 examples."""
    if Deal.select().count() + Company.select().count() + Contact.select().count() < 300:
        return
    with services.db.atomic():
        for table in (*DATA_TABLES, "company", "tag"):
            services.db.execute_sql(f'DELETE FROM "{table}"')


# --- the files -----------------------------------------------------------------------------

TRICKY = st.text(
    alphabet=st.sampled_from(list("aZß äÖü€;,\t\"'=+-@\r\n\u2028x1.")), min_size=0, max_size=10
)
WORDS = st.sampled_from(
    [
        "Müller GmbH",
        "Straße AG",
        "Größe zählt",
        "Anna Öztürk",
        "Jürgen Weiß",
        "ACME, Inc.",
        '"Zitat" KG',
        "=SUM(A1)",
        "+49 221 1",
        "-Rabatt",
        "@here",
        "'=quoted",
    ]
)
TEXT = st.one_of(WORDS, TRICKY)
COMPANY = (
    st.sampled_from(
        ["Müller GmbH", "  müller gmbh ", "MÜLLER GMBH", "Straße AG", "STRASSE AG", "Süd AG", ""]
    )
    | TRICKY
)
CONTACT = st.sampled_from(["Anna Öztürk", "anna öztürk", "Jürgen Weiß", ""]) | TRICKY


@st.composite
def amounts(draw) -> str:
    if draw(st.integers(0, 4)) == 0:
        return draw(
            st.sampled_from(["", "12,3x", "1.2.3,4", "€", "1e5", "-5", "99999999999999999999"])
        )
    minor = draw(st.integers(0, 10**9))
    units, cents = divmod(minor, 100)
    style = draw(st.sampled_from(["de", "en", "plain", "cur"]))
    if style == "de":
        return f"{units:,}".replace(",", ".") + f",{cents:02d}"
    if style == "en":
        return f"{units:,}.{cents:02d}"
    if style == "cur":
        return f"{units},{cents:02d} €"
    return f"{units}.{cents:02d}"


@st.composite
def dates(draw) -> str:
    if draw(st.integers(0, 5)) == 0:
        return draw(st.sampled_from(["31.02.2026", "2026-13-01", "gestern", "1/2/26"]))
    d = draw(st.dates())
    if d.year < 1000:
        return ""
    return draw(
        st.sampled_from(
            [d.isoformat(), d.strftime("%d.%m.%Y"), d.strftime("%m/%d/%Y"), f"{d} 10:15", ""]
        )
    )


DEAL_STAGES = st.sampled_from(
    [
        "",
        "Qualification",
        "qualifikation",
        "MEETING",
        "Treffen",
        "Angebot",
        "proposal",
        "Abschluss",
        "Close",
        "Closed Won",
        "closedwon",
        "Closed Lost",
        "closedlost",
        "Demo Scheduled",
        "Verhandlung",
    ]
)
FUNNEL_STAGES = st.sampled_from(
    [
        "",
        "Awareness",
        "bewusstsein",
        "Interesse",
        "Erwägung",
        "engagement",
        "Konversion",
        "Lead",
        "Customer",
    ]
)
CELLS = {
    "value": amounts(),
    "created": dates(),
    "closed": dates(),
    "expected_close": dates(),
    "entered_on": dates(),
    "stage": DEAL_STAGES,
    "funnel_stage": FUNNEL_STAGES,
    "status": st.sampled_from(["", "open", "Won", "LOST", "offen", "gewonnen", "vielleicht"]),
    "probability": st.sampled_from(["", "50", "50 %", "100", "150", "x"]),
    "currency": st.sampled_from(["", "EUR", "€", "USD", "xx"]),
    "email": st.sampled_from(["", "a@b.example", "kein-at"]),
    "tags": st.sampled_from(["", "heiß, Rückruf", "a;b", "A, a"]),
    "pipeline": st.sampled_from(["", "Sales", "sales", "Other"]),
    "company": COMPANY,
    "contact": CONTACT,
}
STAGE_MAPS = st.sampled_from(
    [
        {},
        {"Demo Scheduled": "Treffen"},
        {"verhandlung": "Closed Lost"},
        {"Lead": "Interest"},
        {"Customer": "Konversion", "Lead": "Awareness"},
        {"Demo Scheduled": "Nirgendwo"},
    ]
)


@st.composite
def valid_amounts(draw) -> str:
    value = draw(amounts())
    return value if value[:1].isdigit() and "x" not in value and len(value) < 15 else "1,50"


@st.composite
def valid_dates(draw) -> str:
    d = draw(st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2030, 12, 31)))
    return draw(st.sampled_from([d.isoformat(), d.strftime("%d.%m.%Y"), ""]))


# Files whose rows should all import, so that successes are as common as refusals.
CLEAN_CELLS = {
    **CELLS,
    "title": WORDS,
    "name": WORDS,
    "first_name": WORDS,
    "value": valid_amounts(),
    "created": valid_dates(),
    "closed": valid_dates(),
    "expected_close": valid_dates(),
    "entered_on": valid_dates(),
    "stage": st.sampled_from(["", "Qualification", "treffen", "Angebot", "Closed Won"]),
    "funnel_stage": st.sampled_from(["", "Awareness", "interesse", "Konversion"]),
    "status": st.sampled_from(["", "Won", "gewonnen"]),
    "probability": st.sampled_from(["", "50", "0 %"]),
    "currency": st.sampled_from(["", "EUR", "€"]),
    "email": st.sampled_from(["", "a@b.example"]),
    "company": st.sampled_from(["Müller GmbH", "  müller gmbh ", "Straße AG", "Süd AG"]),
    "contact": st.sampled_from(["Anna Öztürk", "anna öztürk", "Jürgen Weiß"]),
}
CLEAN_STAGE_MAPS = st.sampled_from([{}, {"Demo Scheduled": "Treffen"}, {"Lead": "Interest"}])


@st.composite
def csv_files(draw) -> tuple[str, bytes, dict[str, str], int]:
    """(kind, file bytes, stage mapping, data rows)."""
    kind = draw(st.sampled_from(sorted(KIND_FIELDS)))
    clean = draw(st.booleans())
    cells = CLEAN_CELLS if clean else CELLS
    fields = KIND_FIELDS[kind]
    names = draw(st.lists(st.sampled_from(sorted(fields)), unique=True, min_size=1, max_size=9))
    required = {"deals": "title", "companies": "name", "contacts": "name"}[kind]
    if required not in names and (clean or draw(st.integers(0, 9))):
        names.insert(draw(st.integers(0, len(names))), required)
    header = [draw(st.sampled_from(fields[n])) for n in names]
    if draw(st.booleans()):  # a column we do not import
        at = draw(st.integers(0, len(header)))
        header.insert(at, draw(st.sampled_from(["Notizen", "X", ""])))
        names.insert(at, "?")
    count = draw(st.integers(0, 6))
    rows = [[draw(cells.get(name, TEXT)) for name in names] for _ in range(count)]
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    quote_all = draw(st.booleans())
    careless = not clean and draw(st.integers(0, 9)) == 0  # no quoting: broken structure
    newline = draw(st.sampled_from(["\r\n", "\n", "\r"]))

    def cell(text: str) -> str:
        if draw(st.integers(0, 9)) == 0 and text[:1] in "=+-@":
            text = "'" + text  # as our export neutralises
        if careless:
            return text
        if quote_all or any(c in text for c in (delimiter, '"', "\r", "\n")):
            return '"' + text.replace('"', '""') + '"'
        return text

    lines = [delimiter.join(cell(h) for h in header)]
    lines += [delimiter.join(cell(c) for c in row) for row in rows]
    if draw(st.integers(0, 7)) == 0:
        lines.insert(draw(st.integers(1, len(lines))), "")  # a blank line
    text = newline.join(lines) + draw(st.sampled_from([newline, ""]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:
        data = text.encode("utf-8")
    if not clean and draw(st.integers(0, 19)) == 0:
        data = data[: draw(st.integers(0, len(data)))]  # a truncated file
    return kind, data, draw(CLEAN_STAGE_MAPS if clean else STAGE_MAPS), len(rows)


# --- the property --------------------------------------------------------------------------


@settings(
    max_examples=2000,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(csv_files(), st.integers(0, 3))
def test_import_is_all_or_nothing(fuzz_db, generated, preview_first):
    services = fuzz_db
    kind, data, stage_map, _rows = generated
    keep_small(services)
    before = digest(services)
    tables = {m: m.select().count() for m in (Deal, Company, Contact, StageHistory)}
    planned = None
    if preview_first == 0:
        try:
            planned = importer.preview(services, data, kind, stage_map)
        except ImportFailed:
            planned = None
        assert digest(services) == before  # a dry run never writes
    try:
        summary = importer.import_csv(services, data, kind, stage_map)
    except ImportFailed as exc:
        event(f"{kind}: refused")
        assert exc.problems, "a failed import names what is wrong"
        assert all(p.line >= 1 for p in exc.problems)
        assert digest(services) == before  # never a partial import
        return
    event(f"{kind}: imported {'some' if summary.rows else 'no'} rows")
    after = {m: m.select().count() for m in (Deal, Company, Contact, StageHistory)}
    assert after[Deal] - tables[Deal] == summary.created["deals"]
    assert after[Company] - tables[Company] == summary.created["companies"]
    assert after[Contact] - tables[Contact] == summary.created["contacts"]
    if kind == "deals":
        assert summary.created["deals"] == summary.rows
        # Every new deal has exactly one current history row, in its current stage.
        open_rows = (
            StageHistory.select()
            .join(Deal, on=StageHistory.deal == Deal.id)
            .where(
                Deal.id.in_(summary.ids["deals"])
                & StageHistory.left_at.is_null()
                & (StageHistory.stage == Deal.stage)
                & (StageHistory.status == Deal.status)
            )
            .count()
        )
        assert open_rows == summary.rows
    if planned is not None:
        assert planned.created == summary.created and planned.matched == summary.matched
