"""Tests of CSV import and export: encodings, delimiters, CRM headers, values, safe writing."""

from __future__ import annotations

import datetime as dt
import os
import stat
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.importing.csvformat import (
    KIND_FIELDS,
    CsvError,
    ParsedFile,
    Problem,
    convert_rows,
    decode,
    format_money,
    map_headers,
    neutralise,
    parse_date,
    parse_money,
    read_rows,
    sniff_delimiter,
    unneutralise,
    write_csv,
)

BOM = b"\xef\xbb\xbf"


def read_file(tmp_path: Path, data: bytes, kind: str = "deals") -> ParsedFile:
    """Go through a real file, as the import dialog does."""
    path = tmp_path / "import.csv"
    path.write_bytes(data)
    return read_rows(path.read_bytes(), kind)


def leftovers(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir())


# --- decoding ------------------------------------------------------------------------------


def test_decode_utf8_with_and_without_bom():
    text = "name;Größe\nMüller;5\n"
    assert decode(BOM + text.encode()) == text
    assert decode(text.encode()) == text


def test_decode_falls_back_to_cp1252():
    text = "name;Größe\nMüller;5 €\n"
    assert decode(text.encode("cp1252")) == text


def test_decode_reports_the_offset_and_line_of_an_undecodable_byte():
    data = b"title\nok\nab\x81c\n"
    with pytest.raises(CsvError) as info:
        decode(data)
    (problem,) = info.value.problems
    assert problem.line == 3
    assert "0x81" in problem.message and "offset 11" in problem.message


def test_decode_bom_declares_utf8_so_no_cp1252_fallback():
    with pytest.raises(CsvError) as info:
        decode(BOM + b"title\n\xfc\n")
    assert info.value.problems[0].line == 2
    assert "offset 9" in info.value.problems[0].message


def test_decode_utf16_excel_unicode_text():
    text = "title\tvalue\nMüller\t5\n"
    assert decode(text.encode("utf-16")) == text


def test_read_rows_bom_file_with_umlauts(tmp_path):
    data = BOM + "title;company\nGröße zählt;Müller GmbH\n".encode()
    parsed = read_file(tmp_path, data)
    assert parsed.encoding == "utf-8-sig"
    assert parsed.delimiter == ";"
    assert parsed.rows == [(2, {"title": "Größe zählt", "company": "Müller GmbH"})]


def test_read_rows_cp1252_file_with_umlauts(tmp_path):
    data = "title;company;value\nGröße;Müller GmbH;1.234,56 €\n".encode("cp1252")
    parsed = read_file(tmp_path, data)
    assert parsed.encoding == "cp1252"
    assert parsed.rows == [(2, {"title": "Größe", "company": "Müller GmbH", "value": "1.234,56 €"})]


# --- delimiters ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("title,value\nA,12\n", ","),
        ("title;value\nA;1,5\nB;2,5\n", ";"),  # German Excel: decimal commas in the data
        ("title\tvalue\nMüller, Hans\t1,5\n", "\t"),
        ('"title;x",value\n"A;B",1\n', ","),  # delimiters inside quotes do not count
        ('title;"value, EUR";notes\nA;1,5;x,y\n', ";"),
        ("Name;Value (EUR, net);Notes\nA;1;x\n", ";"),
        ("sep=;\ntitle,value\n", ";"),  # Excel's explicit hint wins
        ("title\nA\n", ","),  # one column: any delimiter does
        ("", ","),
    ],
)
def test_sniff_delimiter(text, expected):
    assert sniff_delimiter(text) == expected


def test_read_rows_tab_separated(tmp_path):
    data = "Deal Name\tAmount\tClose Date\nMüller, Hans\t1,234.50\t2026-12-31 14:00\n".encode()
    parsed = read_file(tmp_path, data)
    assert parsed.delimiter == "\t"
    assert parsed.rows == [
        (2, {"title": "Müller, Hans", "value": "1,234.50", "expected_close": "2026-12-31 14:00"})
    ]


