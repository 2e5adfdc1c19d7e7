"""Import and export on real database files: CRM-shaped CSVs, all or nothing, round trips, ICS."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from app.importing.csvformat import MAX_LISTED_PROBLEMS
from app.services import Services, exporter, importer
from app.services.importer import ImportCancelled, ImportFailed
from app.storage.models import Company, Contact, Deal, DealTag, StageHistory, Tag
from tests.helpers import digest

BOM = "\ufeff"


# --- helpers -------------------------------------------------------------------------------


def counts(services: Services) -> dict[str, int]:
    return {m.__name__: m.select().count() for m in (Deal, Company, Contact, StageHistory, Tag)}


def csv_bytes(lines: list[str], *, newline: str = "\r\n", bom: bool = True, enc="utf-8") -> bytes:
    text = newline.join(lines) + newline
    return ((BOM if bom else "") + text).encode(enc)


def deal(title: str) -> Deal:
    return Deal.get(Deal.title == title)


def stage_name(d: Deal) -> str:
    return d.stage.name


def history(d: Deal) -> list[tuple]:
    return [
        (h.stage.name, h.status, h.entered_at, h.left_at)
        for h in StageHistory.select().where(StageHistory.deal == d.id).order_by(StageHistory.id)
    ]


def midnight(y: int, m: int, d: int) -> dt.datetime:
    return dt.datetime(y, m, d)


# --- Pipedrive -----------------------------------------------------------------------------

PIPEDRIVE_DEALS = [
    "Deal - ID;Deal - Title;Deal - Value;Deal - Currency;Deal - Organization;"
    "Deal - Contact person;Deal - Stage;Deal - Status;Deal - Expected close date;"
    "Deal - Deal created;Deal - Lost reason;Deal - Pipeline;Deal - Label",
    "101;Größe zählt – Rahmenvertrag;1.234,56;EUR;Müller & Söhne GmbH;Jürgen Weiß;Angebot;"
    "Open;31.12.2026;01.03.2026;;Sales;heiß",
    '102;"Wartung; Phase 2";"12.000,00";EUR;"Bäckerei ""Zum Korn"" KG";'
    "Anna Öztürk;qualifikation;Won;15.04.2026;02.01.2026;;Sales;",
    # Quoted newlines: the record spans lines 4-6, the next one starts on line 7.
    '103;"Lizenzen\nmit Zeilenumbruch\nim Titel";"0,50";EUR;  müller & söhne gmbh ;'
    "Jürgen Weiß;Treffen;Lost;;15.02.2026;Zu teuer;Sales;",
    "104;Schulung Außendienst;2.500;EUR;Straße AG;;;Won;;10.01.2026;;Sales;",
    "105;Neukunde ohne Firma;990;EUR;;;Qualification;open;;;;;",
]


def test_pipedrive_deal_export_is_imported_record_by_record(services, tmp_path):
    before = counts(services)
    summary = importer.import_csv(services, csv_bytes(PIPEDRIVE_DEALS), "deals")
    assert summary.rows == 5
    assert summary.created == {"deals": 5, "companies": 3, "contacts": 2, "tags": 0}
    assert summary.matched == {"companies": 0, "contacts": 0}
    assert summary.unknown_columns == ["Deal - Label"]
    assert summary.delimiter == ";" and summary.encoding == "utf-8-sig"
    assert counts(services)["Deal"] == before["Deal"] + 5

    d = deal("Größe zählt – Rahmenvertrag")
    assert d.value_minor == 123456
    assert d.company.name == "Müller & Söhne GmbH"
    assert d.contact.name == "Jürgen Weiß" and d.contact.company_id == d.company_id
    assert stage_name(d) == "Proposal" and d.status == "open"
    assert d.expected_close == dt.date(2026, 12, 31)
    assert d.created_at == midnight(2026, 3, 1)
    assert d.closed_at is None and d.probability is None
    assert history(d) == [("Proposal", "open", midnight(2026, 3, 1), None)]

    d = deal("Wartung; Phase 2")
    assert d.value_minor == 1_200_000
    assert d.company.name == 'Bäckerei "Zum Korn" KG'
    assert stage_name(d) == "Qualification" and d.status == "won"
    # A won deal without a close date closes at its expected close date.
    assert d.closed_at == midnight(2026, 4, 15)
    assert history(d) == [
        ("Qualification", "open", midnight(2026, 1, 2), midnight(2026, 4, 15)),
        ("Qualification", "won", midnight(2026, 4, 15), None),
    ]
    # Winning made the company a customer from the day it was won.
    company = d.company
    assert company.funnel_stage.name == "Conversion"
    assert company.converted_at == midnight(2026, 4, 15)
    assert company.entered_on == dt.date(2026, 1, 2)

    d = deal("Lizenzen\nmit Zeilenumbruch\nim Titel")
    assert d.value_minor == 50
    assert d.company.name == "Müller & Söhne GmbH"  # matched trimmed and case-insensitively
    assert d.contact.name == "Jürgen Weiß"
    assert stage_name(d) == "Meeting" and d.status == "lost" and d.lost_reason == "Zu teuer"
    assert d.created_at == midnight(2026, 2, 15)

    d = deal("Schulung Außendienst")
    assert d.value_minor == 250_000  # German thousands
    assert d.company.name == "Straße AG"
    # Won with no stage of ours: the pipeline's last stage.
    assert stage_name(d) == "Close" and d.status == "won"

    d = deal("Neukunde ohne Firma")
    assert d.company is None and d.contact is None
    assert stage_name(d) == "Qualification" and d.status == "open"
    assert d.created_at >= summary_time_floor()

    mueller = Company.get(Company.name == "Müller & Söhne GmbH")
    assert mueller.entered_on == dt.date(2026, 2, 15)  # its earliest deal
    assert mueller.funnel_stage.name == "Awareness"
    assert Contact.select().where(Contact.company == mueller.id).count() == 1


def summary_time_floor() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None) - dt.timedelta(minutes=5)


def test_pipedrive_organizations_and_persons(services):
    orgs = [
        "Organization - Name;Organization - Label;Organization - Source;"
        "Organization - Organization created;Organization - Address",
        "Müller & Söhne GmbH;Handwerk;Messe;05.01.2026;Hauptstraße 1, 12345 Köln",
        '"Bäckerei ""Zum Korn"" KG";Lebensmittel;;2026-02-01;"Am Markt 2; Bonn"',
    ]
    summary = importer.import_csv(services, csv_bytes(orgs), "companies")
    assert summary.created["companies"] == 2
    assert summary.unknown_columns == ["Organization - Address"]
    m = Company.get(Company.name == "Müller & Söhne GmbH")
    assert (m.group, m.source, m.entered_on) == ("Handwerk", "Messe", dt.date(2026, 1, 5))
    assert m.funnel_stage.name == "Awareness"
    rows = StageHistory.select().where(StageHistory.company == m.id)
    assert [(h.funnel_stage.name, h.entered_at, h.left_at) for h in rows] == [
        ("Awareness", midnight(2026, 1, 5), None)
    ]

    persons = [
        "Person - Name;Person - Email;Person - Phone;Person - Organization;Person - Job title",
        "Jürgen Weiß;j.weiss@mueller.example;+49 221 123;MÜLLER & SÖHNE GMBH;Einkauf",
        'Anna Öztürk;anna@korn.example;;Bäckerei "Zum Korn" KG;Inhaberin',
        "Neue Person;neu@example.com;;Neue Firma GmbH;",
    ]
    summary = importer.import_csv(services, csv_bytes(persons, bom=False), "contacts")
    assert summary.created == {"deals": 0, "companies": 1, "contacts": 3, "tags": 0}
    assert summary.matched["companies"] == 2
    j = Contact.get(Contact.name == "Jürgen Weiß")
    assert (j.email, j.phone, j.role, j.company_id) == (
        "j.weiss@mueller.example",
        "+49 221 123",
        "Einkauf",
        m.id,
    )
    # The same file again matches every contact and creates nothing.
    again = importer.import_csv(services, csv_bytes(persons, bom=False), "contacts")
    assert again.created["contacts"] == 0 and again.matched["contacts"] == 3


# --- HubSpot -------------------------------------------------------------------------------

HUBSPOT_DEALS = [
    "Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Associated Company,"
    "Pipeline,Deal owner,Last Activity Date",
    '9001,"Müller, Phase 1",Appointment Scheduled,"1,234.50",2026-06-30,'
    "2026-03-01 09:15,Müller GmbH,Sales Pipeline,Anna,2026-03-02",
    "9002,Großauftrag Süd,Closed Won,12000,2026-05-20,03/15/2026,Süd AG,Sales Pipeline,Anna,",
    "9003,Kleinauftrag,closedlost,99.99,2026-04-01,2026-03-20T10:00:00Z,Süd AG,,Anna,",
    '9004,Angebot raus,Contract Sent,"$5,000.00",,2026-01-05,,,Anna,',
]


def test_hubspot_deal_export_needs_its_stages_mapped(services):
    data = csv_bytes(HUBSPOT_DEALS, newline="\n", bom=False)
    before = digest(services)
    with pytest.raises(ImportFailed) as info:
        importer.import_csv(services, data, "deals")
    assert digest(services) == before
    assert [(p.line, p.column) for p in info.value.problems] == [
        (2, "Deal Stage"),
        (5, "Deal Stage"),
    ]
    assert info.value.unknown_stages == {"Appointment Scheduled": [2], "Contract Sent": [5]}
    assert "Qualification, Meeting, Proposal, Close" in str(info.value)
    assert info.value.known_stages[-2:] == ["Closed Won", "Closed Lost"]

    mapping = {"appointment scheduled": "Treffen", "Contract Sent": "Proposal"}
    preview = importer.preview(services, data, "deals", mapping)
    assert digest(services) == before
    summary = importer.import_csv(services, data, "deals", mapping)
    assert (
        preview.created
        == summary.created
        == {
            "deals": 4,
            "companies": 2,
            "contacts": 0,
            "tags": 0,
        }
    )
    assert summary.unknown_columns == ["Last Activity Date"]  # owner and id are known
    assert any('Pipeline "Sales Pipeline"' in n for n in summary.notices)
    assert dict((raw, ours) for raw, ours, _n in summary.stages) == {
        "Appointment Scheduled": "Meeting",
        "Closed Won": "Closed Won",
        "closedlost": "Closed Lost",
        "Contract Sent": "Proposal",
    }

    d = deal("Müller, Phase 1")
    assert (d.value_minor, stage_name(d), d.status) == (123450, "Meeting", "open")
    assert d.expected_close == dt.date(2026, 6, 30)
    assert d.created_at == midnight(2026, 3, 1)
    d = deal("Großauftrag Süd")
    assert (d.value_minor, stage_name(d), d.status) == (1_200_000, "Close", "won")
    assert d.created_at == midnight(2026, 3, 15)  # US month/day/year
    assert d.closed_at == midnight(2026, 5, 20)  # HubSpot's Close Date of a closed deal
    d = deal("Kleinauftrag")
    assert (d.value_minor, d.status, d.company.name) == (9999, "lost", "Süd AG")
    d = deal("Angebot raus")
    assert (d.value_minor, stage_name(d)) == (500_000, "Proposal")


def test_hubspot_companies_and_contacts(services):
    companies = [
        "Company name,Industry,Lifecycle Stage,Original Source,Create Date,Phone Number",
        "Müller GmbH,Maschinenbau,Interesse,Offline Sources,2026-01-10,+49 1",
        "Süd AG,Handel,consideration,,2026-02-11,",
    ]
    summary = importer.import_csv(services, csv_bytes(companies, bom=False), "companies")
    assert summary.created["companies"] == 2
    m = Company.get(Company.name == "Müller GmbH")
    assert (m.group, m.funnel_stage.name, m.source) == (
        "Maschinenbau",
        "Interest",
        "Offline Sources",
    )
    assert m.reached_position == 1
    s = Company.get(Company.name == "Süd AG")
    assert s.funnel_stage.name == "Consideration" and s.entered_on == dt.date(2026, 2, 11)

    contacts = [
        "First Name,Last Name,Email,Job Title,Company Name,Associated Company",
        "Jörg,Müller,joerg@mueller.example,CEO,,müller gmbh",
        "Eva,,eva@sued.example,,Süd AG,",
    ]
    summary = importer.import_csv(services, csv_bytes(contacts, bom=False), "contacts")
    assert summary.created["contacts"] == 2 and summary.created["companies"] == 0
    j = Contact.get(Contact.name == "Jörg Müller")
    assert (j.email, j.role, j.company_id) == ("joerg@mueller.example", "CEO", m.id)
    assert Contact.get(Contact.name == "Eva").company_id == s.id


def test_a_german_spreadsheet_is_recognised_without_choosing_columns(services):
    """Excel in German: semicolons, Windows-1252, German headers, numbers and dates."""
    companies = [
        "Firma;Branche;Trichterphase;Quelle;Erfasst am;Notizen",
        "Bäckerei Korn KG;Handwerk;Interesse;Messe;03.02.2026;Rückruf im März",
    ]
    summary = importer.import_csv(
        services, csv_bytes(companies, bom=False, enc="cp1252"), "companies"
    )
    assert summary.unknown_columns == [] and summary.created["companies"] == 1
    korn = Company.get(Company.name == "Bäckerei Korn KG")
    assert (korn.group, korn.funnel_stage.name, korn.source, korn.entered_on, korn.notes) == (
        "Handwerk",
        "Interest",
        "Messe",
        dt.date(2026, 2, 3),
        "Rückruf im März",
    )

    contacts = [
        "Vorname;Nachname;E-Mail;Telefon;Funktion;Firma",
        "Jörg;Weiß;joerg@korn.example;0711 123;Inhaber;bäckerei korn kg",
    ]
    summary = importer.import_csv(services, csv_bytes(contacts), "contacts")
    assert summary.unknown_columns == [] and summary.matched["companies"] == 1
    weiss = Contact.get(Contact.name == "Jörg Weiß")
    assert (weiss.email, weiss.phone, weiss.role, weiss.company_id) == (
        "joerg@korn.example",
        "0711 123",
        "Inhaber",
        korn.id,
    )

    deals = [
        "Titel;Betrag;Währung;Firma;Ansprechpartner;Phase;Status;Abschlussdatum;Erstellt am;"
        "Wahrscheinlichkeit;Verlustgrund;Schlagworte",
        "Brotautomat;12.500,00 €;EUR;Bäckerei Korn KG;Jörg Weiß;Angebot;offen;31.12.2026;"
        "05.02.2026;40 %;;Rückruf",
        "Kassensystem;1.200,50;EUR;Bäckerei Korn KG;;Treffen;verloren;15.03.2026;10.02.2026;;"
        "Zu teuer;",
    ]
    summary = importer.import_csv(services, csv_bytes(deals), "deals")
    assert summary.unknown_columns == [] and summary.created["deals"] == 2
    brot, kasse = deal("Brotautomat"), deal("Kassensystem")
    assert (brot.value_minor, brot.company_id, brot.contact_id, stage_name(brot)) == (
        1_250_000,
        korn.id,
        weiss.id,
        "Proposal",
    )
    assert (brot.status, brot.expected_close, brot.probability) == (
        "open",
        dt.date(2026, 12, 31),
        40,
    )
    assert brot.created_at == midnight(2026, 2, 5)
    assert [t.tag.name for t in DealTag.select().where(DealTag.deal == brot.id)] == ["Rückruf"]
    assert (kasse.status, kasse.lost_reason, kasse.value_minor, stage_name(kasse)) == (
        "lost",
        "Zu teuer",
        120_050,
        "Meeting",
    )


def test_unknown_funnel_stage_is_an_error_unless_mapped(services):
    data = csv_bytes(["Company name,Lifecycle Stage", "A,Lead", "B,Customer", "C,lead"])
    with pytest.raises(ImportFailed) as info:
        importer.import_csv(services, data, "companies")
    assert [p.line for p in info.value.problems] == [2, 3, 4]
    assert info.value.unknown_stages == {"Lead": [2, 4], "Customer": [3]}
    summary = importer.import_csv(
        services, data, "companies", {"Lead": "Bewusstsein", "customer": "Konversion"}
    )
    assert summary.created["companies"] == 3
    b = Company.get(Company.name == "B")
    assert b.funnel_stage.name == "Conversion" and b.converted_at is not None


# --- all or nothing ------------------------------------------------------------------------


def test_bad_lines_import_nothing_and_are_all_named(services):
    services.companies.create("Bestand GmbH")
    before, before_counts = digest(services), counts(services)
    lines = [
        "title;value;company;stage;status;created;probability;currency;contact",
        "Gut;100;Bestand GmbH;Proposal;open;2026-01-01;;EUR;",  # 2 fine
        "Schlecht Wert;12,3x;Neu AG;Proposal;open;;;;",  # 3 value
        ";5;Neu AG;Meeting;;;;;",  # 4 empty title
        "Datum;5;Neu AG;Meeting;;31.02.2026;;;",  # 5 impossible date
        "Stufe;5;Neu AG;Verhandlung;;;;;",  # 6 unknown stage
        "Widerspruch;5;Neu AG;Closed Won;lost;;;;",  # 7 stage vs status
        "Prozent;5;;Meeting;;;150;;",  # 8 probability
        "Waehrung;5;;Meeting;;;;USD;",  # 9 another currency
        "Negativ;-5;;Meeting;;;;;",  # 10 negative
        "Kontakt;5;;Meeting;;;;;Niemand Bekanntes",  # 11 contact without company
        "Status;5;;Meeting;vielleicht;;;;",  # 12 status
        "Auch gut;7;Neu AG;Treffen;;;;;",  # 13 fine
    ]
    with pytest.raises(ImportFailed) as info:
        importer.import_csv(services, csv_bytes(lines), "deals")
    assert digest(services) == before and counts(services) == before_counts
    problems = info.value.problems
    assert [(p.line, p.column) for p in problems] == [
        (3, "value"),
        (4, "title"),
        (5, "created"),
        (6, "stage"),
        (7, "status"),
        (8, "probability"),
        (9, "currency"),
        (10, "value"),
        (11, "contact"),
        (12, "status"),
    ]
    text = str(info.value)
    assert 'line 3, column "value": Value must be an amount such as 1.234,56 (got "12,3x")' in text
    assert "Verhandlung" in text and "Qualification, Meeting, Proposal, Close" in text
    assert 'Currency "USD"' in text and "EUR" in text


def test_more_than_fifty_bad_lines_are_counted(services):
    lines = ["title;value"] + [f"D{i};zz" for i in range(70)]
    with pytest.raises(ImportFailed) as info:
        importer.import_csv(services, csv_bytes(lines), "deals")
    assert len(info.value.problems) == 70
    text = str(info.value).splitlines()
    assert len(text) == MAX_LISTED_PROBLEMS + 1 and text[-1] == "... and 20 more"
    assert Deal.select().count() == 0


def test_structural_errors_import_nothing(services):
    before = digest(services)
    for data in (
        b"",
        b"notes;value\nA;1\n",  # no title column
        b'title;notes\nA;"never closed\n',
        b"title;value\nA;1;2;3\n",
    ):
        with pytest.raises(ImportFailed):
            importer.import_csv(services, data, "deals")
    assert digest(services) == before


def test_dry_run_writes_nothing_and_predicts_the_import(services):
    services.companies.create("Müller & Söhne GmbH")
    before = digest(services)
    data = csv_bytes(PIPEDRIVE_DEALS)
    planned = importer.preview(services, data, "deals")
    assert digest(services) == before
    assert planned.dry_run and planned.ids == {}
    assert planned.matched_companies == ["Müller & Söhne GmbH"]
    assert sorted(planned.new_companies) == ['Bäckerei "Zum Korn" KG', "Straße AG"]
    assert planned.sample[0].name == "Größe zählt – Rahmenvertrag"
    assert not planned.sample[0].company_is_new
    done = importer.import_csv(services, data, "deals")
    assert (done.created, done.matched) == (planned.created, planned.matched)
    assert len(done.ids["deals"]) == 5


def test_cancelling_rolls_everything_back(services, monkeypatch):
    monkeypatch.setattr(importer, "BATCH_ROWS", 10)
    monkeypatch.setattr(importer, "BULK_INDEX_ROWS", 50)  # drops and rebuilds indexes too
    lines = ["title;company;tags"] + [f"Deal {i};Firma {i % 7};a, b" for i in range(300)]
    before = digest(services)
    seen: list[tuple[int, int]] = []

    def cancelled() -> bool:
        return len(seen) > 0 and seen[-1][0] > 400  # in the middle of the inserts

    with pytest.raises(ImportCancelled):
        importer.import_csv(
            services,
            csv_bytes(lines),
            "deals",
            progress=lambda done, total: seen.append((done, total)),
            cancelled=cancelled,
        )
    assert digest(services) == before
    assert seen[-1][1] == 600
    # The same import without cancelling goes through, indexes rebuilt as they were.
    indexes = services.db.execute_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
    ).fetchall()
    importer.import_csv(services, csv_bytes(lines), "deals")
    assert Deal.select().count() == 300
    assert DealTag.select().count() == 600 and Tag.select().count() == 2
    assert (
        services.db.execute_sql(
            "SELECT sql FROM sqlite_master WHERE type = 'index' ORDER BY name"
        ).fetchall()
        == indexes
    )
    assert services.db.execute_sql("PRAGMA integrity_check").fetchone() == ("ok",)


def test_a_stage_mapping_to_no_stage_of_ours_is_refused(services):
    with pytest.raises(ImportFailed) as info:
        importer.preview(services, csv_bytes(["title;stage", "A;X"]), "deals", {"X": "Nope"})
    (problem,) = info.value.problems
    assert (problem.line, problem.column) == (1, "stage")
    assert 'The stage mapping "X=Nope" names no stage of ours' in problem.message
    assert importer.parse_stage_map(["Demo Scheduled=Treffen", " a = b "]) == {
        "Demo Scheduled": "Treffen",
        "a": "b",
    }
    with pytest.raises(ValueError):
        importer.parse_stage_map(["no equals sign"])


def test_import_announces_one_change(services):
    seen = []
    services.changed.connect(seen.append)
    importer.import_csv(services, csv_bytes(["title", "A", "B"]), "deals")
    assert [c.kind for c in seen] == ["all"]
    importer.import_csv(services, csv_bytes(["title", "C"]), "deals", announce=False)
    assert len(seen) == 1


def test_existing_company_becomes_customer_when_a_won_deal_is_imported(services):
    company_id = services.companies.create("Alt GmbH", entered_on=dt.date(2025, 1, 1))
    importer.import_csv(
        services,
        csv_bytes(
            ["title;company;status;closed;created", "Sieg;ALT GMBH;won;2026-02-03;2026-01-10"]
        ),
        "deals",
    )
    company = Company.get_by_id(company_id)
    assert company.funnel_stage.name == "Conversion"
    assert company.converted_at == midnight(2026, 2, 3)
    rows = StageHistory.select().where(StageHistory.company == company_id).order_by(StageHistory.id)
    assert [(h.funnel_stage.name, h.left_at) for h in rows] == [
        ("Awareness", midnight(2026, 2, 3)),
        ("Conversion", None),
    ]


# --- export --------------------------------------------------------------------------------


def populate(services: Services) -> None:
    """A database with the awkward cases: formulas, umlauts, delimiters, newlines, tags."""
    s = services
    mueller = s.companies.create(
        "Müller; Söhne",
        group="=Handwerk",
        source="@messe",
        entered_on=dt.date(2025, 11, 2),
        notes="Zeile 1\nZeile 2",
        tags=["heiß", "Rückruf"],
    )
    formula = s.companies.create('=HYPERLINK("http://x","klick")')
    anna = s.companies.create_contact(
        mueller, 'Anna "Ann" Ölmann', email="a@m.example", phone="+49 (0) 221", role="-Einkauf-"
    )
    s.companies.create_contact(formula, "+Plus Person")
    stages = {name: sid for sid, name, *_ in s.stages.pipeline_stages(1)}
    d1 = s.deals.create(
        "Größe, zählt",
        stage_id=stages["Proposal"],
        company_id=mueller,
        contact_id=anna,
        value_minor=123456,
        expected_close=dt.date(2026, 12, 31),
        probability=45,
        notes="mit\r\nZeilenumbruch; und Semikolon",
        tags=["b-tag", "A-Tag"],
        created_at=dt.datetime(2026, 1, 2, 10, 30),
    )
    d2 = s.deals.create(
        "-1 Rabatt", company_id=formula, value_minor=5, created_at=dt.datetime(2026, 2, 1)
    )
    s.deals.create("@Mention\tTab", value_minor=0)
    s.deals.win([d1])
    s.deals.lose([d2], "=Zu teuer")
    renewals = s.stages.add_pipeline("Erneuerungen", [("Angebot", 50, 10), ("Abschluss", 90, 5)])
    renewal_stage = s.stages.pipeline_stages(renewals)[1][0]
    s.deals.create("Verlängerung", stage_id=renewal_stage, value_minor=99, company_id=mueller)
    trashed = s.deals.create("Im Papierkorb")
    s.deals.delete([trashed])
    s.activities.schedule("Anrufen", dt.date(2026, 12, 1), deal_id=d1, notes="Notiz, mit; allem")
    done = s.activities.schedule("Erledigt", dt.date(2026, 11, 1), company_id=mueller)
    s.activities.complete(done)


@pytest.mark.parametrize("delimiter", [",", ";"])
def test_export_import_export_is_identical(tmp_path, delimiter):
    source = Services.open(tmp_path / "source.sqlite")
    populate(source)
    target = Services.open(tmp_path / "target.sqlite")
    target.stages.add_pipeline("Erneuerungen", [("Angebot", 50, 10), ("Abschluss", 90, 5)])
    try:
        for kind in ("companies", "contacts", "deals"):
            first, second = tmp_path / f"{kind}-1.csv", tmp_path / f"{kind}-2.csv"
            exporter.export_csv(source, kind, first, delimiter)
            importer.import_csv(target, first.read_bytes(), kind)
            exporter.export_csv(target, kind, second, delimiter)
            assert second.read_bytes() == first.read_bytes(), kind
    finally:
        source.close()
        target.close()


def test_export_neutralises_formulas_and_import_restores_them(tmp_path, services):
    populate(services)
    path = tmp_path / "companies.csv"
    exporter.export_csv(services, "companies", path, ";")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw
    text = raw.decode("utf-8-sig")
    assert "'=HYPERLINK" in text and ";'=Handwerk;" in text and ";'@messe;" in text
    assert "\n=" not in text and ";=" not in text
    deals = tmp_path / "deals.csv"
    exporter.export_csv(services, "deals", deals, ";")
    deal_text = deals.read_text("utf-8-sig")
    assert "'-1 Rabatt" in deal_text and "'@Mention" in deal_text and "'=Zu teuer" in deal_text
    assert ";1234,56;" in deal_text  # numbers stay numbers, decimal comma for German Excel
    assert "Im Papierkorb" not in deal_text

    other = Services.open(tmp_path / "other.sqlite")
    try:
        importer.import_csv(other, raw, "companies")
        importer.import_csv(other, deals.read_bytes(), "deals")
        assert Company.get(Company.group == "=Handwerk").source == "@messe"
        assert Company.select().where(Company.name == '=HYPERLINK("http://x","klick")').exists()
        assert Deal.get(Deal.title == "-1 Rabatt").lost_reason == "=Zu teuer"
        assert Deal.get(Deal.title == "@Mention\tTab").value_minor == 0
    finally:
        other.close()


def test_export_rejects_unknown_kinds_and_delimiters(services, tmp_path):
    with pytest.raises(ValueError):
        exporter.export_csv(services, "spend", tmp_path / "x.csv")
    with pytest.raises(ValueError):
        exporter.export_csv(services, "deals", tmp_path / "x.csv", "|")
    assert list(tmp_path.glob("x.csv*")) == []


def test_activities_export(services, tmp_path):
    populate(services)
    path = tmp_path / "activities.csv"
    assert exporter.export_csv(services, "activities", path) == 2
    lines = path.read_text("utf-8-sig").splitlines()
    assert lines[0] == "kind,subject,due_on,done,company,deal,contact,notes"
    assert lines[1] == 'task,Anrufen,2026-12-01,,Müller; Söhne,"Größe, zählt",,"Notiz, mit; allem"'
    assert lines[2].startswith("task,Erledigt,2026-11-01,20")


# --- iCalendar -----------------------------------------------------------------------------


def unfold(data: bytes) -> list[str]:
    return data.decode("utf-8").replace("\r\n ", "").split("\r\n")


def test_next_actions_as_icalendar(services, tmp_path):
    populate(services)
    long_subject = "Angebot nachfassen, Preise prüfen; Rückfragen klären \\ " + "ä" * 60
    company = Company.get(Company.name == "Müller; Söhne").id
    services.activities.schedule(
        long_subject, dt.date(2026, 12, 2), company_id=company, kind="call"
    )
    services.activities.schedule("Ohne Datum", None, company_id=company)  # not exported
    path = tmp_path / "next.ics"
    now = dt.datetime(2026, 11, 26, 8, 0)
    assert exporter.export_next_actions(services, path, now=now) == 2
    data = path.read_bytes()
    physical = data.split(b"\r\n")
    assert physical[-1] == b"" and all(len(line) <= 75 for line in physical)
    assert b"\n" not in data.replace(b"\r\n", b"")
    data.decode("utf-8")  # folding never splits a UTF-8 sequence
    lines = unfold(data)
    assert lines[:3] == ["BEGIN:VCALENDAR", "VERSION:2.0", f"PRODID:{exporter.PRODID}"]
    assert lines[-2:] == ["END:VCALENDAR", ""]
    assert lines.count("BEGIN:VEVENT") == 2 == lines.count("END:VEVENT")
    assert "DTSTART;VALUE=DATE:20261201" in lines and "DTEND;VALUE=DATE:20261202" in lines
    assert "DTSTAMP:20261126T080000Z" in lines
    assert "SUMMARY:Anrufen (Müller\\; Söhne)" in lines
    assert (
        "DESCRIPTION:Deal: Größe\\, zählt\\nCompany: Müller\\; Söhne\\n\\nNotiz\\, mit\\; allem"
        in lines
    )
    summary = next(line for line in lines if line.startswith("SUMMARY:Angebot"))
    assert summary.startswith(
        "SUMMARY:Angebot nachfassen\\, Preise prüfen\\; Rückfragen klären \\\\ "
    )
    assert "CATEGORIES:CALL" in lines
    uids = [line for line in lines if line.startswith("UID:")]
    assert len(set(uids)) == 2
    # Stable: exporting again gives the same UIDs, so calendars update instead of doubling.
    exporter.export_next_actions(services, path, now=now)
    assert [line for line in unfold(path.read_bytes()) if line.startswith("UID:")] == uids
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_next_actions_as_todos(services, tmp_path):
    populate(services)
    path = tmp_path / "todo.ics"
    exporter.export_next_actions(services, path, component="VTODO")
    lines = unfold(path.read_bytes())
    assert "BEGIN:VTODO" in lines and "DUE;VALUE=DATE:20261201" in lines
    assert "STATUS:NEEDS-ACTION" in lines and "BEGIN:VEVENT" not in lines


def test_ics_fold_and_escape():
    assert exporter.ics_escape("a\\b;c,d\r\ne\rf\ng\x01") == "a\\\\b\\;c\\,d\\ne\\nf\\ng"
    line = "SUMMARY:" + "€" * 40
    folded = exporter.ics_fold(line)
    parts = folded.encode().split(b"\r\n")
    assert parts[-1] == b"" and all(len(p) <= 75 for p in parts)
    assert all(p.startswith(b" ") for p in parts[1:-1])
    assert folded.replace("\r\n ", "") == line + "\r\n"
    assert exporter.ics_fold("x" * 75) == "x" * 75 + "\r\n"
    assert re.fullmatch("x{75}\r\n x\r\n", exporter.ics_fold("x" * 76))


def test_won_deals_make_many_existing_companies_customers_in_one_go(services):
    """The bulk conversion of matched companies does what move_company_to does for one: from
    the earliest win, or from entering the current stage when that came later; an earlier
    conversion date is kept; customers stay as they are; the funnel tallies follow."""
    from app.services.companies import move_company_to
    from tests.test_tallies import PERIODS, assert_tallies_agree

    stage = {name: sid for sid, name in services.stages.funnel_stages()}
    s = services.companies
    interest = s.create(
        "Interessent", funnel_stage_id=stage["Interest"], entered_on=dt.date(2025, 1, 1)
    )
    late = s.create("Spätzugang", entered_on=dt.date(2026, 3, 1))
    back = s.create("Rückkehrer", entered_on=dt.date(2025, 1, 1))
    with services.transaction():
        move_company_to(back, stage["Conversion"], midnight(2025, 6, 1))
        move_company_to(back, stage["Engagement"], midnight(2025, 7, 1))
    customer = s.create(
        "Kunde", funnel_stage_id=stage["Conversion"], entered_on=dt.date(2025, 2, 1)
    )
    many = [
        s.create(f"Firma {i}", funnel_stage_id=stage["Interest"], entered_on=dt.date(2025, 5, 1))
        for i in range(300)
    ]
    lines = ["title;company;status;closed;created"]
    lines += [
        "A;interessent;won;2026-02-03;2026-01-10",
        "B;Spätzugang;won;2026-02-03;2026-01-10",
        "C1;Rückkehrer;won;2026-04-01;2026-01-10",
        "C2;Rückkehrer;won;2026-02-03;2026-01-10",
        "C3;Rückkehrer;open;;2026-01-10",
        "D;Kunde;won;2026-02-03;2026-01-10",
    ]
    lines += [f"E{i};Firma {i};won;2026-0{1 + i % 9}-15;2026-01-01" for i in range(300)]
    summary = importer.import_csv(services, csv_bytes(lines), "deals")
    assert summary.converted == 303

    def funnel_history(company_id):
        rows = (
            StageHistory.select()
            .where(StageHistory.company == company_id)
            .order_by(StageHistory.entered_at, StageHistory.id)
        )
        return [(h.funnel_stage.name, h.entered_at, h.left_at) for h in rows]

    (conversion_position,) = services.db.execute_sql(
        "SELECT MAX(position) FROM funnel_stage"
    ).fetchone()
    assert funnel_history(interest) == [
        ("Interest", midnight(2025, 1, 1), midnight(2026, 2, 3)),
        ("Conversion", midnight(2026, 2, 3), None),
    ]
    assert funnel_history(late) == [
        ("Awareness", midnight(2026, 3, 1), midnight(2026, 3, 1)),
        ("Conversion", midnight(2026, 3, 1), None),
    ]
    assert funnel_history(back)[-2:] == [
        ("Engagement", midnight(2025, 7, 1), midnight(2026, 2, 3)),
        ("Conversion", midnight(2026, 2, 3), None),
    ]
    assert funnel_history(customer) == [("Conversion", midnight(2025, 2, 1), None)]
    for i, company_id in enumerate(many):
        won = midnight(2026, 1 + i % 9, 15)
        assert funnel_history(company_id) == [
            ("Interest", midnight(2025, 5, 1), won),
            ("Conversion", won, None),
        ]
    converted = {
        c.id: (c.funnel_stage.name, c.reached_position, c.converted_at)
        for c in Company.select().where(Company.id.in_([interest, late, back, customer]))
    }
    assert converted == {
        interest: ("Conversion", conversion_position, midnight(2026, 2, 3)),
        late: ("Conversion", conversion_position, midnight(2026, 3, 1)),
        back: ("Conversion", conversion_position, midnight(2025, 6, 1)),  # its first time
        customer: ("Conversion", conversion_position, midnight(2025, 2, 1)),
    }
    assert_tallies_agree(services, PERIODS)


def test_many_won_over_companies_fit_a_small_variable_limit(services):
    """Python builds ship SQLite with different limits on variables per statement (999 in
    older ones); finding which won companies are customers already must not depend on it."""
    import sqlite3

    names = ["name;funnel_stage"] + [f"Firma {i};Interest" for i in range(1100)]
    importer.import_csv(services, csv_bytes(names), "companies")
    services.db.connection().setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)
    lines = ["title;company;status;closed"] + [
        f"D{i};Firma {i};won;2026-02-03" for i in range(1100)
    ]
    summary = importer.import_csv(services, csv_bytes(lines), "deals")
    assert summary.converted == 1100
    customers = Company.select().where(Company.converted_at.is_null(False)).count()
    assert customers == 1100
