"""Choosing the file's columns by hand: overrides of the automatic header match."""

from __future__ import annotations

import pytest

from app.importing.csvformat import ColumnProblem, CsvError, map_headers, read_rows
from app.services import importer
from app.services.importer import ImportFailed
from app.storage.models import Company, Deal

PROJECTS = (
    "\ufeffProjektname;Auftragssumme;company;Intern\r\n"
    "Rahmenvertrag Süd;1.234,50;Müller GmbH;x\r\n"
    "Wartung;990;;y\r\n"
).encode()


def test_unrecognised_header_imports_once_mapped_to_title(services):
    with pytest.raises(ImportFailed) as caught:
        importer.preview(services, PROJECTS, "deals")
    assert "No column for the deal title" in str(caught.value)

    columns = {"Projektname": "title", "Auftragssumme": "value", "Intern": None}
    summary = importer.preview(services, PROJECTS, "deals", columns=columns)
    assert summary.created["deals"] == 2 and summary.unknown_columns == []
    assert Deal.select().count() == 0

    summary = importer.import_csv(services, PROJECTS, "deals", columns=columns)
    assert summary.created["deals"] == 2
    rows = {d.title: (d.value_minor, d.company.name if d.company else None) for d in Deal.select()}
    assert rows == {"Rahmenvertrag Süd": (123450, "Müller GmbH"), "Wartung": (99000, None)}
    assert Company.select().count() == 1


def test_an_override_replaces_only_the_headers_it_names():
    parsed = read_rows(PROJECTS, "deals", columns={"Projektname": "title", "company": ""})
    assert parsed.mapping == {0: "title"}
    # "Auftragssumme" and "Intern" are still unknown; "company" was ignored on purpose.
    assert parsed.unknown_columns == ["Auftragssumme", "Intern"]
    assert [row for _line, row in parsed.rows] == [
        {"title": "Rahmenvertrag Süd"},
        {"title": "Wartung"},
    ]
    # Choosing a column's automatic field again changes nothing.
    mapping, _unknown = map_headers("deals", ["title", "Deal Name"], columns={"title": "title"})
    assert mapping == {0: "title", 1: "title"}


@pytest.mark.parametrize(
    ("columns", "header", "words"),
    [
        ({"Projektname": "titel"}, "Projektname", ['"Projektname"', '"titel"', "no such field"]),
        # Recognised only so it is no notice, never imported: not a field to choose either.
        ({"Intern": "owner"}, "Intern", ['"owner"', "no such field"]),
        ({"Projekt": "title"}, "Projekt", ['no column "Projekt"', '"title"', '"Projektname"']),
        (
            {"Projektname": "title", "Auftragssumme": "title"},
            "Projektname",
            ['"Projektname" and "Auftragssumme"', '"title"', "takes one column"],
        ),
    ],
)
def test_bad_column_choices_are_refused_naming_header_and_field(services, columns, header, words):
    with pytest.raises(ImportFailed) as caught:
        importer.import_csv(services, PROJECTS, "deals", columns=columns)
    problems = [p for p in caught.value.problems if p.column == header]
    assert len(problems) == 1 and problems[0].line == 1
    for word in words:
        assert word in problems[0].message
    assert "owner" not in problems[0].message.partition("they have")[2]
    # Marked as a problem with the columns: the CLI then suggests --map-column.
    assert isinstance(problems[0], ColumnProblem)
    assert Deal.select().count() == 0


def test_a_chosen_field_another_column_feeds_is_refused():
    with pytest.raises(CsvError) as caught:
        read_rows(b"title;Projektname\nA;B\n", "deals", columns={"Projektname": "title"})
    assert 'Columns "title" and "Projektname" are both imported as "title"' in str(caught.value)
    parsed = read_rows(
        b"title;Projektname\nA;B\n", "deals", columns={"Projektname": "title", "title": None}
    )
    assert [row for _line, row in parsed.rows] == [{"title": "B"}]


@pytest.mark.parametrize(
    ("kind", "header", "message"),
    [
        ("deals", "title", "No column for the deal title"),
        ("companies", "name", "No column for the company name"),
        ("contacts", "name", "No column for the contact name"),
    ],
)
def test_ignoring_the_required_column_is_the_missing_column_error(services, kind, header, message):
    data = f"{header};notes\nA;B\n".encode()
    with pytest.raises(ImportFailed) as caught:
        importer.preview(services, data, kind, columns={header: None})
    assert [p.message.split(":")[0] for p in caught.value.problems] == [message]


def test_file_columns_show_choices_and_samples_even_when_the_file_cannot_be_imported():
    assert importer.file_columns(PROJECTS, "deals") == [
        ("Projektname", None, "Rahmenvertrag Süd"),
        ("Auftragssumme", None, "1.234,50"),
        ("company", "company", "Müller GmbH"),
        ("Intern", None, "x"),
    ]
    chosen = importer.file_columns(PROJECTS, "deals", {"Projektname": "title", "company": None})
    assert [(header, name) for header, name, _sample in chosen] == [
        ("Projektname", "title"),
        ("Auftragssumme", None),
        ("company", None),
        ("Intern", None),
    ]
    assert importer.file_columns(b"", "deals") == []


@pytest.mark.parametrize(
    "header, kind",
    [
        # A deals file whose title column has an unusual name is still deals (most columns).
        ("Projektname;Betrag;Organisation;Phase;Interne Nummer", "deals"),
        ("Firma;Branche;Quelle", "companies"),
        ("Vorname;Nachname;Firma", "contacts"),
        ("name;group", "companies"),  # a tie with contacts' name: more columns win
        ("name;email;company", "contacts"),
        ("Deal - Title,Deal - Value", "deals"),
        ("sep=;\nFirma;Branche;Quelle", "companies"),  # Excel's delimiter line first
        ("x;y", None),
    ],
)
def test_the_kind_of_a_file_is_guessed_from_its_header(header, kind):
    assert importer.guess_kind(f"{header}\n1;2\n".encode()) == kind
