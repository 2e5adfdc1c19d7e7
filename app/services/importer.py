"""Importing deals, companies and contacts from CSV: a plan of every row, then one write.

All or nothing: the file is read, every row converted and checked and every company, contact,
stage and tag resolved before anything is written; any problem raises ImportFailed listing
every bad line, and nothing is written. The write is one transaction of bulk inserts. A dry
run (the GUI's preview) computes the same plan and stops before writing.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import gc
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

import peewee as pw

from app.domain.events import Change
from app.importing.csvformat import (
    CsvError,
    Problem,
    Records,
    convert_columns,
    peek_columns,
    read_header,
    read_rows,
    recognised_fields,
)
from app.importing.messages import QT_TRANSLATE_NOOP, Message, Names, QuotedNames
from app.services.base import check_writable
from app.storage import tallies
from app.storage.bulk import indexes_rebuilt, insert_rows, page_cache
from app.storage.models import (
    LOST,
    OPEN,
    WON,
    Company,
    CompanyTag,
    Contact,
    Deal,
    DealTag,
    FunnelStage,
    Pipeline,
    PipelineStage,
    StageHistory,
    Tag,
    utc_now,
)

if TYPE_CHECKING:
    from app.services import Services

KINDS = ("deals", "companies", "contacts")
# Rows per executemany call; between batches the import reports progress and may be cancelled.
BATCH_ROWS = 5000
# A bulk insert of at least BULK_INDEX_ROWS rows into a table holding at most BULK_INDEX_RATIO
# times as many drops the table's secondary indexes and rebuilds them afterwards: one sort per
# index instead of a B-tree walk per row and index. Measured at 100k deals: into an empty
# database 0.7 s inserting + 1.0 s rebuilding beats 2.6 s inserting into the indexes; into the
# 100k demo, deals still gain (0.9 + 1.4 s against 3.5 s) but the 435k history rows would
# take 3 s to re-sort against 1.3 s of mostly-ascending inserts.
BULK_INDEX_ROWS = 10_000
BULK_INDEX_RATIO = 1.5
BULK_CACHE_KIB = 131_072  # page cache during a big import, KiB (128 MiB)

# Stage names a file may use for ours, both ways: the defaults in English and German.
STAGE_TRANSLATIONS = (
    ("qualification", "qualifikation"),
    ("meeting", "treffen"),
    ("proposal", "angebot"),
    ("close", "abschluss"),
    ("awareness", "bewusstsein"),
    ("interest", "interesse"),
    ("consideration", "erwägung"),
    ("consideration", "erwaegung"),
    ("engagement", "engagement"),
    ("conversion", "konversion"),
)
# Stage values that are statuses: HubSpot's closed stages (labels and internal ids).
STATUS_STAGES = {
    "closed won": WON,
    "closedwon": WON,
    "won": WON,
    "gewonnen": WON,
    "closed lost": LOST,
    "closedlost": LOST,
    "lost": LOST,
    "verloren": LOST,
}
STATUS_STAGE_NAMES = ("Closed Won", "Closed Lost")
# What the planner says, as templates for _Planner.problem and notice.
NEGATIVE_VALUE = QT_TRANSLATE_NOOP("ImportProblem", 'Value must not be negative (got "%1")')
OTHER_CURRENCY = QT_TRANSLATE_NOOP(
    "ImportProblem", 'Currency "%1" is not this database\'s %2; convert the values to %2 first'
)
NO_COMPANY_FOR_CONTACT = QT_TRANSLATE_NOOP(
    "ImportProblem",
    'Contact "%1" matches no contact of ours, and a new contact needs a company: fill in the '
    "company column",
)
BAD_STAGE_MAPPING = QT_TRANSLATE_NOOP(
    "ImportProblem", 'The stage mapping "%1=%2" names no stage of ours (known: %3)'
)
OTHER_PIPELINE = QT_TRANSLATE_NOOP(
    "ImportProblem", 'Pipeline "%1" is not one of ours (%2); its deals go into "%3"'
)
STAGE_MAPPED_ELSEWHERE = QT_TRANSLATE_NOOP(
    "ImportProblem",
    'Stage "%1" is mapped to "%2", which is no stage of pipeline "%3" (known: %4)',
)
UNKNOWN_STAGE = QT_TRANSLATE_NOOP(
    "ImportProblem",
    'Stage "%1" is not one of ours; pipeline "%2" knows %3 (and Closed Won, Closed Lost for '
    "the status)",
)
STATUS_CONTRADICTS_STAGE = QT_TRANSLATE_NOOP(
    "ImportProblem", 'Status "%1" contradicts stage "%2", which means %3'
)
STATUS_WORDS = {  # what a closed stage means
    WON: Message(QT_TRANSLATE_NOOP("ImportProblem", "won")),
    LOST: Message(QT_TRANSLATE_NOOP("ImportProblem", "lost")),
}
UNKNOWN_FUNNEL_STAGE = QT_TRANSLATE_NOOP(
    "ImportProblem", 'Funnel stage "%1" is not one of ours (%2)'
)
FUNNEL_STAGE_MAPPED_ELSEWHERE = QT_TRANSLATE_NOOP(
    "ImportProblem", 'Funnel stage "%1" is mapped to "%2", which is not one of ours (%3)'
)
REPEATED_COMPANY = QT_TRANSLATE_NOOP(
    "ImportProblem", "Line %1 repeats the company of line %2; it is imported once"
)
SAMPLE_ROWS = 200  # rows of the preview table
ID_SLICE = 900  # ids per IN (...): SQLite before 3.32 allowed 999 variables, less the rest


@functools.lru_cache(maxsize=262_144)
def name_key(text: str) -> str:
    """How names are matched: trimmed, inner spaces collapsed, NFC, case-folded (ß = ss)."""
    return unicodedata.normalize("NFC", " ".join(text.split())).casefold()


class ImportFailed(CsvError):
    """The file cannot be imported as it is and nothing was written.

    `problems` lists every bad line, in line order; `unknown_stages` maps each stage value
    the database does not know (as first written) to the lines using it, for a mapping table.
    """

    def __init__(
        self,
        problems: Sequence[Problem],
        unknown_stages: Mapping[str, list[int]] | None = None,
        known_stages: Sequence[str] = (),
    ):
        super().__init__(sorted(problems, key=lambda p: p.line))
        self.unknown_stages: dict[str, list[int]] = dict(unknown_stages or {})
        self.known_stages: list[str] = list(known_stages)


class ImportCancelled(Exception):
    """The user cancelled the import; the transaction was rolled back, nothing was written."""


@dataclass
class PreviewRow:
    """One row as it would be imported, for the preview table."""

    line: int
    name: str  # deal title, company or contact name
    company: str = ""
    company_is_new: bool = False
    stage: str = ""  # our stage (deals) or funnel stage (companies)
    status: str = ""
    value_minor: int = 0
    matched: bool = False  # a company or contact row that matched an existing record


@dataclass
class ImportSummary:
    """What an import created and matched (or, in a dry run, would)."""

    kind: str
    rows: int
    created: dict[str, int]  # "deals", "companies", "contacts", "tags" → count
    matched: dict[str, int]  # "companies", "contacts" → existing records used
    converted: int  # existing companies a won deal moves to Conversion
    unknown_columns: list[str]
    notices: list[str]  # Messages: English, app.ui.errors.translated for the dialog
    encoding: str
    delimiter: str
    columns: list[tuple[str, str | None, str]]  # (header, field or None, first sample value)
    # (value in the file, our stage or "Closed Won"/"Closed Lost", rows)
    stages: list[tuple[str, str, int]]
    sample: list[PreviewRow]
    new_companies: list[str]
    matched_companies: list[str]
    dry_run: bool
    ids: dict[str, list[int]] = field(default_factory=dict)  # created ids, once written

    def describe(self) -> str:
        """One English sentence for the command line."""
        verb = "Would create" if self.dry_run else "Created"
        parts = []
        for kind in ("deals", "companies", "contacts"):
            created, matched = self.created.get(kind, 0), self.matched.get(kind, 0)
            if kind in ("companies", "contacts") or created:
                text = f"{created} {kind}"
                if kind in self.matched:
                    text += f" ({matched} matched existing)"
                parts.append(text)
        text = f"{verb} " + ", ".join(parts) + f" from {self.rows} rows"
        if self.created.get("tags"):
            text += f"; {self.created['tags']} new tags"
        if self.converted:
            text += f"; {self.converted} companies become customers (Conversion)"
        return text + "."


Progress = Callable[[int, int], None]


# --- public entry points -------------------------------------------------------------------


def preview(
    services: Services,
    data: bytes,
    kind: str,
    stage_map: Mapping[str, str] | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    columns: Mapping[str, str | None] | None = None,
) -> ImportSummary:
    """The dry run: what import_csv would create and match. Writes nothing.

    `columns` overrides the automatic header match: {header as written in the file: our field
    name, or None/"" to ignore that column}. Raises ImportFailed listing every bad line (and a
    stage mapping to no stage of ours, a wrong column choice).
    """
    with _cyclic_gc_paused():
        plan = _Planner(services, kind, stage_map or {}, progress, cancelled, columns).plan(data)
        return plan.summary(dry_run=True)


def import_csv(
    services: Services,
    data: bytes,
    kind: str,
    stage_map: Mapping[str, str] | None = None,
    *,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    announce: bool = True,
    columns: Mapping[str, str | None] | None = None,
) -> ImportSummary:
    """Import a whole file in one transaction, or nothing.

    ImportFailed lists every bad line; ImportCancelled when `cancelled()` turned true; in both
    cases nothing was written. `announce=False` leaves services.changed to the caller: a GUI
    importing on a worker thread announces on the UI thread instead (announce_import).
    `columns` overrides the header match as in preview.
    """
    db = services.db
    check_writable(services)
    # IMMEDIATE: the write lock from the start, so the ids the plan hands out stay free.
    with _cyclic_gc_paused(), db.atomic("IMMEDIATE"):
        plan = _Planner(services, kind, stage_map or {}, progress, cancelled, columns).plan(data)
        plan.write(db)
    summary = plan.summary(dry_run=False)
    if announce:
        announce_import(services, summary)
    return summary


def file_columns(
    data: bytes, kind: str, columns: Mapping[str, str | None] | None = None
) -> list[tuple[str, str | None, str]]:
    """The file's columns for a mapping table: (header, our field or None, a sample value),
    with `columns` (as in preview) applied. Splits only the header and the first rows and
    never raises for a wrong mapping: preview reports those."""
    return peek_columns(data, kind, columns)


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """No cyclic garbage collection while a file is planned and written.

    A 100k-row file allocates a few hundred thousand dicts and tuples that stay alive until
    the end; each automatic collection walks all of them again, which was a third of the
    planning time (0.45 of 1.3 s). The plan makes no reference cycles — reference counting
    frees all of it — so the collector only resumes, process-wide, when the import ends.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def announce_import(services: Services, summary: ImportSummary) -> None:
    """Tell the UI that an import changed everything (on the thread that owns the UI)."""
    services.changed.emit(Change("all", tuple(summary.ids.get(summary.kind, ()))))


