"""CSV files of other CRMs: decoding, parsing, header aliases, value checks and safe writing."""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import functools
import io
import itertools
import operator
import os
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from app.domain.money import MAX_MINOR, Amount, AmountTooLarge, parse_amount
from app.importing.messages import QT_TRANSLATE_NOOP, Message, fill, message_of
from app.storage.files import atomic_write

DELIMITERS = (",", ";", "\t")
MAX_LISTED_PROBLEMS = 50


# --- problems -----------------------------------------------------------------------------


# Where a problem is and how many went unlisted, in the CLI's words; app.ui.errors has them
# translated.
AT_CELL = QT_TRANSLATE_NOOP("ImportProblem", 'line %1, column "%2": %3')
AT_LINE = QT_TRANSLATE_NOOP("ImportProblem", "line %1: %2")
AND_MORE = QT_TRANSLATE_NOOP("ImportProblem", "... and %1 more")


class Problem(NamedTuple):
    """One thing wrong with a file: its physical line (1-based), header of the column, why.

    `message` is a messages.Message (English, with its template for the UI's translation);
    a plain str works too and is shown as written.
    """

    line: int
    column: str
    message: str

    def __str__(self) -> str:
        if self.column:
            return fill(AT_CELL, [str(self.line), self.column, self.message])
        return fill(AT_LINE, [str(self.line), self.message])


class ColumnProblem(Problem):
    """A problem with the file's columns rather than a row's values (a required column
    missing, a chosen header not in the file, an unknown or doubly used field): the fix is
    choosing columns (the dialog's Columns tab, the CLI's --map-column)."""

    __slots__ = ()


class CsvError(Exception):
    """A file that cannot be imported as it is; `problems` lists every reason found."""

    def __init__(self, problems: Sequence[Problem]):
        # args holds the problems themselves so the exception pickles and compares sanely.
        super().__init__(list(problems))
        self.problems: list[Problem] = list(problems)

    def __str__(self) -> str:
        lines = [str(p) for p in self.problems[:MAX_LISTED_PROBLEMS]]
        rest = len(self.problems) - MAX_LISTED_PROBLEMS
        if rest > 0:
            lines.append(fill(AND_MORE, [str(rest)]))
        return "\n".join(lines)


# --- decoding ------------------------------------------------------------------------------

_UTF8_BOM = b"\xef\xbb\xbf"
_UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _line_of(data: bytes, offset: int) -> int:
    head = data[:offset]
    return head.count(b"\n") + head.count(b"\r") - head.count(b"\r\n") + 1


_UTF8_OR_CP1252 = Message(QT_TRANSLATE_NOOP("ImportProblem", "UTF-8 or Windows-1252"))


def _undecodable(data: bytes, offset: int, encoding: str) -> CsvError:
    byte = data[offset] if offset < len(data) else 0
    return CsvError(
        [
            Problem(
                _line_of(data, offset),
                "",
                Message(
                    QT_TRANSLATE_NOOP(
                        "ImportProblem",
                        "Byte 0x%1 at offset %2 is not valid %3 text; "
                        'save the file as "CSV UTF-8" and import it again',
                    ),
                    f"{byte:02X}",
                    offset,
                    encoding,
                ),
            )
        ]
    )


def _decode(data: bytes) -> tuple[str, str]:
    """The text and the name of the encoding it was read with."""
    if data.startswith(_UTF8_BOM):
        # A BOM declares UTF-8: falling back to cp1252 would only produce mojibake.
        try:
            return data[3:].decode("utf-8"), "utf-8-sig"
        except UnicodeDecodeError as exc:
            raise _undecodable(data, exc.start + 3, "UTF-8") from None
    if data.startswith(_UTF16_BOMS):
        # Excel's "Unicode text" export; cp1252 would read it as NUL-riddled garbage.
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError as exc:
            raise _undecodable(data, exc.start, "UTF-16") from None
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as exc:
        raise _undecodable(data, exc.start, _UTF8_OR_CP1252) from None


def decode(data: bytes) -> str:
    """UTF-8 (BOM optional; UTF-16 with BOM too), else Windows-1252; CsvError if neither fits."""
    return _decode(data)[0]


# --- tokenising ----------------------------------------------------------------------------

# Unrolled "anything but a lone quote" loop: linear time even on huge quoted fields.
_QUOTED = re.compile(r'"([^"]*(?:""[^"]*)*)"')
_UNQUOTED = {d: re.compile(f"[^\\r\\n{re.escape(d)}]*") for d in DELIMITERS}
_SEP_LINE = re.compile(r"sep=([,;\t])(?:\r\n|\r|\n|$)", re.IGNORECASE)


def _newlines(text: str, start: int = 0, end: int | None = None) -> int:
    """Line breaks (\\r\\n, \\r or \\n) in text[start:end], counted without copying it."""
    end = len(text) if end is None else end
    return (
        text.count("\n", start, end) + text.count("\r", start, end) - text.count("\r\n", start, end)
    )