def test_read_rows_honours_excel_sep_line(tmp_path):
    parsed = read_file(tmp_path, b"sep=;\ntitle;value\nA,B;1,5\n")
    assert parsed.delimiter == ";"
    assert parsed.header_line == 2
    assert parsed.rows == [(3, {"title": "A,B", "value": "1,5"})]


# --- line numbers --------------------------------------------------------------------------


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r"])
def test_quoted_delimiters_and_newlines_keep_physical_line_numbers(tmp_path, newline):
    lines = [
        "title;notes;value",  # 1
        '"Deal; with semicolon";"first line',  # 2
        "second line",  # 3
        'third ""quoted"" line";5',  # 4
        "Plain;;7",  # 5
        "",  # 6: blank, skipped
        ";;",  # 7: only empty cells, skipped
        '"Last";"x\u2028y";9',  # 8: U+2028 is no line break in CSV
    ]
    parsed = read_file(tmp_path, newline.join(lines).encode())
    assert parsed.rows == [
        (
            2,
            {
                "title": "Deal; with semicolon",
                "notes": f'first line{newline}second line{newline}third "quoted" line',
                "value": "5",
            },
        ),
        (5, {"title": "Plain", "notes": "", "value": "7"}),
        (8, {"title": "Last", "notes": "x\u2028y", "value": "9"}),
    ]


def test_leading_blank_lines_shift_the_header(tmp_path):
    parsed = read_file(tmp_path, b"\n\ntitle\nA\n")
    assert parsed.header_line == 3
    assert parsed.rows == [(4, {"title": "A"})]


def test_short_rows_are_padded_and_cells_trimmed(tmp_path):
    parsed = read_file(tmp_path, b"title,value,notes\n  A  ,\xc2\xa012 \nB\n")
    assert parsed.rows == [
        (2, {"title": "A", "value": "12", "notes": ""}),
        (3, {"title": "B", "value": "", "notes": ""}),
    ]


def test_row_wider_than_header_is_an_error_for_that_line(tmp_path):
    data = b"title;value\nA;1\nB;2;3\nC;4\nD;5;6;7\n"
    with pytest.raises(CsvError) as info:
        read_file(tmp_path, data)
    assert [p.line for p in info.value.problems] == [3, 5]
    assert "3 cells but the header has 2" in info.value.problems[0].message
    assert "unquoted semicolon" in info.value.problems[0].message


def test_unclosed_quote_is_an_error_naming_its_line(tmp_path):
    with pytest.raises(CsvError) as info:
        read_file(tmp_path, b'title,notes\nA,ok\nB,"never\nclosed\n')
    (problem,) = info.value.problems
    assert problem.line == 3
    assert "never closed" in problem.message


def test_quotes_inside_unquoted_values_are_literal(tmp_path):
    parsed = read_file(tmp_path, b'title,notes\n27" monitor,"a"b\n')
    assert parsed.rows == [(2, {"title": '27" monitor', "notes": "ab"})]


@pytest.mark.parametrize("data", [b"", b"\n\n", BOM, b"\r\n  \r\n"])
def test_empty_file_is_an_error(tmp_path, data):
    with pytest.raises(CsvError, match="empty"):
        read_file(tmp_path, data)


def test_header_only_file_has_no_rows(tmp_path):
    assert read_file(tmp_path, b"title,value\r\n").rows == []


# --- money ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "minor"),
    [
        ("1.234,56", 123456),
        ("1,234.56", 123456),
        ("1234.56", 123456),
        ("1234,56", 123456),
        ("1234", 123400),
        ("-12,30", -1230),
        ("1.234", 123400),  # German thousands
        ("1,234", 123400),
        ("1.23", 123),
        ("1,5", 150),
        ("0.500", 50),  # a leading zero is no thousands group
        (",5", 50),
        ("1.234.567", 123456700),
        ("1,234,567.8", 123456780),
        ("12.345,6", 1234560),
        ("1234.500", 123450),  # extra zero decimals are harmless
        ("", 0),
        ("   ", 0),
        ("€ 1.234,56", 123456),
        ("1.234,56 €", 123456),
        ("1.234,56\u00a0€", 123456),
        ("$1,234.56", 123456),
        ("£12", 1200),
        ("EUR 12", 1200),
        ("12 eur", 1200),
        ("USD -5.5", -550),
        ("-€12", -1200),
        ("- 12 CHF", -1200),
        ("+12", 1200),
        ("1 234,56", 123456),
        ("1\u00a0234\u00a0567,89", 123456789),
        ("1\u202f234,50", 123450),
        ("1'234.50", 123450),  # Swiss
        ("99.999.999.999,99", 10**13 - 1),  # the largest amount (money.MAX_MINOR)
    ],
)
def test_parse_money(text, minor):
    assert parse_money(text, "Value") == minor