def parse_stage_map(items: Iterable[str]) -> dict[str, str]:
    """--map-stage "THEIR NAME=OUR NAME" values → {their name: our name}, both trimmed.

    ValueError for an item without "=" or with an empty side; the later of two wins.
    """
    mapping: dict[str, str] = {}
    for item in items:
        theirs, sep, ours = item.rpartition("=")
        if not sep or not theirs.strip() or not ours.strip():
            raise ValueError(f'"{item}" is not of the form "THEIR NAME=OUR NAME"')
        mapping[theirs.strip()] = ours.strip()
    return mapping


def guess_kind(data: bytes) -> str | None:
    """ "deals", "companies" or "contacts": the kind whose headers the file's header matches
    best (our own, Pipedrive's, HubSpot's), or None when none fits."""
    header = read_header(data)
    if header is None:
        return None
    # Most recognised columns wins, a kind whose required column is there breaks a tie: a
    # deals file whose title column has an unusual name ("Projektname;Betrag;Firma;Phase")
    # is still deals, to be fixed in the Columns tab. Prefixed Pipedrive headers
    # ("Deal - …") name the kind outright.
    prefix = {"deals": "deal - ", "companies": "organization - ", "contacts": "person - "}
    best, best_score = None, (0, False)
    for kind in KINDS:
        count, required = recognised_fields(kind, header)
        count += sum(h.strip().casefold().startswith(prefix[kind]) for h in header)
        if count and (count, required) > best_score:
            best, best_score = kind, (count, required)
    return best