def _records(
    text: str, delimiter: str, *, pos: int = 0, line: int = 1, strict: bool = True
) -> Iterator[tuple[int, list[str]]]:
    """(physical line where the record starts, raw cells) for each record, blank ones included.

    RFC 4180 plus what Excel and the csv module tolerate: quotes inside an unquoted field are
    literal, text after a closing quote is appended. Only \\r\\n, \\r and \\n end a line, so
    characters such as U+2028 inside values neither split records nor shift line numbers.
    """
    unquoted = _UNQUOTED[delimiter]
    end = len(text)
    while pos < end:
        start_line = line
        cells: list[str] = []
        while True:
            if pos < end and text[pos] == '"':
                match = _QUOTED.match(text, pos)
                if match is None:
                    if strict:
                        raise CsvError(
                            [
                                Problem(
                                    line,
                                    "",
                                    Message(
                                        QT_TRANSLATE_NOOP(
                                            "ImportProblem",
                                            "A quoted value starting on this line is never "
                                            'closed (a " is missing)',
                                        )
                                    ),
                                )
                            ]
                        )
                    # Sniffing a cut-off sample: the rest is one last value.
                    cells.append(text[pos + 1 :].replace('""', '"'))
                    line += _newlines(text[pos:])
                    pos = end
                    break
                line += _newlines(match.group(1))
                value = match.group(1).replace('""', '"')
                tail = unquoted.match(text, match.end())
                assert tail is not None  # the pattern matches the empty string
                cells.append(value + tail.group())
                pos = tail.end()
            else:
                match = unquoted.match(text, pos)
                assert match is not None
                cells.append(match.group())
                pos = match.end()
            if pos >= end:
                break
            if text[pos] == delimiter:
                pos += 1
                continue
            pos += 2 if text.startswith("\r\n", pos) else 1
            line += 1
            break
        yield start_line, cells


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def _fast_records(
    text: str, delimiter: str, *, pos: int = 0, line: int = 1
) -> Iterator[tuple[int, list[str]]]:
    """What _records(strict=True) yields, tokenised by the csv module: 10x faster, one record
    at a time (a wide export is never held whole).

    The two agree on every record whose quotes close. At the end of the file the csv module
    silently closes a quote left open, where _records backtracks (three quotes can be an empty
    quoted value and a literal quote) or raises the "never closed" error naming the line. So
    the last record is held back and, when it holds a quote, read again by _records.
    """
    if len(text) - pos >= csv.field_size_limit():
        # The limit is process-wide; raising it only lets a huge note through, never harms.
        csv.field_size_limit(len(text) - pos + 1)
    reader = csv.reader(
        io.StringIO(text[pos:], newline=""), delimiter=delimiter, quotechar='"', strict=False
    )
    held: tuple[int, list[str]] | None = None
    lines_read = 0
    for cells in reader:
        if held is not None:
            yield held
        held = (line + lines_read, cells or [""])
        lines_read = reader.line_num
    if held is None:
        return
    last = held[0]
    quote = text.rfind('"', pos)
    if quote < 0 or line + _newlines(text, pos, quote) < last:
        yield held  # no quote in the last record
        return
    start = pos
    if last > line:
        # Offset of the last record's first line: the end of the line break before it.
        breaks = _LINE_BREAK.finditer(text, pos)
        start = next(itertools.islice(breaks, last - line - 1, None)).end()
    yield from _records(text, delimiter, pos=start, line=last)


def _is_blank(cells: Sequence[str]) -> bool:
    return not "".join(cells).strip()


def _body_start(text: str) -> tuple[str | None, int, int]:
    """Excel's optional first line "sep=;": (its delimiter or None, text offset, line)."""
    match = _SEP_LINE.match(text)
    if match:
        return match.group(1), match.end(), 2
    return None, 0, 1


_SNIFF_CHARS = 64 * 1024
_SNIFF_RECORDS = 20


