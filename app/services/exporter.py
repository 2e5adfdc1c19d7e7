"""Exporting deals, companies, contacts and activities to CSV, and next actions to iCalendar.

The CSV headers are our own import's field names, and every value is written the way the
importer reads it back, so export → import → export gives the same file. Values are written
trimmed, as the importer stores them. Files are written atomically (a temp file, then rename).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from app.importing.csvformat import format_money, write_csv
from app.storage.files import atomic_write_bytes

if TYPE_CHECKING:
    from app.services import Services

CSV_KINDS = ("deals", "companies", "contacts", "activities")
DELIMITERS = (",", ";")

DEAL_COLUMNS = (
    "title",
    "value",
    "currency",
    "company",
    "contact",
    "pipeline",
    "stage",
    "status",
    "probability",
    "expected_close",
    "created",
    "closed",
    "lost_reason",
    "tags",
    "notes",
)
COMPANY_COLUMNS = ("name", "group", "funnel_stage", "source", "entered_on", "tags", "notes")
CONTACT_COLUMNS = ("name", "email", "phone", "role", "company")
ACTIVITY_COLUMNS = ("kind", "subject", "due_on", "done", "company", "deal", "contact", "notes")


def export_csv(services: Services, kind: str, path: Path | str, delimiter: str = ",") -> int:
    """Write `kind` ("deals", "companies", "contacts", "activities") to `path`; rows written.

    UTF-8 with BOM, CRLF, formula cells neutralised; with ";" (German Excel) amounts get a
    decimal comma. ValueError for an unknown kind or delimiter; OSError if it cannot write.
    """
    if kind not in CSV_KINDS:
        raise ValueError(f"unknown kind {kind!r}; expected one of {CSV_KINDS}")
    if delimiter not in DELIMITERS:
        raise ValueError(f"delimiter must be one of {DELIMITERS}, not {delimiter!r}")
    header, rows = {
        "deals": (DEAL_COLUMNS, _deal_rows),
        "companies": (COMPANY_COLUMNS, _company_rows),
        "contacts": (CONTACT_COLUMNS, _contact_rows),
        "activities": (ACTIVITY_COLUMNS, _activity_rows),
    }[kind]
    counted = _Counted(rows(services, "," if delimiter == ";" else "."))
    write_csv(path, header, counted, delimiter)
    return counted.n


class _Counted:
    """An iterable of rows that counts what it gave out."""

    def __init__(self, rows: Iterator[Sequence[object]]):
        self.rows = rows
        self.n = 0

    def __iter__(self) -> Iterator[Sequence[object]]:
        for row in self.rows:
            self.n += 1
            yield row


def _text(value: str | None) -> str:
    return (value or "").strip()


def _day(stamp: str | None) -> str:
    """The date part of a stored date or timestamp ("2026-03-01 14:00:00" → "2026-03-01")."""
    return stamp[:10] if stamp else ""


def _tags(services: Services, link: str, owner: str) -> dict[int, str]:
    rows = services.db.execute_sql(
        f'SELECT l."{owner}", t.name FROM "{link}" l JOIN tag t ON t.id = l.tag_id'
    ).fetchall()
    by_owner: dict[int, list[str]] = {}
    for owner_id, name in rows:
        by_owner.setdefault(owner_id, []).append(name.strip())
    return {k: ", ".join(sorted(v, key=lambda n: (n.casefold(), n))) for k, v in by_owner.items()}


def _deal_rows(services: Services, decimal: str) -> Iterator[tuple]:
    currency = services.currency()
    tags = _tags(services, "deal_tag", "deal_id")
    cursor = services.db.execute_sql(
        """
        SELECT d.id, d.title, d.value_minor, c.name, p.name, pl.name, s.name, d.status,
               d.probability, d.expected_close, d.created_at, d.closed_at, d.lost_reason,
               d.notes
        FROM deal d
        LEFT JOIN company c ON c.id = d.company_id
        LEFT JOIN contact p ON p.id = d.contact_id
        JOIN pipeline pl ON pl.id = d.pipeline_id
        JOIN pipeline_stage s ON s.id = d.stage_id
        WHERE d.deleted_at IS NULL
        ORDER BY d.id
        """
    )
    for (
        deal_id,
        title,
        value,
        company,
        contact,
        pipeline,
        stage,
        status,
        probability,
        expected_close,
        created,
        closed,
        lost_reason,
        notes,
    ) in cursor:
        yield (
            _text(title),
            format_money(value or 0, decimal),
            currency,
            _text(company),
            _text(contact),
            _text(pipeline),
            _text(stage),
            status,
            "" if probability is None else probability,
            _day(expected_close),
            _day(created),
            _day(closed) if status != "open" else "",
            _text(lost_reason),
            tags.get(deal_id, ""),
            _text(notes),
        )


def _company_rows(services: Services, decimal: str) -> Iterator[tuple]:
    tags = _tags(services, "company_tag", "company_id")
    cursor = services.db.execute_sql(
        """
        SELECT c.id, c.name, c.segment, f.name, c.source, c.entered_on, c.notes
        FROM company c JOIN funnel_stage f ON f.id = c.funnel_stage_id
        WHERE c.deleted_at IS NULL
        ORDER BY c.id
        """
    )
    for company_id, name, group, stage, source, entered_on, notes in cursor:
        yield (
            _text(name),
            _text(group),
            _text(stage),
            _text(source),
            _day(entered_on),
            tags.get(company_id, ""),
            _text(notes),
        )


def _contact_rows(services: Services, decimal: str) -> Iterator[tuple]:
    cursor = services.db.execute_sql(
        """
        SELECT p.name, p.email, p.phone, p.role, c.name
        FROM contact p JOIN company c ON c.id = p.company_id
        WHERE p.deleted_at IS NULL
        ORDER BY p.id
        """
    )
    for row in cursor:
        yield tuple(_text(v) for v in row)


def _activity_rows(services: Services, decimal: str) -> Iterator[tuple]:
    cursor = services.db.execute_sql(
        """
        SELECT a.kind, a.subject, a.due_on, a.done_at, COALESCE(c.name, dc.name), d.title,
               p.name, a.notes
        FROM activity a
        LEFT JOIN deal d ON d.id = a.deal_id
        LEFT JOIN company c ON c.id = a.company_id
        LEFT JOIN company dc ON dc.id = d.company_id
        LEFT JOIN contact p ON p.id = a.contact_id
        ORDER BY a.id
        """
    )
    for kind, subject, due_on, done_at, company, deal, contact, notes in cursor:
        yield (
            kind,
            _text(subject),
            _day(due_on),
            _day(done_at),
            _text(company),
            _text(deal),
            _text(contact),
            _text(notes),
        )


# --- iCalendar -----------------------------------------------------------------------------

PRODID = "-//Dealboard//Dealboard next actions//EN"
COMPONENTS = ("VEVENT", "VTODO")
# RFC 5545 3.3.11: TEXT may not hold control characters other than HTAB.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f]")


def ics_escape(text: str) -> str:
    """A TEXT value (RFC 5545 3.3.11): \\ ; , escaped, line breaks as \\n, controls dropped."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\n", "\\n")
    return _CONTROL.sub("", text)