def known_stages(services: Services, kind: str) -> list[str]:
    """The names a stage value may map to: every pipeline's stages and the closed statuses
    for deals, the funnel stages for companies; nothing for contacts."""
    if kind == "deals":
        names = [
            name
            for (name,) in PipelineStage.select(PipelineStage.name)
            .join(Pipeline)
            .order_by(Pipeline.position, Pipeline.id, PipelineStage.position)
            .tuples()
        ]
        return [*dict.fromkeys(names), *STATUS_STAGE_NAMES]
    if kind == "companies":
        return [name for _id, name in services.stages.funnel_stages()]
    return []


# --- stage lookups -------------------------------------------------------------------------


def _stage_keys(name: str) -> set[str]:
    key = name_key(name)
    keys = {key}
    for english, german in STAGE_TRANSLATIONS:
        if key == english:
            keys.add(german)
        elif key == german:
            keys.add(english)
    return keys


def _stage_index(stages: Sequence[tuple[int, str]]) -> dict[str, int]:
    """key → stage id; a stored name wins over another stage's translation."""
    index: dict[str, int] = {}
    for stage_id, name in stages:
        index.setdefault(name_key(name), stage_id)
    for stage_id, name in stages:
        for key in _stage_keys(name):
            index.setdefault(key, stage_id)
    return index


# --- the plan ------------------------------------------------------------------------------


@dataclass
class _NewCompany:
    id: int
    name: str
    line: int
    funnel_stage: int
    group: str = ""
    source: str = ""
    entered_on: dt.date | None = None
    notes: str = ""
    tags: list[str] = field(default_factory=list)
    won_at: dt.datetime | None = None


@dataclass
class _NewContact:
    id: int
    company: int
    name: str
    role: str = ""
    email: str = ""
    phone: str = ""


def _next_id(model: type[pw.Model]) -> int:
    return (model.select(pw.fn.MAX(model.id)).scalar() or 0) + 1