def sniff_delimiter(text: str) -> str:
    """',', ';' or '\\t': the one splitting the header into most cells consistently with the
    first data lines, quotes respected. Single-column or undecidable text gives ','."""
    declared, pos, line = _body_start(text)
    if declared:
        return declared
    sample = text[:_SNIFF_CHARS]
    best, best_score = ",", (False, -1, -1)
    for delimiter in DELIMITERS:
        records = []
        for _line, cells in _records(sample, delimiter, pos=pos, line=line, strict=False):
            if not _is_blank(cells):
                records.append(cells)
                if len(records) >= _SNIFF_RECORDS:
                    break
        if not records:
            continue
        width = len(records[0])
        consistent = sum(len(r) == width for r in records[1:])
        # A real delimiter splits the header; then agreement of the data lines decides, and a
        # header split into more cells wins ties ("Name;Value (EUR, net)" is ';').
        score = (width > 1, consistent, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


# --- formula injection ---------------------------------------------------------------------

_FORMULA_START = "=+-@\t\r"
# Numbers cannot be formulas, and prefixing them would turn -12.50 into text in Excel.
_PLAIN_NUMBER = re.compile(r"[+-]?[0-9]+(?:[.,][0-9]+)*", re.ASCII)
_MAYBE_FORMULA = frozenset(_FORMULA_START + "'")


def _needs_apostrophe(text: str) -> bool:
    rest = text.lstrip("'")
    return bool(rest) and rest[0] in _FORMULA_START


def neutralise(text: str) -> str:
    """Prefix ' to a cell a spreadsheet would run as a formula (=, +, -, @, tab, CR first).

    Cells already made of apostrophes before such a character get one more, so
    unneutralise(neutralise(x)) == x for every string, not only for formula-like ones.
    """
    if not text or text[0] not in _MAYBE_FORMULA:
        return text  # the common case, decided without a regex
    if _PLAIN_NUMBER.fullmatch(text) or not _needs_apostrophe(text):
        return text
    return "'" + text


def unneutralise(text: str) -> str:
    """Undo neutralise: drop one leading ' when apostrophes precede =, +, -, @, tab or CR."""
    if text.startswith("'") and _needs_apostrophe(text):
        return text[1:]
    return text


# --- headers -------------------------------------------------------------------------------

# Canonical field → header aliases (our own export name first), matched case-insensitively.
KIND_FIELDS: dict[str, dict[str, tuple[str, ...]]] = {
    "deals": {
        "title": ("title", "Deal - Title", "Deal Name", "Titel", "Deal - Titel", "Deal"),
        "value": ("value", "Deal - Value", "Amount", "Wert", "Betrag", "Deal - Wert"),
        "currency": ("currency", "Deal - Currency", "Währung", "Deal - Währung"),
        "company": (
            "company",
            "Deal - Organization",
            "Associated Company",
            "Organization",
            "Firma",
            "Unternehmen",
            "Organisation",
            "Deal - Organisation",
        ),
        "contact": (
            "contact",
            "Deal - Contact person",
            "Associated Contact",
            "Kontakt",
            "Kontaktperson",
            "Ansprechpartner",
            "Deal - Kontaktperson",
        ),
        "stage": ("stage", "Deal - Stage", "Deal Stage", "Phase", "Deal - Phase"),
        "status": ("status", "Deal - Status"),
        "expected_close": (
            "expected_close",
            "Deal - Expected close date",
            "Close Date",
            "Abschlussdatum",
            "Erwarteter Abschluss",
            "Voraussichtliches Abschlussdatum",
            "Deal - Voraussichtliches Abschlussdatum",
        ),
        "created": ("created", "Deal - Deal created", "Create Date", "Erstellt", "Erstellt am"),
        # When a won or lost deal closed; HubSpot has only "Close Date" (expected_close).
        "closed": (
            "closed",
            "Deal - Deal closed on",
            "Deal - Won time",
            "Deal - Lost time",
            "Geschlossen am",
            "Abgeschlossen am",
        ),
        "probability": ("probability", "Deal - Probability", "Wahrscheinlichkeit"),
        "lost_reason": ("lost_reason", "Deal - Lost reason", "Verlustgrund", "Grund für Verlust"),
        "pipeline": ("pipeline", "Deal - Pipeline", "Pipeline"),
        "tags": ("tags", "Schlagworte"),
        "notes": ("notes", "Notizen", "Notiz"),
        "id": ("id", "Deal - ID", "Record ID"),  # recognised so it is no notice; not imported
        "owner": ("owner", "Deal - Owner", "Deal owner", "Besitzer", "Deal - Besitzer"),
    },
    "companies": {
        "name": (
            "name",
            "Organization - Name",
            "Company name",
            "Name",
            "Firma",
            "Firmenname",
            "Unternehmen",
            "Organisation",
            "Organisation - Name",
        ),
        "group": ("group", "Organization - Label", "Industry", "Gruppe", "Branche"),
        "funnel_stage": ("funnel_stage", "Lifecycle Stage", "Trichterphase", "Phase"),
        "source": ("source", "Organization - Source", "Original Source", "Quelle", "Kanal"),
        "entered_on": (
            "entered_on",
            "Organization - Organization created",
            "Create Date",
            "Erfasst am",
            "Erstellt am",
        ),
        "tags": ("tags", "Schlagworte"),
        "notes": ("notes", "Notizen", "Notiz"),
    },
    "contacts": {
        "name": ("name", "Person - Name"),
        "first_name": ("first_name", "First Name", "Vorname"),
        "last_name": ("last_name", "Last Name", "Nachname"),
        "email": ("email", "Person - Email", "Email", "E-Mail", "E-Mail-Adresse"),
        "phone": ("phone", "Person - Phone", "Phone Number", "Telefon", "Telefonnummer"),
        "role": ("role", "Job Title", "Person - Job title", "Position", "Funktion"),
        "company": (
            "company",
            "Person - Organization",
            "Company Name",
            "Associated Company",
            "Firma",
            "Unternehmen",
            "Organisation",
        ),
    },
}
# (The German aliases are what a German spreadsheet calls the columns and the field names of
# Pipedrive's German interface; they come after the English ones, which win a tie.)

# Recognised so that the other CRM's record ids and owners are no "unknown column" notice,
# but never imported: not a choice for a column either.
NOT_IMPORTED_FIELDS = frozenset({"id", "owner"})


def importable_fields(kind: str) -> list[str]:
    """The fields of `kind` a column can be imported as, in KIND_FIELDS order."""
    return [name for name in KIND_FIELDS[kind] if name not in NOT_IMPORTED_FIELDS]


# Any one field of a group must have a column; contacts may give the name in two parts.
REQUIRED_FIELDS: dict[str, tuple[str, ...]] = {
    "deals": ("title",),
    "companies": ("name",),
    "contacts": ("name", "first_name", "last_name"),
}


def _header_key(header: str) -> str:
    # NFC so a macOS-decomposed "Größe" matches; whitespace runs collapse for sloppy exports.
    return " ".join(unicodedata.normalize("NFC", header).split()).casefold()


def _alias_index(kind: str) -> dict[str, tuple[str, int]]:
    index: dict[str, tuple[str, int]] = {}
    for name, aliases in KIND_FIELDS[kind].items():
        for rank, alias in enumerate(aliases):
            index.setdefault(_header_key(alias), (name, rank))
    return index


_ALIASES = {kind: _alias_index(kind) for kind in KIND_FIELDS}


def _check_kind(kind: str) -> None:
    if kind not in KIND_FIELDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {sorted(KIND_FIELDS)}")


def _match_headers(
    kind: str, headers: Sequence[str]
) -> tuple[dict[int, tuple[str, int]], list[str]]:
    """(column → (field, alias rank), unknown headers)."""
    _check_kind(kind)
    matched: dict[int, tuple[str, int]] = {}
    unknown: list[str] = []
    for col, header in enumerate(headers):
        key = _header_key(unneutralise(header.strip()))
        if not key:
            continue  # an unnamed column (often Excel's trailing empties): nothing to report
        hit = _ALIASES[kind].get(key)
        if hit is None:
            unknown.append(header.strip())
        else:
            matched[col] = hit
    return matched, unknown


def recognised_fields(kind: str, headers: Sequence[str]) -> tuple[int, bool]:
    """(how many columns a header names as fields of `kind`, whether a required one is
    among them), without raising: for guessing which kind a file holds."""
    matched, _unknown = _match_headers(kind, headers)
    names = {name for name, _rank in matched.values()}
    return len(matched), bool(names & set(REQUIRED_FIELDS[kind]))


def _choose_columns(
    kind: str,
    headers: Sequence[str],
    matched: dict[int, tuple[str, int]],
    columns: Mapping[str, str | None],
    header_line: int,
) -> tuple[dict[int, tuple[str, int]], set[int], list[Problem]]:
    """Apply the user's choices {header as written: field, or None/"" to ignore} to the
    automatic match: only the named headers change. (column → (field, rank), columns ignored
    on purpose, problems): a header not in the file, a field the kind does not have, a field a
    changed column would share with another column."""
    keys = [_header_key(unneutralise(header.strip())) for header in headers]
    fields = KIND_FIELDS[kind]
    chosen = dict(matched)
    ignored: set[int] = set()
    changed: dict[str, int] = {}  # field → first column newly chosen for it
    problems: list[Problem] = []
    for written, name in columns.items():
        name = (name or "").strip()
        key = _header_key(unneutralise(written.strip()))
        cols = [col for col, k in enumerate(keys) if k and k == key]
        if not cols:
            present = ", ".join(f'"{h.strip()}"' for h, k in zip(headers, keys, strict=True) if k)
            if name:
                message = Message(
                    QT_TRANSLATE_NOOP(
                        "ImportProblem",
                        'The file has no column "%1" to import as "%2"; its columns are %3',
                    ),
                    written.strip(),
                    name,
                    present,
                )
            else:
                message = Message(
                    QT_TRANSLATE_NOOP(
                        "ImportProblem", 'The file has no column "%1" to ignore; its columns are %2'
                    ),
                    written.strip(),
                    present,
                )
            problems.append(ColumnProblem(header_line, written.strip(), message))
            continue
        if name and (name not in fields or name in NOT_IMPORTED_FIELDS):
            problems.append(
                ColumnProblem(
                    header_line,
                    written.strip(),
                    Message(
                        _NO_SUCH_FIELD[kind],
                        written.strip(),
                        name,
                        ", ".join(importable_fields(kind)),
                    ),
                )
            )
            continue
        for col in cols:
            if not name:
                chosen.pop(col, None)
                ignored.add(col)
            elif matched.get(col, ("",))[0] != name:  # the automatic choice changes nothing
                hit = _ALIASES[kind].get(keys[col])
                rank = hit[1] if hit is not None and hit[0] == name else len(fields[name])
                chosen[col] = (name, rank)
                changed.setdefault(name, col)
    for name, first in changed.items():
        sharing = [f'"{headers[col].strip()}"' for col in sorted(chosen) if chosen[col][0] == name]
        if len(sharing) > 1:
            both_or_all = min(len(sharing), 3)
            message = Message(
                _SHARED_FIELD[both_or_all], ", ".join(sharing[:-1]), sharing[-1], name
            )
            problems.append(ColumnProblem(header_line, headers[first].strip(), message))
    return chosen, ignored, problems


# A kind's own sentence, so a translation can say "deals" and "companies" its own way.
_NO_SUCH_FIELD = {
    "deals": QT_TRANSLATE_NOOP(
        "ImportProblem",
        'Column "%1" cannot be imported as "%2": deals have no such field (they have %3)',
    ),
    "companies": QT_TRANSLATE_NOOP(
        "ImportProblem",
        'Column "%1" cannot be imported as "%2": companies have no such field (they have %3)',
    ),
    "contacts": QT_TRANSLATE_NOOP(
        "ImportProblem",
        'Column "%1" cannot be imported as "%2": contacts have no such field (they have %3)',
    ),
}
# Columns sharing one field: two of them ("both") or more ("all"; %1 lists all but the last).
_SHARED_FIELD = {
    2: QT_TRANSLATE_NOOP(
        "ImportProblem",
        'Columns %1 and %2 are both imported as "%3", which takes one column: import one of '
        "them and ignore the others",
    ),
    3: QT_TRANSLATE_NOOP(
        "ImportProblem",
        'Columns %1 and %2 are all imported as "%3", which takes one column: import one of '
        "them and ignore the others",
    ),
}
_NO_REQUIRED_COLUMN = {
    "deals": QT_TRANSLATE_NOOP(
        "ImportProblem", "No column for the deal title: the header needs one of %1"
    ),
    "companies": QT_TRANSLATE_NOOP(
        "ImportProblem", "No column for the company name: the header needs one of %1"
    ),
    "contacts": QT_TRANSLATE_NOOP(
        "ImportProblem",
        'No column for the contact name: the header needs one of %1 or "First Name" / "Last Name"',
    ),
}


def _map_columns(
    kind: str,
    headers: Sequence[str],
    *,
    header_line: int = 1,
    columns: Mapping[str, str | None] | None = None,
) -> tuple[dict[int, tuple[str, int]], list[str]]:
    """map_headers with each column's alias rank: (column → (field, rank), unknown headers)."""
    matched, unknown = _match_headers(kind, headers)
    problems: list[Problem] = []
    if columns:
        matched, ignored, problems = _choose_columns(kind, headers, matched, columns, header_line)
        unknown = [
            header.strip()
            for col, header in enumerate(headers)
            if col not in matched
            and col not in ignored
            and _header_key(unneutralise(header.strip()))
        ]
    required = REQUIRED_FIELDS[kind]
    if not set(required) & {name for name, _rank in matched.values()}:
        expected = ", ".join(f'"{a}"' for a in KIND_FIELDS[kind][required[0]])
        problems.append(
            ColumnProblem(header_line, "", Message(_NO_REQUIRED_COLUMN[kind], expected))
        )
    if problems:
        raise CsvError(problems)
    return matched, unknown


def map_headers(
    kind: str,
    headers: Sequence[str],
    *,
    header_line: int = 1,
    columns: Mapping[str, str | None] | None = None,
) -> tuple[dict[int, str], list[str]]:
    """(column index → canonical field, headers of ignored columns) for "deals", "companies"
    or "contacts". Several columns may map to one field (HubSpot's "Company Name" and
    "Associated Company"); read_rows then takes the first non-empty by alias order.

    `columns` overrides the automatic match for the headers it names: {header as written:
    field, or None/"" to ignore the column}. CsvError when the required column is missing or
    a choice is wrong (header not in the file, no such field, a chosen field another column
    feeds too); ValueError for an unknown kind."""
    matched, unknown = _map_columns(kind, headers, header_line=header_line, columns=columns)
    return {col: name for col, (name, _rank) in matched.items()}, unknown


def _header_and_records(text: str) -> tuple[list[str] | None, Iterator[list[str]], int]:
    """(header cells or None, the non-blank records after it, the header's line), leniently
    (an unclosed quote ends the file): as read_rows finds them, Excel's "sep=" line too."""
    declared, pos, line = _body_start(text)
    delimiter = declared or sniff_delimiter(text)
    records = (
        cells
        for _line, cells in _records(text, delimiter, pos=pos, line=line, strict=False)
        if not _is_blank(cells)
    )
    return next(records, None), records, line


def read_header(data: bytes) -> list[str] | None:
    """The header's cells as read_rows would read them; None for an undecodable or empty file."""
    try:
        text, _encoding = _decode(data)
    except CsvError:
        return None
    return _header_and_records(text)[0]


def peek_columns(
    data: bytes, kind: str, columns: Mapping[str, str | None] | None = None, *, rows: int = 100
) -> list[tuple[str, str | None, str]]:
    """The header's named columns as read_rows would map them, for a mapping table:
    (header as written, trimmed; field or None; first non-empty value of the first `rows` rows).

    Never raises for a mapping problem (read_rows reports those): a wrong choice is left out,
    a missing required column is no matter. [] when the file cannot be decoded or is empty.
    """
    _check_kind(kind)
    try:
        text, _encoding = _decode(data)
    except CsvError:
        return []
    header, records, line = _header_and_records(text)
    if header is None:
        return []
    matched, _unknown = _match_headers(kind, header)
    if columns:
        matched, _ignored, _problems = _choose_columns(kind, header, matched, columns, line)
    body = list(itertools.islice(records, rows))
    found: list[tuple[str, str | None, str]] = []
    for col, name in enumerate(header):
        if not _header_key(name):
            continue
        cells = (unneutralise(cells[col].strip()) for cells in body if col < len(cells))
        field_name = matched[col][0] if col in matched else None
        found.append((name.strip(), field_name, next((v for v in cells if v), "")))
    return found


# --- reading -------------------------------------------------------------------------------


@dataclass
class ParsedFile:
    """A decoded, split file held column by column: per canonical field one trimmed,
    unneutralised string per row, nothing converted yet.

    Columns, not a dict per row: a 100k-row import then fetches, strips and converts whole
    columns in C (map, itemgetter, dict lookups per distinct value) — a third of its time was
    building and reading 200k small dicts.
    """

    kind: str
    delimiter: str
    encoding: str  # "utf-8-sig", "utf-8", "utf-16" or "cp1252"
    mapping: dict[int, str]
    unknown_columns: list[str]
    lines: list[int] = field(default_factory=list)  # physical line where each row starts
    values: dict[str, list[str]] = field(default_factory=dict)  # field → a value per row
    header: list[str] = field(default_factory=list)
    header_line: int = 1
    # field → its columns, the one read first leading (several may share a field)
    columns: dict[str, list[int]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.lines)

    @property
    def rows(self) -> list[tuple[int, dict[str, str]]]:
        """(line, {field: value}) per row: the file as a reader of one row at a time sees it."""
        names = list(self.values)
        return [
            (line, dict(zip(names, cells, strict=True)))
            for line, *cells in zip(self.lines, *self.values.values(), strict=True)
        ]

    def column_of(self, name: str) -> str:
        """Header of the column a field is read from first, for messages; "" if none."""
        cols = self.columns.get(name)
        return self.header[cols[0]].strip() if cols else ""


def _columns_by_priority(matched: dict[int, tuple[str, int]]) -> dict[str, list[int]]:
    """field → its columns, best alias first (the order read_rows tries them in)."""
    by_field: dict[str, list[tuple[int, int]]] = {}
    for col, (name, rank) in matched.items():
        by_field.setdefault(name, []).append((rank, col))
    return {name: [col for _rank, col in sorted(pairs)] for name, pairs in by_field.items()}


def read_rows(
    data: bytes, kind: str, *, columns: Mapping[str, str | None] | None = None
) -> ParsedFile:
    """Decode, sniff the delimiter, map the header, split the records of one file.

    `columns` overrides the automatic header match as map_headers describes; the choice is
    made once, with the header, so reading the rows costs the same either way.

    Blank lines are skipped, short rows padded. CsvError lists everything wrong with the
    structure (encoding, unclosed quote, missing required column, rows wider than the header).
    Contacts whose name comes in parts also get "name" = first + last.
    """
    _check_kind(kind)
    text, encoding = _decode(data)
    declared, pos, line = _body_start(text)
    delimiter = declared or sniff_delimiter(text)
    problems: list[Problem] = []
    header: list[str] | None = None
    header_line = line
    lines: list[int] = []
    rows: list = []  # per record the mapped cells only, as one tuple (or one str)
    wide = QT_TRANSLATE_NOOP(
        "ImportProblem",
        "This row has %1 cells but the header has %2; a value probably contains an unquoted %3",
    )
    try:
        for record_line, cells in _fast_records(text, delimiter, pos=pos, line=line):
            # Blank records are skipped; most rows show they are not by their first cell.
            first = cells[0]
            if (not first or first.isspace()) and _is_blank(cells):
                continue
            if header is None:
                header, header_line = cells, record_line
                # A wrong header is all there is to say: its rows cannot be read as meant.
                matched, unknown = _map_columns(
                    kind, header, header_line=header_line, columns=columns
                )
                width = len(header)
                wanted = sorted(matched)
                need = wanted[-1] + 1
                pick = operator.itemgetter(*wanted)
                continue
            if len(cells) > width:
                problems.append(
                    Problem(
                        record_line,
                        "",
                        Message(wide, len(cells), width, _DELIMITER_NAMES[delimiter]),
                    )
                )
                continue
            if len(cells) < need:
                cells += [""] * (need - len(cells))
            lines.append(record_line)
            rows.append(pick(cells))
    except CsvError as exc:
        problems.extend(exc.problems)
    if header is None and not problems:
        empty = QT_TRANSLATE_NOOP("ImportProblem", "The file is empty: no header line found")
        problems.append(Problem(header_line, "", Message(empty)))
    if problems:
        raise CsvError(problems)
    assert header is not None
    # The mapped columns transposed in C: one list of cells per column.
    picked: Iterable[Sequence[str]]
    if not rows:
        picked = [() for _col in wanted]
    elif len(wanted) == 1:
        picked = [rows]
    else:
        picked = zip(*rows, strict=True)
    cells_of = dict(zip(wanted, map(_clean, picked), strict=True))
    by_field = _columns_by_priority(matched)
    return ParsedFile(
        kind,
        delimiter,
        encoding,
        {col: name for col, (name, _rank) in matched.items()},
        unknown,
        lines=lines,
        values=_field_values(cells_of, by_field, kind, len(lines)),
        header=header,
        header_line=header_line,
        columns=by_field,
    )


_DELIMITER_NAMES = {
    ",": Message(QT_TRANSLATE_NOOP("ImportProblem", "comma")),
    ";": Message(QT_TRANSLATE_NOOP("ImportProblem", "semicolon")),
    "\t": Message(QT_TRANSLATE_NOOP("ImportProblem", "tab")),
}


def _clean(cells: Sequence[str]) -> list[str]:
    """A column's cells trimmed and unneutralised; whether any cell starts with an apostrophe
    is found by one scan of the column joined, in C, rather than a test per cell."""
    cells = list(map(str.strip, cells))
    joined = "\x00".join(cells)  # a NUL inside a cell can only cause a needless unneutralise
    if joined.startswith("'") or "\x00'" in joined:
        return list(map(unneutralise, cells))
    return cells


def _field_values(
    cells_of: dict[int, list[str]], columns: dict[str, list[int]], kind: str, count: int
) -> dict[str, list[str]]:
    """field → its values, one per row, from the cleaned cells of each column: a field fed by
    several columns takes the first non-empty in priority order. Fields fed by one column
    come first, as they are read."""
    values = {name: cells_of[cols[0]] for name, cols in columns.items() if len(cols) == 1}
    for name, cols in columns.items():
        if len(cols) > 1:
            candidates = zip(*(cells_of[col] for col in cols), strict=True)
            values[name] = [next(filter(None, cells), "") for cells in candidates]
    if kind == "contacts" and ("first_name" in values or "last_name" in values):
        empty = [""] * count
        names = values.get("name", empty)
        parts = zip(values.get("first_name", empty), values.get("last_name", empty), strict=True)
        values["name"] = [
            name or " ".join(filter(None, pair)) for name, pair in zip(names, parts, strict=True)
        ]
    return values


# --- values --------------------------------------------------------------------------------


def parse_money(text: str, field: str) -> int:
    """A cell's amount as integer minor units ("" → 0), read by app.domain.money.parse_amount:
    German or English notation, optional currency sign. ValueError naming `field` otherwise,
    its argument a Message."""
    if not text.strip():
        return 0
    try:
        return parse_amount(text, field)
    except ValueError as exc:
        raise type(exc)(_amount_message(exc, text, field)) from None


def _amount_message(exc: ValueError, text: str, field: str) -> str:
    """parse_amount's English refusal as a Message of the same words; a wording it gains
    later stays English rather than being told wrong."""
    english = str(exc)
    if isinstance(exc, AmountTooLarge):
        message = Message(
            QT_TRANSLATE_NOOP("ImportProblem", '%1 is too large: at most %2 (got "%3")'),
            field,
            Amount(MAX_MINOR),
            text,
        )
    elif "decimal places" in english:
        message = Message(
            QT_TRANSLATE_NOOP("ImportProblem", '%1 must have at most 2 decimal places (got "%2")'),
            field,
            text,
        )
    else:
        message = Message(
            QT_TRANSLATE_NOOP("ImportProblem", '%1 must be an amount such as 1.234,56 (got "%2")'),
            field,
            text,
        )
    return message if message == english else english


def format_money(minor: int, decimal: str = ".") -> str:
    """Minor units as a plain number for export, "-1234.50" (or "-1234,50"): parse_money reads
    it back and it is never mistaken for a formula."""
    sign = "-" if minor < 0 else ""
    units, cents = divmod(abs(minor), 100)
    return f"{sign}{units}{decimal}{cents:02d}"


_TIME = (
    r"(?:{sep}\s*(?P<h>[0-9]{{1,2}}):(?P<m>[0-9]{{2}})(?::(?P<s>[0-9]{{2}})(?:[.,][0-9]{{1,9}})?)?"
    r"\s*(?P<ampm>[AaPp][Mm])?\s*(?:Z|UTC|GMT|[+-][0-9]{{2}}(?::?[0-9]{{2}})?)?)?"
)
_DATE_FORMATS = tuple(
    re.compile(date + _TIME.format(sep=sep))
    for date, sep in (
        (r"(?P<y>[0-9]{4})-(?P<mo>[0-9]{1,2})-(?P<d>[0-9]{1,2})", "[T ]"),  # ISO
        (r"(?P<d>[0-9]{1,2})\.(?P<mo>[0-9]{1,2})\.(?P<y>[0-9]{4})", " "),  # German
        (r"(?P<mo>[0-9]{1,2})/(?P<d>[0-9]{1,2})/(?P<y>[0-9]{4})", " "),  # US, as HubSpot
    )
)
# Why a date matching a format does not exist: datetime's words (and ours for the time),
# translated when they are the ones known here.
_DATE_REASONS = {
    str(reason): reason
    for reason in (
        Message(QT_TRANSLATE_NOOP("ImportProblem", "day is out of range for month")),
        Message(QT_TRANSLATE_NOOP("ImportProblem", "month must be in 1..12")),
        Message(QT_TRANSLATE_NOOP("ImportProblem", "year 0 is out of range")),
    )
}
_TIME_OUT_OF_RANGE = Message(QT_TRANSLATE_NOOP("ImportProblem", "the time is out of range"))


@functools.lru_cache(maxsize=4096)
def parse_date(text: str) -> dt.date | None:
    """ISO (2026-12-31, also with a time), German 31.12.2026 or US 12/31/2026 → date; the date
    part of a timestamp is taken as written. "" → None; ValueError for anything else.
    Cached: an import repeats the same few thousand dates many times."""
    s = text.strip()
    if len(s) == 10 and s[4] == "-" and s[7] == "-" and s.isascii() and s[5:7].isdigit():
        with contextlib.suppress(ValueError):  # the general path words the error
            return dt.date.fromisoformat(s)
    if not s:
        return None
    for pattern in _DATE_FORMATS:
        match = pattern.fullmatch(s)
        if match is None:
            continue
        try:
            _check_time(match)
            return dt.date(int(match["y"]), int(match["mo"]), int(match["d"]))
        except ValueError as exc:
            reason = message_of(exc)
            raise ValueError(
                Message(
                    QT_TRANSLATE_NOOP(
                        "ImportProblem",
                        'Date "%1" does not exist (%2); write dates as 2026-12-31, 31.12.2026 '
                        "or, month first, 12/31/2026",
                    ),
                    text,
                    _DATE_REASONS.get(reason, reason),
                )
            ) from None
    raise ValueError(
        Message(
            QT_TRANSLATE_NOOP(
                "ImportProblem",
                "Date must be written as 2026-12-31, 31.12.2026 or, month first, 12/31/2026 "
                '(got "%1")',
            ),
            text,
        )
    )


def _check_time(match: re.Match[str]) -> None:
    if match["h"] is None:
        return
    hour, minute, second = int(match["h"]), int(match["m"]), int(match["s"] or 0)
    top = 12 if match["ampm"] else 23
    if hour > top or minute > 59 or second > 60:
        raise ValueError(_TIME_OUT_OF_RANGE)


# --- converting rows -----------------------------------------------------------------------

_STATUSES = {
    "open": "open",
    "won": "won",
    "lost": "lost",
    "offen": "open",
    "gewonnen": "won",
    "verloren": "lost",
}
_CURRENCY_SYMBOLS = {"€": "EUR", "$": "USD", "£": "GBP"}
_CURRENCY_CODE = re.compile("[A-Z]{3}")
_PROBABILITY = re.compile(r"([0-9]{1,3})(?:[.,]0+)?\s*%?", re.ASCII)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")
# The fields messages name: a converter's label and the required fields.
_LABELS = {
    "title": Message(QT_TRANSLATE_NOOP("ImportProblem", "Title")),
    "value": Message(QT_TRANSLATE_NOOP("ImportProblem", "Value")),
    "currency": Message(QT_TRANSLATE_NOOP("ImportProblem", "Currency")),
    "status": Message(QT_TRANSLATE_NOOP("ImportProblem", "Status")),
    "probability": Message(QT_TRANSLATE_NOOP("ImportProblem", "Probability")),
    "name": Message(QT_TRANSLATE_NOOP("ImportProblem", "Name")),
    "email": Message(QT_TRANSLATE_NOOP("ImportProblem", "Email")),
}


def _probability(raw: str, label: str) -> int | None:
    if not raw:
        return None
    match = _PROBABILITY.fullmatch(raw)
    if match is None or int(match.group(1)) > 100:
        raise ValueError(
            Message(
                QT_TRANSLATE_NOOP(
                    "ImportProblem", '%1 must be a percentage from 0 to 100 (got "%2")'
                ),
                label,
                raw,
            )
        )
    return int(match.group(1))


def _status(raw: str, label: str) -> str | None:
    if not raw:
        return None
    status = _STATUSES.get(raw.casefold())
    if status is None:
        raise ValueError(
            Message(
                QT_TRANSLATE_NOOP("ImportProblem", '%1 must be open, won or lost (got "%2")'),
                label,
                raw,
            )
        )
    return status


def _currency(raw: str, label: str) -> str:
    code = _CURRENCY_SYMBOLS.get(raw, raw.upper())
    if raw and not _CURRENCY_CODE.fullmatch(code):
        raise ValueError(
            Message(
                QT_TRANSLATE_NOOP(
                    "ImportProblem", '%1 must be a three-letter code such as EUR (got "%2")'
                ),
                label,
                raw,
            )
        )
    return code


def _tags(raw: str, label: str) -> list[str]:
    tags: dict[str, str] = {}
    for tag in re.split("[,;]", raw):
        if tag.strip():
            tags.setdefault(tag.strip().casefold(), tag.strip())
    return list(tags.values())


def _email(raw: str, label: str) -> str:
    if raw and not _EMAIL.fullmatch(raw):
        raise ValueError(
            Message(
                QT_TRANSLATE_NOOP(
                    "ImportProblem", '%1 must be an address such as anna@example.com (got "%2")'
                ),
                label,
                raw,
            )
        )
    return raw


def _date(raw: str, label: str) -> dt.date | None:
    return parse_date(raw)


# field → converter(raw, label); fields not listed stay strings.
_CONVERTERS: dict[str, Callable[[str, str], object]] = {
    "value": parse_money,
    "expected_close": _date,
    "created": _date,
    "closed": _date,
    "entered_on": _date,
    "probability": _probability,
    "status": _status,
    "currency": _currency,
    "tags": _tags,
    "email": _email,
}


@dataclass
class Records:
    """A file's rows converted, column by column: per field one typed value per row (None
    where that cell is bad), which rows have a problem, and the problems in line order.

    Typed values are shared between rows with the same cell (one tags list for every "vip"):
    read them, never change them.
    """

    lines: list[int]
    values: dict[str, list]
    bad: bytearray  # 1 for a row with a problem
    problems: list[Problem]

    def column(self, name: str) -> list:
        """A field's values, or None for every row when the file has no such column."""
        found = self.values.get(name)
        return found if found is not None else [None] * len(self.lines)

    def rows(self) -> Iterator[tuple[int, dict[str, object], bool]]:
        """(line, {field: typed value}, has a problem) per row."""
        names = list(self.values)
        for line, bad, *cells in zip(self.lines, self.bad, *self.values.values(), strict=True):
            yield line, dict(zip(names, cells, strict=True)), bool(bad)


def convert_columns(parsed: ParsedFile) -> Records:
    """Typed records: value → int minor units, dates → date | None, probability → int | None,
    status → "open" | "won" | "lost" | None, currency → "EUR" | "", tags → list[str], the rest
    str. Bad values and empty required values become Problems, in line order and, within a
    line, in column order.

    Files repeat their statuses, currencies, dates and amounts: each distinct cell of a column
    is converted once and the column mapped through the results in C.
    """
    lines = parsed.lines
    problems: list[Problem] = []
    bad = bytearray(len(lines))
    values: dict[str, list] = dict(parsed.values)
    for name, cells in parsed.values.items():
        convert = _CONVERTERS.get(name)
        if convert is None:
            continue
        label = _LABELS.get(name, name)
        typed: dict[str, object] = {}
        failed: dict[str, str] = {}
        for cell in dict.fromkeys(cells):
            try:
                typed[cell] = convert(cell, label)
            except ValueError as exc:
                typed[cell] = None
                failed[cell] = message_of(exc)
        values[name] = list(map(typed.__getitem__, cells))
        if failed:
            column = parsed.column_of(name)
            for i, cell in enumerate(cells):
                if cell in failed:
                    problems.append(Problem(lines[i], column, failed[cell]))
                    bad[i] = 1
    required = "title" if parsed.kind == "deals" else "name"
    message = Message(QT_TRANSLATE_NOOP("ImportProblem", "%1 must not be empty"), _LABELS[required])
    column = parsed.column_of(required)
    for i, cell in enumerate(parsed.values.get(required) or [""] * len(lines)):
        if not cell:
            problems.append(Problem(lines[i], column, message))
            bad[i] = 1
    problems.sort(key=operator.attrgetter("line"))  # stable: column order within a line
    return Records(lines, values, bad, problems)


def convert_rows(parsed: ParsedFile) -> list[tuple[int, dict[str, object]]]:
    """convert_columns as (line, record) per row; CsvError lists every problem."""
    records = convert_columns(parsed)
    if records.problems:
        raise CsvError(records.problems)
    return [(line, record) for line, record, _bad in records.rows()]


# --- writing -------------------------------------------------------------------------------


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def _csv_line(cells: Sequence[object], delimiter: str) -> str:
    out = []
    for value in cells:
        text = value if isinstance(value, str) else _cell(value)
        if text:
            text = neutralise(text)
            if delimiter in text or '"' in text or "\r" in text or "\n" in text:
                text = '"' + text.replace('"', '""') + '"'
        out.append(text)
    if out == [""]:
        out = ['""']  # a lone empty cell would otherwise be a blank line, which readers skip
    return delimiter.join(out) + "\r\n"


def write_csv(
    path: str | os.PathLike[str],
    header: Sequence[object],
    rows: Iterable[Sequence[object]],
    delimiter: str = ",",
) -> None:
    """Write UTF-8 with BOM (so Excel shows umlauts), CRLF, formula cells neutralised.

    Atomic (storage.files.atomic_write): on any failure, also an exception from the `rows`
    iterable, no temp file remains and an existing file is intact.
    """
    if delimiter not in DELIMITERS:
        raise ValueError(f"delimiter must be one of {DELIMITERS!r}, not {delimiter!r}")

    def write(fh) -> None:
        text = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="")
        text.write(_csv_line(header, delimiter))
        for row in rows:
            text.write(_csv_line(row, delimiter))
        text.flush()
        text.detach()  # atomic_write syncs and closes the file itself

    atomic_write(path, write)