@pytest.mark.parametrize(
    "text",
    [
        "12,3x",
        "abc",
        "1.2.3,4,5",
        "12.",
        "€",
        "-",
        "--1",
        "1,234,56",
        "12 34",
        "€12€",
        "1_000",
        "１２",
        "1.234,56.7",
        "1,2345.6",
        "12-",
        "1e5",
        "0x10",
        "1 234.567,89",
        "EUR EUR 1",
        "1  234",
    ],
)
def test_parse_money_rejects(text):
    with pytest.raises(ValueError) as info:
        parse_money(text, "Value")
    assert str(info.value) == f'Value must be an amount such as 1.234,56 (got "{text}")'


def test_parse_money_rejects_fractions_of_cents_and_overflow():
    with pytest.raises(ValueError, match="at most 2 decimal places"):
        parse_money("1234.567", "Value")
    with pytest.raises(ValueError, match="too large"):
        parse_money("999999999999999999999", "Value")


@given(st.integers(min_value=-(10**13 - 1), max_value=10**13 - 1), st.sampled_from(["de", "en"]))
def test_parse_money_reads_formatted_amounts(minor, style):
    units, cents = divmod(abs(minor), 100)
    grouped = f"{units:,}"
    if style == "de":
        text = grouped.replace(",", ".") + f",{cents:02d}"
    else:
        text = grouped + f".{cents:02d}"
    text = ("-" if minor < 0 else "") + text
    assert parse_money(text, "Value") == minor
    assert parse_money(format_money(minor), "Value") == minor
    assert parse_money(format_money(minor, ","), "Value") == minor


# --- dates ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-31", dt.date(2026, 12, 31)),
        ("31.12.2026", dt.date(2026, 12, 31)),
        ("1.2.2026", dt.date(2026, 2, 1)),
        ("2026-12-31 14:00", dt.date(2026, 12, 31)),
        ("2026-12-31T14:00:00Z", dt.date(2026, 12, 31)),
        ("2026-12-31T23:30:00.000+01:00", dt.date(2026, 12, 31)),
        ("31.12.2026 14:00", dt.date(2026, 12, 31)),
        ("12/31/2026", dt.date(2026, 12, 31)),
        ("02/03/2026", dt.date(2026, 2, 3)),  # month first, as HubSpot writes it
        ("12/31/2026 2:30 PM", dt.date(2026, 12, 31)),
        (" 2026-01-05 ", dt.date(2026, 1, 5)),
        ("", None),
        ("  ", None),
    ],
)
def test_parse_date(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2026-13-45",
        "31.02.2026",
        "13/31/2026",
        "0000-01-01",
        "2026-12-31 25:00",
        "31/12/2026 13:00 PM",
    ],
)
def test_parse_date_rejects_impossible_dates(text):
    with pytest.raises(ValueError) as info:
        parse_date(text)
    message = str(info.value)
    assert f'"{text}"' in message
    assert "2026-12-31, 31.12.2026" in message


@pytest.mark.parametrize("text", ["31.12.26", "2026/12/31", "tomorrow", "20261231", "Dec 31 2026"])
def test_parse_date_rejects_other_formats(text):
    with pytest.raises(ValueError) as info:
        parse_date(text)
    assert str(info.value) == (
        f'Date must be written as 2026-12-31, 31.12.2026 or, month first, 12/31/2026 (got "{text}")'
    )


# --- headers -------------------------------------------------------------------------------