class _Planner:
    """Reads, checks and resolves a file into rows ready for insertion, with explicit ids."""

    def __init__(
        self,
        services: Services,
        kind: str,
        stage_map: Mapping[str, str],
        progress: Progress | None,
        cancelled: Callable[[], bool] | None,
        columns: Mapping[str, str | None] | None = None,
    ):
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}; expected one of {KINDS}")
        self.s = services
        self.kind = kind
        self.stage_map = {name_key(k): v for k, v in stage_map.items()}
        self.stage_map_written = {name_key(k): k for k in stage_map}
        self.columns = dict(columns or {})  # header as written → field, None/"" to ignore
        self.bad_mappings: set[str] = set()  # keys whose mapping names no stage of ours
        self.progress = progress
        self.cancelled = cancelled
        self.now = utc_now()
        self.now_text = str(self.now)
        self.today = self.now.date()
        self._texts: dict[object, str] = {}
        self.problems: list[Problem] = []
        self.notices: list[str] = []  # Messages
        self._said: dict[tuple, Message] = {}
        self.unknown_stages: dict[str, tuple[str, list[int]]] = {}
        self.stage_uses: dict[str, list] = {}  # key → [value as written, our name, rows]
        self.sample: list[PreviewRow] = []
        self.total = 0

    # ---- progress ------------------------------------------------------------------------
    def tick(self, done: int) -> None:
        if self.cancelled is not None and self.cancelled():
            raise ImportCancelled()
        if self.progress is not None:
            self.progress(done, self.total)

    # ---- reading -------------------------------------------------------------------------
    def plan(self, data: bytes) -> _Planner:
        try:
            parsed = read_rows(data, self.kind, columns=self.columns)
        except CsvError as exc:
            raise ImportFailed(exc.problems) from None
        self.parsed = parsed
        # Work units: planning each row, then inserting it.
        self.total = 2 * len(parsed)
        self._load()
        self._check_stage_map()
        self.tick(0)
        records = convert_columns(parsed)
        self.problems.extend(records.problems)
        if self.kind == "deals":
            self._plan_deals(records)
        else:
            step = getattr(self, f"_plan_{self.kind}")
            for i, (line, rec, bad) in enumerate(records.rows()):
                if i % 1000 == 0:
                    self.tick(i)
                step(line, rec, bad)
        self.tick(len(parsed))
        if self.problems:
            # Conversion problems came column by column, planning ones row by row:
            # ImportFailed puts them in line order, its stable sort keeping each line's own.
            raise ImportFailed(
                self.problems,
                {shown: lines for shown, lines in self.unknown_stages.values()},
                known_stages(self.s, self.kind),
            )
        self._finish_companies()
        return self

    def text(self, value: dt.date | None) -> str | None:
        """A date or timestamp as stored (peewee's ISO text), cached: files repeat dates."""
        if value is None:
            return None
        text = self._texts.get(value)
        if text is None:
            text = self._texts[value] = str(value)
        return text

    def col(self, name: str) -> str:
        return self.parsed.column_of(name)

    def problem(self, line: int, name: str, template: str, *args: object) -> None:
        """A problem of `line` in the column of field `name`."""
        self.problems.append(Problem(line, self.col(name), self.say(template, *args)))

    def notice(self, template: str, *args: object) -> None:
        text = self.say(template, *args)
        if text not in self.notices:
            self.notices.append(text)

    def say(self, template: str, *args: object) -> Message:
        """Message(template, *args), made once per import: a file repeats its unknown stage
        or foreign currency on thousands of rows, which then share one message."""
        key = (template, args)
        message = self._said.get(key)
        if message is None:
            message = self._said[key] = Message(template, *args)
        return message

    # ---- what the database holds ---------------------------------------------------------
    def _load(self) -> None:
        self.owner = self.s.default_user_id()
        self.currency = self.s.currency()
        self.funnel = self.s.stages.funnel_stages()
        self.funnel_index = _stage_index(self.funnel)
        self.funnel_names = {sid: name for sid, name in self.funnel}
        self.funnel_position = {
            sid: pos
            for sid, pos in FunnelStage.select(FunnelStage.id, FunnelStage.position).tuples()
        }
        self.conversion = self.funnel[-1][0]
        self.pipelines = self.s.stages.pipelines()
        self.pipeline_index = {name_key(name): pid for pid, name in self.pipelines}
        self.pipeline_names = dict(self.pipelines)
        self.stages: dict[int, list[tuple[int, str]]] = {}
        for pid, _name in self.pipelines:
            self.stages[pid] = [(sid, name) for sid, name, *_ in self.s.stages.pipeline_stages(pid)]
        self.stage_index = {pid: _stage_index(stages) for pid, stages in self.stages.items()}
        # For messages: each pipeline's name and its stages' names; the funnel's stages.
        self.stages_known = {
            pid: (Names([name]), Names(n for _sid, n in self.stages[pid]))
            for pid, name in self.pipelines
        }
        self.funnel_known = Names(name for _sid, name in self.funnel)
        self.stage_names = {sid: name for stages in self.stages.values() for sid, name in stages}
        self.stage_positions = dict(
            PipelineStage.select(PipelineStage.id, PipelineStage.position).tuples()
        )

        self.companies: dict[str, int] = {}
        self.company_names: dict[int, str] = {}
        # Raw cursors: peewee's row processing would cost seconds at 100k records.
        db = self.s.db
        query = (
            Company.select(Company.id, Company.name)
            .where(Company.deleted_at.is_null())
            .order_by(Company.id)
        )
        for cid, name in db.execute(query):
            self.companies.setdefault(name_key(name), cid)
            self.company_names[cid] = name
        self.contacts: dict[tuple[int, str], int] = {}
        self.contacts_anywhere: dict[str, int] = {}
        query = (
            Contact.select(Contact.id, Contact.company, Contact.name)
            .where(Contact.deleted_at.is_null())
            .order_by(Contact.id)
        )
        for pid, company_id, name in db.execute(query):
            self.contacts.setdefault((company_id, name_key(name)), pid)
            self.contacts_anywhere.setdefault(name_key(name), pid)
        self.tags = {name_key(name): tid for tid, name in Tag.select(Tag.id, Tag.name).tuples()}

        self.new_companies: dict[str, _NewCompany] = {}
        self.new_by_id: dict[int, _NewCompany] = {}
        self._company_memo: dict[str, _NewCompany] = {}  # name as written → new company
        self._contact_memo: dict[tuple[int, str], int] = {}
        self._placed: dict[tuple, tuple] = {}
        self._midnights: dict[dt.date, tuple[dt.datetime, str]] = {}
        self.matched_companies: dict[int, dt.datetime | None] = {}  # id → first won time
        self.new_contacts: dict[tuple[int, str], _NewContact] = {}
        self.matched_contacts: set[int] = set()
        self.new_tags: dict[str, tuple[int, str]] = {}
        self.deals: list[tuple] = []
        self.history_rows = 0  # of the planned deals
        self.deal_tags: list[tuple[int, int]] = []
        self.company_tags: list[tuple[int, int]] = []
        self.positions: dict[int, float] = {}
        self.next_company = _next_id(Company)
        self.next_contact = _next_id(Contact)
        self.next_deal = _next_id(Deal)
        self.next_tag = _next_id(Tag)

    def _check_stage_map(self) -> None:
        """A mapping must name a stage of ours; its problem is reported on the header line."""
        if self.kind == "contacts" or not self.stage_map:
            return
        if self.kind == "deals":
            targets = set(STATUS_STAGES)
            for index in self.stage_index.values():
                targets.update(index)
            column = self.col("stage")
        else:
            targets = set(self.funnel_index)
            column = self.col("funnel_stage")
        known = Names(known_stages(self.s, self.kind))
        for theirs, ours in self.stage_map.items():
            if name_key(ours) not in targets:
                self.bad_mappings.add(theirs)
                written = self.stage_map_written[theirs]
                message = Message(BAD_STAGE_MAPPING, written, ours, known)
                self.problems.append(Problem(self.parsed.header_line, column, message))

    # ---- companies, contacts and tags by name --------------------------------------------
    def company(self, line: int, name: str, entered: dt.date | None = None) -> tuple[int, bool]:
        """(id, created by this import) of the named company, planning it if new."""
        new = self._company_memo.get(name)
        if new is not None:
            # Seen before and new: only the entry date may move earlier.
            if entered is not None and (new.entered_on is None or entered < new.entered_on):
                new.entered_on = entered
            return new.id, True
        key = name_key(name)
        existing = self.companies.get(key)
        if existing is not None:
            self.matched_companies.setdefault(existing, None)
            return existing, False
        new = self.new_companies.get(key)
        if new is None:
            new = _NewCompany(self.next_company, name.strip(), line, self.funnel[0][0])
            self.next_company += 1
            self.new_companies[key] = new
            self.new_by_id[new.id] = new
        self._company_memo[name] = new
        if entered is not None and (new.entered_on is None or entered < new.entered_on):
            new.entered_on = entered
        return new.id, True

    def contact(self, company_id: int, name: str) -> tuple[int, bool, _NewContact | None]:
        """(id, created by this row, the new contact to fill in or None)."""
        seen = self._contact_memo.get((company_id, name))
        if seen is not None:
            return seen, False, None
        key = name_key(name)
        existing = self.contacts.get((company_id, key))
        if existing is not None:
            self.matched_contacts.add(existing)
            self._contact_memo[(company_id, name)] = existing
            return existing, False, None
        new = self.new_contacts.get((company_id, key))
        if new is None:
            new = _NewContact(self.next_contact, company_id, name.strip())
            self.next_contact += 1
            self.new_contacts[(company_id, key)] = new
            self._contact_memo[(company_id, name)] = new.id
            return new.id, True, new
        return new.id, False, None

    def tag_ids(self, names: Iterable[str]) -> list[int]:
        ids = []
        for name in names:
            key = name_key(name)
            tag_id = self.tags.get(key)
            if tag_id is None:
                if key not in self.new_tags:
                    self.new_tags[key] = (self.next_tag, name)
                    self.next_tag += 1
                tag_id = self.new_tags[key][0]
            if tag_id not in ids:
                ids.append(tag_id)
        return ids

    def use_stage(self, raw: str, ours: str) -> list:
        """Count a row's stage for the preview's stage table; the counter, for reuse."""
        use = self.stage_uses.setdefault(name_key(raw) if raw else "", [raw, ours, 0])
        use[2] += 1
        return use

    def unknown_stage(self, line: int, raw: str) -> None:
        self.unknown_stages.setdefault(name_key(raw), (raw, []))[1].append(line)

    # ---- deals ---------------------------------------------------------------------------
    def midnight(self, day: dt.date | None) -> tuple[dt.datetime, str]:
        """(timestamp, stored text) of a file's date at 00:00, or of now without one; cached."""
        if day is None:
            return self.now, self.now_text
        hit = self._midnights.get(day)
        if hit is None:
            at = dt.datetime.combine(day, dt.time.min)
            hit = self._midnights[day] = (at, str(at))
        return hit

    def _plan_deals(self, records: Records) -> None:
        """Every deal row, in one loop over the converted columns.

        The hot loop of a 100k-row import: no dict per row, and what depends on one cell
        only (its timestamp, its company) is worked out once per distinct value before it.
        A row's problems come in the order its cells are checked.
        """
        raw = self.parsed.values
        empty = [""] * len(records.lines)
        raw_value, raw_currency = raw.get("value", empty), raw.get("currency", empty)
        raw_status = raw.get("status", empty)
        column = records.column
        created_column = column("created")
        created_of = {day: self.midnight(day) for day in dict.fromkeys(created_column)}
        companies = self._deal_companies(records.lines, column("company"), created_column)
        rows = zip(
            records.lines,
            records.bad,
            column("title"),
            column("value"),
            column("currency"),
            column("pipeline"),
            column("stage"),
            column("status"),
            map(created_of.__getitem__, created_column),
            column("closed"),
            column("expected_close"),
            column("company"),
            column("contact"),
            column("probability"),
            column("lost_reason"),
            column("notes"),
            column("tags"),
            strict=True,
        )
        placements = self._placed
        contact_memo = self._contact_memo
        positions = self.positions
        sample = self.sample
        ours = self.currency
        for i, (
            line,
            bad,
            title,
            value,
            currency,
            pipeline,
            stage,
            status,
            (created_at, created_text),
            closed,
            expected_close,
            company_name,
            contact_name,
            probability,
            lost_reason,
            notes,
            tags,
        ) in enumerate(rows):
            if i % 1000 == 0:
                self.tick(i)
            if value is None:
                value = 0
            elif value < 0:
                self.problem(line, "value", NEGATIVE_VALUE, raw_value[i])
                bad = True
            if currency and currency != ours:
                self.problem(line, "currency", OTHER_CURRENCY, raw_currency[i], ours)
                bad = True
            hit = placements.get((pipeline, stage, status))
            if hit is not None:
                placed, use = hit
                use[2] += 1
            else:
                placed = self._deal_stage(line, pipeline, stage, status, raw_status[i])
            company_id, company_new = companies.get(company_name, (None, False))
            contact_id = None
            if contact_name:
                if company_id is not None:
                    contact_id = contact_memo.get((company_id, contact_name))
                    if contact_id is None:
                        contact_id = self.contact(company_id, contact_name)[0]
                else:
                    contact_id = self.contacts_anywhere.get(name_key(contact_name))
                    if contact_id is None:
                        self.problem(line, "contact", NO_COMPANY_FOR_CONTACT, contact_name)
                        bad = True
                    else:
                        self.matched_contacts.add(contact_id)
            if bad or placed is None:
                continue
            pipeline_id, stage_id, status = placed
            closed_text = None
            if status != OPEN:
                closed_at, closed_text = self.midnight(closed or expected_close)
                if closed_at < created_at:
                    closed_at, closed_text = created_at, created_text
                if status == WON and company_id is not None:
                    self._won(company_id, company_new, closed_at)
            deal_id = self.next_deal
            self.next_deal = deal_id + 1
            position = positions.get(stage_id)
            position = positions[stage_id] = (
                self._column_end(stage_id) if position is None else position
            ) + 1.0
            self.deals.append(
                (
                    deal_id,
                    title,
                    company_id,
                    contact_id,
                    value,
                    pipeline_id,
                    stage_id,
                    position,
                    status,
                    lost_reason or "",
                    probability,
                    None if expected_close is None else self.text(expected_close),
                    notes or "",
                    self.owner,
                    created_text,
                    closed_text,
                    self.stage_positions[stage_id],  # its history holds this one stage
                    closed_text or created_text,  # when its current history row began
                )
            )
            # Its history (an open row from creation, a closed one from closing) is written
            # from the deal rows by _write_deal_history; here only counted.
            self.history_rows += 1 if closed_text is None else 2
            if tags:
                for tag_id in self.tag_ids(tags):
                    self.deal_tags.append((deal_id, tag_id))
            if len(sample) < SAMPLE_ROWS:
                company = self.company_display(company_id) if company_id is not None else ""
                stage_name = self.stage_names[stage_id]
                sample.append(
                    PreviewRow(line, title, company, company_new, stage_name, status, value)
                )

    def _deal_companies(
        self, lines: list[int], names: list, created: list
    ) -> dict[str, tuple[int, bool]]:
        """Company name as written → (id, created by this import), each resolved once, in
        the order the file first names them; a new company enters the funnel on the day
        its earliest deal was created (today for a deal without a date)."""
        earliest: dict[str, tuple[dt.date, int]] = {}  # name → (day, first line)
        today = self.today
        for line, name, day in zip(lines, names, created, strict=True):
            if name:
                day = day or today
                seen = earliest.get(name)
                if seen is None:
                    earliest[name] = (day, line)
                elif day < seen[0]:
                    earliest[name] = (day, seen[1])
        return {name: self.company(line, name, day) for name, (day, line) in earliest.items()}

    def company_display(self, company_id: int) -> str:
        new = self.new_by_id.get(company_id)
        return new.name if new is not None else self.company_names[company_id]

    def _column_end(self, stage_id: int) -> float:
        """The position of the last open deal in the stage's column (0 for an empty one)."""
        top = (
            Deal.select(pw.fn.MAX(Deal.position))
            .where((Deal.stage == stage_id) & (Deal.status == OPEN))
            .scalar()
        )
        return top or 0.0

    def _pipeline(self, raw: str) -> int:
        default = self.pipelines[0][0]
        if not raw:
            return default
        pipeline_id = self.pipeline_index.get(name_key(raw))
        if pipeline_id is None:
            known = QuotedNames(n for _p, n in self.pipelines)
            self.notice(OTHER_PIPELINE, raw, known, Names([self.pipeline_names[default]]))
            return default
        return pipeline_id

    def _deal_stage(
        self, line: int, pipeline: str | None, stage: str | None, status: str | None, written: str
    ) -> tuple | None:
        """(pipeline id, stage id, status) of a row's pipeline, stage and converted status
        (`written` as the file has it), or None after noting a problem; memoised when placed."""
        placed = self._resolve_stage(line, pipeline, stage, status, written)
        if placed is not None:
            raw = (stage or "").strip()
            target = name_key(self.stage_map.get(name_key(raw), raw))
            if target in STATUS_STAGES and target not in self.stage_index[placed[0]]:
                ours = STATUS_STAGE_NAMES[0 if STATUS_STAGES[target] == WON else 1]
            else:
                ours = self.stage_names[placed[1]]
            use = self.use_stage(raw, ours)
            self._placed[(pipeline, stage, status)] = (placed, use)
        return placed

    def _resolve_stage(
        self,
        line: int,
        pipeline: str | None,
        stage: str | None,
        status_column: str | None,
        written: str,
    ) -> tuple | None:
        pipeline_id = self._pipeline(pipeline or "")
        index = self.stage_index[pipeline_id]
        raw = (stage or "").strip()
        marker, stage_id = None, None
        if raw:
            target = self.stage_map.get(name_key(raw))
            key = name_key(target if target is not None else raw)
            stage_id = index.get(key)
            if stage_id is None:
                marker = STATUS_STAGES.get(key)
                if marker is None:
                    if name_key(raw) in self.bad_mappings:
                        return None  # reported once, on the header line
                    pipeline, known = self.stages_known[pipeline_id]
                    if target is not None:
                        mapped = Names([target])
                        self.problem(
                            line, "stage", STAGE_MAPPED_ELSEWHERE, raw, mapped, pipeline, known
                        )
                    else:
                        self.unknown_stage(line, raw)
                        self.problem(line, "stage", UNKNOWN_STAGE, raw, pipeline, known)
                    return None
        if marker and status_column and status_column != marker:
            means = STATUS_WORDS[marker]
            self.problem(line, "status", STATUS_CONTRADICTS_STAGE, written, raw, means)
            return None
        status = marker or status_column or OPEN
        if stage_id is None:
            # No stage of ours: open deals start at the beginning, closed ones end at the end.
            order = self.stages[pipeline_id]
            stage_id = order[0][0] if status == OPEN else order[-1][0]
        return pipeline_id, stage_id, status

    def _won(self, company_id: int, is_new: bool, at: dt.datetime) -> None:
        """A won deal makes its company a customer (Conversion) from its earliest win."""
        if is_new:
            new = self.new_by_id[company_id]
            if new.won_at is None or at < new.won_at:
                new.won_at = at
        else:
            first = self.matched_companies.get(company_id)
            if first is None or at < first:
                self.matched_companies[company_id] = at

    # ---- companies -----------------------------------------------------------------------
    def _funnel_stage(self, line: int, raw: str) -> int | None:
        target = self.stage_map.get(name_key(raw))
        stage_id = self.funnel_index.get(name_key(target if target is not None else raw))
        if stage_id is None:
            if name_key(raw) in self.bad_mappings:
                return None  # reported once, on the header line
            known = self.funnel_known
            if target is None:
                self.unknown_stage(line, raw)
                self.problem(line, "funnel_stage", UNKNOWN_FUNNEL_STAGE, raw, known)
            else:
                self.problem(
                    line, "funnel_stage", FUNNEL_STAGE_MAPPED_ELSEWHERE, raw, target, known
                )
            return None
        self.use_stage(raw, self.funnel_names[stage_id])
        return stage_id

    def _plan_companies(self, line: int, rec: dict, bad: bool) -> None:
        raw_stage = (rec.get("funnel_stage") or "").strip()
        stage_id = self._funnel_stage(line, raw_stage) if raw_stage else self.funnel[0][0]
        if bad or stage_id is None:
            return
        name = rec["name"]
        key = name_key(name)
        if key in self.companies:
            company_id = self.companies[key]
            self.matched_companies.setdefault(company_id, None)
            self._sample_company(line, self.company_names[company_id], stage_id, matched=True)
            return
        if key in self.new_companies:
            first = self.new_companies[key].line
            self.notice(REPEATED_COMPANY, line, first)
            return
        company_id, _new = self.company(line, name)
        new = self.new_companies[key]
        new.funnel_stage = stage_id
        new.group = (rec.get("group") or "").strip()
        new.source = (rec.get("source") or "").strip()
        new.entered_on = rec.get("entered_on")
        new.notes = rec.get("notes") or ""
        new.tags = list(rec.get("tags") or [])
        self._sample_company(line, new.name, stage_id, matched=False)

    def _sample_company(self, line: int, name: str, stage_id: int, *, matched: bool) -> None:
        if len(self.sample) < SAMPLE_ROWS:
            stage = self.funnel_names[stage_id]
            self.sample.append(PreviewRow(line, name, name, not matched, stage, matched=matched))

    # ---- contacts ------------------------------------------------------------------------
    def _plan_contacts(self, line: int, rec: dict, bad: bool) -> None:
        name = (rec.get("name") or "").strip()
        company_name = (rec.get("company") or "").strip()
        if not company_name:
            existing = self.contacts_anywhere.get(name_key(name)) if name else None
            if existing is None:
                if name:
                    self.problem(line, "company", NO_COMPANY_FOR_CONTACT, name)
                return
            if not bad:
                self.matched_contacts.add(existing)
                self._sample_contact(line, name, "", False, True)
            return
        if bad:
            return
        company_id, company_new = self.company(line, company_name)
        _contact_id, _created, new = self.contact(company_id, name)
        if new is not None:
            new.role = (rec.get("role") or "").strip()
            new.email = (rec.get("email") or "").strip()
            new.phone = (rec.get("phone") or "").strip()
        self._sample_contact(line, name, company_name, company_new, new is None)

    def _sample_contact(
        self, line: int, name: str, company: str, company_new: bool, matched: bool
    ) -> None:
        if len(self.sample) < SAMPLE_ROWS:
            self.sample.append(PreviewRow(line, name, company, company_new, matched=matched))

    # ---- finishing -----------------------------------------------------------------------
    def _finish_companies(self) -> None:
        """Entry dates, funnel history and the Conversion moves of won deals."""
        self.company_rows: list[tuple] = []
        self.company_history: list[tuple] = []
        for new in self.new_companies.values():
            entered_on = new.entered_on or self.today
            entered_at = (
                dt.datetime.combine(new.entered_on, dt.time.min) if new.entered_on else self.now
            )
            stage = new.funnel_stage
            converted_at = entered_at if stage == self.conversion else None
            if new.won_at is not None and stage != self.conversion:
                converted_at = max(new.won_at, entered_at)
                since, until = self.text(entered_at), self.text(converted_at)
                self.company_history.append((new.id, stage, since, until))
                self.company_history.append((new.id, self.conversion, until, None))
                stage = self.conversion
            else:
                self.company_history.append((new.id, stage, self.text(entered_at), None))
            reached = max(self.funnel_position[new.funnel_stage], self.funnel_position[stage])
            self.company_rows.append(
                (
                    new.id,
                    new.name,
                    new.group,
                    stage,
                    new.source,
                    self.text(entered_on),
                    new.notes,
                    self.owner,
                    self.now_text,
                    reached,
                    self.text(converted_at),
                )
            )
            for tag_id in self.tag_ids(new.tags):
                self.company_tags.append((new.id, tag_id))
        # Existing companies with a won deal that are not customers yet.
        won = {cid: at for cid, at in self.matched_companies.items() if at is not None}
        ids = list(won)
        customers: set[int] = set()
        # In slices: the SQLite a Python was built with may allow few variables a statement.
        for start in range(0, len(ids), ID_SLICE):
            query = Company.select(Company.id).where(
                Company.id.in_(ids[start : start + ID_SLICE])
                & (Company.funnel_stage == self.conversion)
            )
            customers.update(cid for (cid,) in query.tuples())
        self.conversions: list[tuple[int, dt.datetime]] = [
            (cid, at) for cid, at in won.items() if cid not in customers
        ]

    # ---- writing -------------------------------------------------------------------------
    def write(self, db: pw.SqliteDatabase) -> None:
        """Insert everything planned; the caller holds the transaction."""
        big = len(self.deals) >= BULK_INDEX_ROWS or len(self.company_rows) >= BULK_INDEX_ROWS
        with page_cache(db, BULK_CACHE_KIB) if big else contextlib.nullcontext():
            self._write(db)

    def _write(self, db: pw.SqliteDatabase) -> None:
        rows = len(self.parsed)
        records = max(
            1,
            len(self.deals)
            + self.history_rows
            + len(self.company_rows)
            + len(self.company_history)
            + len(self.new_contacts),
        )
        inserted = [0]

        def advance(n: int) -> None:
            # The second half of the progress: records inserted, scaled to the rows.
            inserted[0] += n
            self.tick(rows + inserted[0] * rows // records)

        tags = [(tid, name, False) for tid, name in self.new_tags.values()]
        insert_rows(db, Tag, ("id", "name", "is_action"), tags)
        company_inserts = [
            (Company, len(self.company_rows)),
            (StageHistory, len(self.company_history)),
        ]
        with _indexes_rebuilt(db, company_inserts):
            insert_rows(
                db,
                Company,
                (
                    "id",
                    "name",
                    "group",
                    "funnel_stage",
                    "source",
                    "entered_on",
                    "notes",
                    "owner",
                    "created_at",
                    "reached_position",
                    "converted_at",
                ),
                self.company_rows,
                batch_rows=BATCH_ROWS,
                advance=advance,
            )
            insert_rows(
                db,
                StageHistory,
                ("company", "funnel_stage", "entered_at", "left_at"),
                self.company_history,
                batch_rows=BATCH_ROWS,
                advance=advance,
            )
        contacts = [
            (c.id, c.company, c.name, c.role, c.email, c.phone, self.now_text)
            for c in self.new_contacts.values()
        ]
        insert_rows(
            db,
            Contact,
            ("id", "company", "name", "role", "email", "phone", "created_at"),
            contacts,
            batch_rows=BATCH_ROWS,
            advance=advance,
        )
        # The history keeps its indexes: deal rows go into the two partial indexes on deal
        # and stage only, the first in ascending order; re-sorting all four cost more.
        with _indexes_rebuilt(db, [(Deal, len(self.deals))]):
            insert_rows(
                db,
                Deal,
                (
                    "id",
                    "title",
                    "company",
                    "contact",
                    "value_minor",
                    "pipeline",
                    "stage",
                    "position",
                    "status",
                    "lost_reason",
                    "probability",
                    "expected_close",
                    "notes",
                    "owner",
                    "created_at",
                    "closed_at",
                    "reached_position",
                    "stage_entered_at",
                ),
                self.deals,
                batch_rows=BATCH_ROWS,
                advance=advance,
            )
            self._write_deal_history(db)
            advance(self.history_rows)
        insert_rows(db, DealTag, ("deal", "tag"), self.deal_tags)
        insert_rows(db, CompanyTag, ("company", "tag"), self.company_tags)
        self._write_conversions(db)
        self.tick(self.total)

    def _write_conversions(self, db: pw.SqliteDatabase) -> None:
        """Existing companies with a won deal become customers (Conversion) from their earliest
        win, or from when they entered their current stage if that was later: what
        companies.move_company_to does for one, here in five statements for all of them
        (one at a time it was 1 ms a company: 3 s for 3,000 converted customers)."""
        if not self.conversions:
            return
        position = self.funnel_position[self.conversion]
        db.execute_sql("DROP TABLE IF EXISTS temp.import_conversion")
        db.execute_sql(
            "CREATE TEMP TABLE import_conversion (company_id INTEGER PRIMARY KEY, at TEXT)"
        )
        try:
            db.cursor().executemany(
                "INSERT INTO temp.import_conversion (company_id, at) VALUES (?, ?)",
                [(cid, self.text(at)) for cid, at in self.conversions],
            )
            # Timestamps are stored as ISO text: their order as text is their order in time.
            db.execute_sql(
                "UPDATE temp.import_conversion SET at = MAX(at, COALESCE(("
                "SELECT MAX(h.entered_at) FROM stage_history h "
                "WHERE h.company_id = import_conversion.company_id AND h.left_at IS NULL), at))"
            )
            db.execute_sql(
                "UPDATE stage_history SET left_at = (SELECT c.at FROM temp.import_conversion c "
                "WHERE c.company_id = stage_history.company_id) "
                "WHERE company_id IN (SELECT company_id FROM temp.import_conversion) "
                "AND left_at IS NULL"
            )
            db.execute_sql(
                "INSERT INTO stage_history (company_id, funnel_stage_id, entered_at) "
                "SELECT company_id, ?, at FROM temp.import_conversion ORDER BY company_id",
                (self.conversion,),
            )
            db.execute_sql(
                "UPDATE company SET funnel_stage_id = ?, "
                "reached_position = MAX(reached_position, ?), "
                "converted_at = (SELECT CASE WHEN company.converted_at IS NULL "
                "OR company.converted_at > c.at THEN c.at ELSE company.converted_at END "
                "FROM temp.import_conversion c WHERE c.company_id = company.id) "
                "WHERE id IN (SELECT company_id FROM temp.import_conversion)",
                (self.conversion, position),
            )
        finally:
            db.execute_sql("DROP TABLE temp.import_conversion")

    def _write_deal_history(self, db: pw.SqliteDatabase) -> None:
        """The imported deals' history rows, read from their deal rows inside SQLite.

        An open row from created_at (until closed_at), and for a closed deal a row of its
        status from closed_at; ordered by deal as if inserted one deal at a time. One
        statement instead of binding 160k Python tuples (0.27 → 0.1 s at 100k deals).
        """
        if not self.deals:
            return
        first, last = self.deals[0][0], self.deals[-1][0]
        db.execute_sql(
            "INSERT INTO stage_history (deal_id, stage_id, status, entered_at, left_at) "
            "SELECT deal_id, stage_id, status, entered_at, left_at FROM ("
            "SELECT id AS deal_id, stage_id, ? AS status, created_at AS entered_at, "
            "closed_at AS left_at, 0 AS k FROM deal WHERE id BETWEEN ? AND ? "
            "UNION ALL SELECT id, stage_id, status, closed_at, NULL, 1 FROM deal "
            "WHERE id BETWEEN ? AND ? AND status <> ?) ORDER BY deal_id, k",
            (OPEN, first, last, first, last, OPEN),
        )

    # ---- the result ----------------------------------------------------------------------
    def summary(self, *, dry_run: bool) -> ImportSummary:
        parsed = self.parsed
        columns = []
        for col, header in enumerate(parsed.header):
            if not header.strip():
                continue
            name = parsed.mapping.get(col)
            sample = next(filter(None, parsed.values.get(name, ())), "") if name else ""
            columns.append((header.strip(), name, sample if name else ""))
        ids: dict[str, list[int]] = {}
        if not dry_run:
            ids = {
                "deals": [d[0] for d in self.deals],
                "companies": [c[0] for c in self.company_rows],
                "contacts": [c.id for c in self.new_contacts.values()],
            }
        matched_contacts = self.matched_contacts
        return ImportSummary(
            kind=self.kind,
            rows=len(parsed),
            created={
                "deals": len(self.deals),
                "companies": len(self.company_rows),
                "contacts": len(self.new_contacts),
                "tags": len(self.new_tags),
            },
            matched={"companies": len(self.matched_companies), "contacts": len(matched_contacts)},
            converted=len(self.conversions),
            unknown_columns=list(parsed.unknown_columns),
            notices=list(self.notices),
            encoding=parsed.encoding,
            delimiter=parsed.delimiter,
            columns=columns,
            stages=[(raw, ours, n) for raw, ours, n in self.stage_uses.values()],
            sample=list(self.sample),
            new_companies=[c.name for c in self.new_companies.values()],
            matched_companies=[self.company_names[c] for c in self.matched_companies],
            dry_run=dry_run,
            ids=ids,
        )


# --- bulk writing --------------------------------------------------------------------------


def _indexes_rebuilt(db: pw.SqliteDatabase, inserts: Sequence[tuple[type[pw.Model], int]]):
    """storage.bulk.indexes_rebuilt for the big inserts among `inserts` (model, rows).

    Indexes per table only when the insert is big and the table not much larger
    (BULK_INDEX_RATIO): rebuilding sorts the whole table. Tally triggers whenever the insert
    is big: per row they cost half the insert (0.5 s for 100k deals), the recount one
    aggregate.
    """
    big = [(model, rows) for model, rows in inserts if rows >= BULK_INDEX_ROWS]
    tables = [
        model._meta.table_name
        for model, rows in big
        if model.select().count() <= BULK_INDEX_RATIO * rows
    ]
    tallied = [
        model._meta.table_name
        for model, _rows in big
        if model._meta.table_name in tallies.TALLY_TABLES
    ]
    return indexes_rebuilt(db, tables, tallied=tallied)