def ics_fold(line: str) -> str:
    """One content line folded (RFC 5545 3.1): at most 75 octets per physical line, never
    splitting a UTF-8 sequence; continuation lines start with a space. CRLF-terminated."""
    out: list[str] = []
    current: list[str] = []
    size, limit = 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            out.append("".join(current))
            current, size, limit = [" "], 1, 75
        current.append(char)
        size += width
    out.append("".join(current))
    return "\r\n".join(out) + "\r\n"


def _ics_date(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def export_next_actions(
    services: Services,
    path: Path | str,
    *,
    component: str = "VEVENT",
    now: dt.datetime | None = None,
) -> int:
    """Write every open activity with a due date as an all-day VEVENT (or VTODO) to an
    iCalendar file; returns how many. Activities of trashed deals or companies are left out.

    VEVENT is the default: calendar apps import it everywhere, while many ignore VTODO. UIDs
    are stable per activity, so importing the file again updates events instead of doubling.
    """
    if component not in COMPONENTS:
        raise ValueError(f"component must be one of {COMPONENTS}, not {component!r}")
    now = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    stamp = now.strftime("%Y%m%dT%H%M%SZ")
    rows = services.db.execute_sql(
        """
        SELECT a.id, a.kind, a.subject, a.due_on, a.notes, a.created_at,
               COALESCE(c.name, dc.name), d.title, p.name
        FROM activity a
        LEFT JOIN deal d ON d.id = a.deal_id
        LEFT JOIN company c ON c.id = a.company_id
        LEFT JOIN company dc ON dc.id = d.company_id
        LEFT JOIN contact p ON p.id = a.contact_id
        WHERE a.done_at IS NULL AND a.due_on IS NOT NULL
          AND d.deleted_at IS NULL AND c.deleted_at IS NULL
        ORDER BY a.due_on, a.id
        """
    ).fetchall()
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "X-WR-CALNAME:Dealboard",
    ]
    for activity_id, kind, subject, due_on, notes, created, company, deal, contact in rows:
        due = dt.date.fromisoformat(str(due_on)[:10])
        created_part = re.sub("[^0-9]", "", str(created or ""))[:14]
        summary = _text(subject)
        if company:
            summary += f" ({_text(company)})"
        details = [
            f"{label}: {_text(value)}"
            for label, value in (("Deal", deal), ("Company", company), ("Contact", contact))
            if _text(value)
        ]
        if _text(notes):
            details += ["", _text(notes)]
        lines += [
            f"BEGIN:{component}",
            f"UID:dealboard-activity-{activity_id}-{created_part}@dealboard.local",
            f"DTSTAMP:{stamp}",
        ]
        if component == "VEVENT":
            lines += [
                f"DTSTART;VALUE=DATE:{_ics_date(due)}",
                f"DTEND;VALUE=DATE:{_ics_date(due + dt.timedelta(days=1))}",
                "TRANSP:TRANSPARENT",
            ]
        else:
            lines += [f"DUE;VALUE=DATE:{_ics_date(due)}", "STATUS:NEEDS-ACTION"]
        lines += [
            f"SUMMARY:{ics_escape(summary)}",
            f"CATEGORIES:{ics_escape(str(kind).upper())}",
        ]
        if details:
            lines.append(f"DESCRIPTION:{ics_escape(chr(10).join(details))}")
        lines.append(f"END:{component}")
    lines.append("END:VCALENDAR")
    atomic_write_bytes(path, "".join(ics_fold(line) for line in lines).encode("utf-8"))
    return len(rows)