ALL_ALIASES = [
    (kind, name, alias)
    for kind, fields in KIND_FIELDS.items()
    for name, aliases in fields.items()
    for alias in aliases
]


@pytest.mark.parametrize(("kind", "name", "alias"), ALL_ALIASES)
def test_every_crm_header_is_recognised(kind, name, alias):
    required = {"deals": "title", "companies": "name", "contacts": "name"}[kind]
    for variant in (alias, alias.upper(), f"  {alias.lower()} "):
        mapping, unknown = map_headers(kind, [required, "Mystery column", variant])
        assert mapping[2] == name
        assert unknown == ["Mystery column"]


def test_aliases_are_unambiguous_within_a_kind():
    for fields in KIND_FIELDS.values():
        seen: dict[str, str] = {}
        for name, aliases in fields.items():
            assert aliases[0] == name  # our own export header comes first
            for alias in aliases:
                assert seen.setdefault(alias.casefold(), name) == name


@pytest.mark.parametrize(
    ("kind", "headers"),
    [
        ("deals", ["Deal - Value", "Deal - Organization"]),
        ("companies", ["Industry", "Phone Number"]),
        ("contacts", ["Email", "Company Name"]),
    ],
)
def test_missing_required_column_is_an_error(kind, headers):
    with pytest.raises(CsvError) as info:
        map_headers(kind, headers)
    (problem,) = info.value.problems
    assert problem.line == 1
    assert "No column for the" in problem.message


def test_contacts_may_give_first_and_last_name_only():
    mapping, unknown = map_headers("contacts", ["First Name", "Last Name", "City"])
    assert mapping == {0: "first_name", 1: "last_name"}
    assert unknown == ["City"]


def test_unknown_kind_is_a_programming_error():
    with pytest.raises(ValueError):
        map_headers("activities", ["subject"])


def test_pipedrive_deal_export(tmp_path):
    header = [
        "Deal - ID",
        "Deal - Title",
        "Deal - Value",
        "Deal - Currency",
        "Deal - Organization",
        "Deal - Contact person",
        "Deal - Stage",
        "Deal - Status",
        "Deal - Expected close date",
        "Deal - Deal created",
        "Deal - Probability",
        "Deal - Lost reason",
        "Deal - Pipeline",
        "Deal - Owner",
        "Deal - Weighted value",
    ]
    row = [
        "17",
        "Größe Anlage",
        "1.234,56",
        "EUR",
        "Müller GmbH",
        "Anna Müller",
        "Angebot",
        "Lost",
        "31.12.2026",
        "2026-01-15 09:30:00",
        "40",
        "Zu teuer",
        "Vertrieb",
        "Ben",
        "493,82",
    ]
    data = BOM + (";".join(header) + "\r\n" + ";".join(row) + "\r\n").encode()
    parsed = read_file(tmp_path, data)
    assert parsed.unknown_columns == ["Deal - Weighted value"]
    ((line, values),) = parsed.rows
    assert line == 2
    assert values["title"] == "Größe Anlage" and values["id"] == "17"
    ((_line, record),) = convert_rows(parsed)
    assert record == {
        "id": "17",
        "title": "Größe Anlage",
        "value": 123456,
        "currency": "EUR",
        "company": "Müller GmbH",
        "contact": "Anna Müller",
        "stage": "Angebot",
        "status": "lost",
        "expected_close": dt.date(2026, 12, 31),
        "created": dt.date(2026, 1, 15),
        "probability": 40,
        "lost_reason": "Zu teuer",
        "pipeline": "Vertrieb",
        "owner": "Ben",
    }


def test_hubspot_deal_export(tmp_path):
    data = (
        b"Record ID,Deal Name,Deal Stage,Amount,Close Date,Create Date,Deal owner,Pipeline,"
        b"Associated Company,Associated Contact,Deal Type\n"
        b'9001,Big deal,Closed won,"1,234.50",2026-12-31 14:00,12/01/2026,Ann,Sales,'
        b"ACME Inc.,Bob Smith,newbusiness\n"
    )
    parsed = read_file(tmp_path, data)
    assert parsed.unknown_columns == ["Deal Type"]
    ((_line, record),) = convert_rows(parsed)
    assert record["value"] == 123450
    assert record["expected_close"] == dt.date(2026, 12, 31)
    assert record["created"] == dt.date(2026, 12, 1)
    assert record["company"] == "ACME Inc." and record["contact"] == "Bob Smith"


