"""Property: for any database content, export → import into a new file → export is identical."""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.services import Services, exporter, importer
from app.services.importer import name_key

# Any text but surrogates, with something printable in it (the services refuse blank names).
TEXT = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=12
).filter(str.strip)
NOTES = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=20)
# Tags are written "a, b": names holding "," or ";", or equal but for case, do not round-trip.
TAGS = st.lists(st.sampled_from(["heiß", "Rückruf", "VIP", "=q1", "@ab"]), unique=True, max_size=3)
DAYS = st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2026, 6, 30))


@st.composite
def contents(draw):
    # Names are matched case- and space-insensitively, so distinct records need distinct keys.
    companies = draw(st.lists(TEXT, min_size=1, max_size=4, unique_by=name_key))
    contacts = draw(
        st.lists(
            st.tuples(st.integers(0, len(companies) - 1), TEXT, NOTES, NOTES),
            max_size=4,
            unique_by=lambda c: name_key(c[1]),
        )
    )
    deals = draw(
        st.lists(
            st.tuples(
                TEXT,  # title
                st.integers(0, 10**12),  # value
                st.one_of(st.none(), st.integers(0, len(companies) - 1)),
                st.sampled_from(["open", "won", "lost"]),
                st.integers(0, 3),  # stage index
                st.one_of(st.none(), st.integers(0, 100)),
                st.one_of(st.none(), DAYS),
                DAYS,
                NOTES,
                TAGS,
                st.booleans(),  # with the company's first contact
            ),
            max_size=6,
        )
    )
    company_rows = [
        (name, draw(NOTES), draw(NOTES), draw(st.one_of(st.none(), DAYS)), draw(TAGS))
        for name in companies
    ]
    return company_rows, contacts, deals, draw(st.sampled_from([",", ";"]))


def fill(services: Services, content) -> None:
    company_rows, contacts, deals, _delimiter = content
    ids = [
        services.companies.create(
            name, group=group, source=source, entered_on=entered, notes=group, tags=tags
        )
        for name, group, source, entered, tags in company_rows
    ]
    firsts: dict[int, int] = {}
    for company, name, email, phone in contacts:
        contact = services.companies.create_contact(
            ids[company], name, email="a@b.example" if email else "", phone=phone
        )
        firsts.setdefault(company, contact)
    stages = [sid for sid, *_ in services.stages.pipeline_stages(1)]
    for (
        title,
        value,
        company,
        status,
        stage,
        probability,
        close,
        created,
        notes,
        tags,
        with_contact,
    ) in deals:
        deal_id = services.deals.create(
            title,
            stage_id=stages[stage],
            company_id=None if company is None else ids[company],
            contact_id=firsts.get(company) if with_contact and company is not None else None,
            value_minor=value,
            probability=probability,
            expected_close=close,
            notes=notes,
            tags=tags,
            created_at=dt.datetime.combine(created, dt.time(9, 30)),
        )
        if status == "won":
            services.deals.win([deal_id])
        elif status == "lost":
            services.deals.lose([deal_id], notes.strip() or "teuer")


@settings(
    max_examples=int(os.environ.get("ROUNDTRIP_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(contents())
def test_export_import_export_round_trips(content):
    delimiter = content[3]
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        source, target = Services.open(folder / "a.sqlite"), None
        try:
            fill(source, content)
            first = {}
            for kind in ("companies", "contacts", "deals"):
                first[kind] = folder / f"{kind}-1.csv"
                exporter.export_csv(source, kind, first[kind], delimiter)
            source.close()
            target = Services.open(folder / "b.sqlite")
            for kind in ("companies", "contacts", "deals"):
                importer.import_csv(target, first[kind].read_bytes(), kind)
                second = folder / f"{kind}-2.csv"
                exporter.export_csv(target, kind, second, delimiter)
                assert second.read_bytes() == first[kind].read_bytes(), kind
        finally:
            source.close()
            if target is not None:
                target.close()