def test_pipedrive_and_hubspot_company_exports(tmp_path):
    pipedrive = (
        "Organization - Name;Organization - Label;Organization - Source;"
        "Organization - Organization created;Organization - Address\n"
        "Müller GmbH;Handwerk;Messe;2026-03-01 10:00:00;Hauptstr. 1\n"
    ).encode("cp1252")
    parsed = read_file(tmp_path, pipedrive, "companies")
    assert parsed.unknown_columns == ["Organization - Address"]
    assert convert_rows(parsed) == [
        (
            2,
            {
                "name": "Müller GmbH",
                "group": "Handwerk",
                "source": "Messe",
                "entered_on": dt.date(2026, 3, 1),
            },
        )
    ]
    hubspot = (
        b"Record ID,Company name,Industry,Lifecycle Stage,Original Source,Create Date,"
        b"Phone Number,City\n1,ACME,Software,lead,Organic Search,2026-03-01 10:00,+1 555,Boston\n"
    )
    parsed = read_file(tmp_path, hubspot, "companies")
    assert parsed.unknown_columns == ["Record ID", "Phone Number", "City"]
    assert parsed.rows[0][1] == {
        "name": "ACME",
        "group": "Software",
        "funnel_stage": "lead",
        "source": "Organic Search",
        "entered_on": "2026-03-01 10:00",
    }


def test_contact_exports_and_duplicate_company_columns(tmp_path):
    hubspot = (
        "First Name,Last Name,Email,Phone Number,Job Title,Associated Company,Company Name\n"
        "Anna,Müller,anna@example.com,+49 170 1,CEO,ACME (assoc),ACME\n"
        ",Solo,,,,ACME (assoc),\n"
    ).encode()
    parsed = read_file(tmp_path, hubspot, "contacts")
    first, second = (values for _line, values in parsed.rows)
    assert first["name"] == "Anna Müller"
    assert first["company"] == "ACME"  # "Company Name" ranks before "Associated Company"
    assert second["name"] == "Solo"
    assert second["company"] == "ACME (assoc)"  # the other column fills a gap
    pipedrive = (
        "Person - Name;Person - Email;Person - Phone;Person - Job title;Person - Organization\n"
        "Jörg Größe;jg@example.de;0711 1;Einkauf;Müller GmbH\n"
    ).encode()
    parsed = read_file(tmp_path, pipedrive, "contacts")
    assert parsed.rows[0][1] == {
        "name": "Jörg Größe",
        "email": "jg@example.de",
        "phone": "0711 1",
        "role": "Einkauf",
        "company": "Müller GmbH",
    }


# --- conversion errors ---------------------------------------------------------------------


def test_value_errors_name_line_and_column(tmp_path):
    lines = [
        "Deal - Title;Deal - Value;Deal - Expected close date;Deal - Status;Deal - Probability",
        "A;1;;;",  # 2
        '"B with',  # 3
        'newline";2;;;',  # 4
        "C;3;;;",  # 5
        "",  # 6
        "D;12,3x;31.02.2026;deleted;150",  # 7
        ";5;;;",  # 8
    ]
    parsed = read_file(tmp_path, "\n".join(lines).encode())
    with pytest.raises(CsvError) as info:
        convert_rows(parsed)
    assert info.value.problems == [
        Problem(7, "Deal - Value", 'Value must be an amount such as 1.234,56 (got "12,3x")'),
        Problem(
            7,
            "Deal - Expected close date",
            'Date "31.02.2026" does not exist (day is out of range for month); write dates '
            "as 2026-12-31, 31.12.2026 or, month first, 12/31/2026",
        ),
        Problem(7, "Deal - Status", 'Status must be open, won or lost (got "deleted")'),
        Problem(
            7, "Deal - Probability", 'Probability must be a percentage from 0 to 100 (got "150")'
        ),
        Problem(8, "Deal - Title", "Title must not be empty"),
    ]
    text = str(info.value)
    assert text.splitlines()[0] == (
        'line 7, column "Deal - Value": Value must be an amount such as 1.234,56 (got "12,3x")'
    )


def test_conversions_of_optional_fields(tmp_path):
    data = (
        "title;currency;status;probability;tags;value\n"
        'A;€;Gewonnen;50 %;"Rückruf, vip; VIP";\n'
        "B;usd;;;;\n"
    ).encode()
    records = convert_rows(read_file(tmp_path, data))
    assert records == [
        (
            2,
            {
                "title": "A",
                "currency": "EUR",
                "status": "won",
                "probability": 50,
                "tags": ["Rückruf", "vip"],
                "value": 0,
            },
        ),
        (
            3,
            {
                "title": "B",
                "currency": "USD",
                "status": None,
                "probability": None,
                "tags": [],
                "value": 0,
            },
        ),
    ]


def test_contact_email_is_checked(tmp_path):
    parsed = read_file(tmp_path, b"name,email\nAnna,not an address\n", "contacts")
    with pytest.raises(CsvError) as info:
        convert_rows(parsed)
    assert info.value.problems[0].column == "email"


def test_error_text_lists_fifty_problems_then_a_count():
    error = CsvError([Problem(n, "Deal - Value", "bad") for n in range(2, 62)])
    lines = str(error).splitlines()
    assert len(lines) == 51
    assert lines[0] == 'line 2, column "Deal - Value": bad'
    assert lines[-1] == "... and 10 more"
    assert str(CsvError([Problem(3, "", "no column")])) == "line 3: no column"


# --- neutralising formulas -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "written"),
    [
        ("=1+1", "'=1+1"),
        ("+49 170 1234567", "'+49 170 1234567"),
        ("-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("\rCR", "'\rCR"),
        ("'=already quoted", "''=already quoted"),
        ("-12.50", "-12.50"),  # numbers are safe and stay numbers
        ("-1.234,56", "-1.234,56"),
        ("+12", "+12"),
        ("-", "'-"),
        ("Müller", "Müller"),
        ("'plain", "'plain"),
        ("", ""),
    ],
)
def test_neutralise(value, written):
    assert neutralise(value) == written
    assert unneutralise(written) == value


@given(st.text())
def test_unneutralise_inverts_neutralise(value):
    assert unneutralise(neutralise(value)) == value
    assert neutralise(unneutralise(neutralise(value))) == neutralise(value)


# --- writing -------------------------------------------------------------------------------

ROUND_TRIP_ROWS = [
    ["Größe", "1234.50", '=HYPERLINK("http://evil")', "Müller GmbH"],
    ["Semi;colon, comma", "-12.50", "+49 170 1234567", 'Quote "inside"'],
    ["Multi\nline\r\nvalue", "0.00", "@SUM(A1)", "'=already"],
    ["Tab", "-5", "\tindented", "-"],
]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_write_read_write_round_trip(tmp_path, delimiter):
    header = ["title", "value", "notes", "company"]
    first = tmp_path / "first.csv"
    write_csv(first, header, ROUND_TRIP_ROWS, delimiter=delimiter)
    data = first.read_bytes()
    assert data.startswith(BOM)
    assert data.endswith(b"\r\n")
    assert b"'=HYPERLINK" in data
    assert stat.S_IMODE(first.stat().st_mode) == 0o600 or os.name == "nt"

    parsed = read_rows(data, "deals")
    assert parsed.delimiter == delimiter
    assert parsed.encoding == "utf-8-sig"
    assert [line for line, _values in parsed.rows] == [2, 3, 4, 7]
    values = [[v[name] for name in header] for _line, v in parsed.rows]
    assert values == ROUND_TRIP_ROWS

    second = tmp_path / "second.csv"
    write_csv(second, header, values, delimiter=delimiter)
    assert second.read_bytes() == data
    assert leftovers(tmp_path) == ["first.csv", "second.csv"]


def test_write_csv_formats_plain_cells(tmp_path):
    path = tmp_path / "out.csv"
    rows = [["A", 1250, dt.date(2026, 1, 2)], ["B", None, None], [""]]
    write_csv(path, ["title", "value", "expected_close"], rows)
    assert path.read_bytes() == (
        BOM + b'title,value,expected_close\r\nA,1250,2026-01-02\r\nB,,\r\n""\r\n'
    )


def test_write_csv_replaces_an_existing_file(tmp_path):
    path = tmp_path / "out.csv"
    path.write_text("old")
    write_csv(path, ["title"], [["new"]])
    assert path.read_bytes() == BOM + b"title\r\nnew\r\n"
    assert leftovers(tmp_path) == ["out.csv"]


def test_write_csv_rejects_other_delimiters(tmp_path):
    with pytest.raises(ValueError):
        write_csv(tmp_path / "out.csv", ["title"], [], delimiter="|")
    assert leftovers(tmp_path) == []


def test_failed_write_in_unwritable_place_leaves_nothing(tmp_path):
    if os.name != "nt" and os.geteuid() != 0:
        target_dir = tmp_path / "locked"
        target_dir.mkdir()
        (target_dir / "out.csv").write_bytes(b"previous")
        target_dir.chmod(0o500)
        try:
            with pytest.raises(OSError):
                write_csv(target_dir / "out.csv", ["title"], [["new"]])
            assert leftovers(target_dir) == ["out.csv"]
            assert (target_dir / "out.csv").read_bytes() == b"previous"
        finally:
            target_dir.chmod(0o700)
    else:
        # root ignores permissions: a parent that is a regular file fails for anyone.
        blocker = tmp_path / "not-a-directory"
        blocker.write_bytes(b"previous")
        with pytest.raises(OSError):
            write_csv(blocker / "out.csv", ["title"], [["new"]])
        assert blocker.read_bytes() == b"previous"
        assert leftovers(tmp_path) == ["not-a-directory"]


def test_failure_while_writing_rows_keeps_the_previous_file(tmp_path):
    path = tmp_path / "out.csv"
    path.write_bytes(b"previous")

    def rows():
        yield ["fine"]
        raise RuntimeError("database went away")

    with pytest.raises(RuntimeError):
        write_csv(path, ["title"], rows())
    with pytest.raises(UnicodeEncodeError):
        write_csv(path, ["title"], [["lone surrogate \udc80"]])
    assert path.read_bytes() == b"previous"
    assert leftovers(tmp_path) == ["out.csv"]


def test_failed_replace_keeps_the_previous_target(tmp_path):
    target = tmp_path / "out.csv"
    target.mkdir()  # os.replace cannot put a file over a directory
    with pytest.raises(OSError):
        write_csv(target, ["title"], [["new"]])
    assert target.is_dir()
    assert leftovers(tmp_path) == ["out.csv"]


# --- robustness ----------------------------------------------------------------------------

HEADERS = [
    "title,value,expected_close,notes",
    "Deal - Title;Deal - Value;Deal - Status;Deal - Probability",
    "name\tentered_on\ttags",
    "First Name,Last Name,Email",
    "",
]
CSV_ALPHABET = st.sampled_from(
    [*"a,;\t\"'\r\n =+-@.0123456789€ßü", "\x00", "\u2028", "\x85", "\ufeff", "sep="]
)


def _parse_everything(data: bytes) -> None:
    for kind in KIND_FIELDS:
        try:
            convert_rows(read_rows(data, kind))
        except CsvError as exc:
            assert exc.problems and all(isinstance(p, Problem) for p in exc.problems)
            str(exc)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes_parse_or_raise_csv_error(data):
    _parse_everything(data)


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(HEADERS),
    st.lists(CSV_ALPHABET, max_size=120).map("".join),
    st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]),
)
def test_arbitrary_csv_text_parses_or_raises_csv_error(header, body, encoding):
    text = header + "\n" + body
    _parse_everything(text.encode(encoding, errors="replace"))
