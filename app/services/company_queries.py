"""Read side of the companies table, a company's detail and the contacts list (paged SQL)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

import peewee as pw

from app.services.base import Service
from app.storage.models import (
    OPEN,
    Activity,
    Company,
    CompanyTag,
    Contact,
    Deal,
    FunnelStage,
    PipelineStage,
    Tag,
    utc_now,
)
from app.storage.sql import ID_SLICE, as_date, as_datetime, id_slices

# Sort keys the table offers; the UI maps its columns onto these names.
SORT_KEYS = (
    "name",
    "group",
    "funnel_stage",
    "source",
    "entered_on",
    "last_contact",
    "next_action",
    "next_due",
    "tags",
    "open_deals",
    "open_value",
)


@dataclass(frozen=True)
class Cohort:
    """The companies behind one funnel bar: entered in a period and got to a stage or beyond.

    Mirrors ReportService.funnel, which counts Company.reached_position (the highest funnel
    stage a company ever reached, kept by the services with each stage-history row) —
    through FunnelTally when unfiltered, the same numbers.
    """

    entered_from: dt.date
    entered_to: dt.date
    funnel_stage_id: int


@dataclass(frozen=True)
class CompanyFilter:
    text: str = ""
    group: str | None = None
    funnel_stage_id: int | None = None
    source: str | None = None
    tag: str | None = None
    no_next_action: bool = False
    no_contact_days: int | None = None  # no completed activity within N days (or never)
    cohort: Cohort | None = None


@dataclass(frozen=True)
class CompanyRow:
    """One line of the companies table; everything a cell shows comes from here."""

    company_id: int
    name: str
    group: str
    funnel_stage_id: int
    funnel_stage: str
    source: str
    entered_on: dt.date
    last_contact: dt.datetime | None
    next_action: str | None
    next_due: dt.date | None
    next_is_tag: bool  # the next action comes from an action tag, not a scheduled activity
    tags: tuple[str, ...] = field(default=())
    open_deals: int = 0
    open_value_minor: int = 0


@dataclass(frozen=True)
class ContactRow:
    contact_id: int
    name: str
    role: str
    email: str
    phone: str
    company_id: int
    company: str


def _open_activity() -> pw.ModelSelect:
    return Activity.select(pw.SQL("1")).where(
        (Activity.company == Company.id) & Activity.done_at.is_null()
    )


def _action_tagged() -> pw.ModelSelect:
    return (
        CompanyTag.select(pw.SQL("1"))
        .join(Tag)
        .where((CompanyTag.company == Company.id) & (Tag.is_action == True))  # noqa: E712
    )


def _last_contact() -> pw.ModelSelect:
    return Activity.select(pw.fn.MAX(Activity.done_at)).where(Activity.company == Company.id)


def _next_open() -> pw.ModelSelect:
    return (
        Activity.select(Activity.subject, Activity.due_on)
        .where((Activity.company == Company.id) & Activity.done_at.is_null())
        .order_by(Activity.due_on.asc(nulls="LAST"), Activity.id)
        .limit(1)
    )


def _is_open_deal() -> pw.Expression:
    """1 for an open deal not in the trash, else 0.

    Used inside SUM rather than as a WHERE condition: a status condition makes SQLite prefer
    the (status, ...) index and walk every open deal instead of one company's few.
    """
    return pw.Case(None, [((Deal.status == OPEN) & Deal.deleted_at.is_null(), 1)], 0)


def _open_deals(value: bool) -> pw.ModelSelect:
    amount = _is_open_deal() * Deal.value_minor if value else _is_open_deal()
    return Deal.select(pw.fn.COALESCE(pw.fn.SUM(amount), 0)).where(Deal.company == Company.id)


def company_condition(f: CompanyFilter, now: dt.datetime | None = None) -> pw.Expression:
    """The WHERE clause of a filter over Company (no joins needed)."""
    cond = Company.deleted_at.is_null()
    text = f.text.strip()
    if text:
        like = f"%{text}%"
        tagged = CompanyTag.select(CompanyTag.company).join(Tag).where(Tag.name**like)
        people = Contact.select(Contact.company).where(
            Contact.deleted_at.is_null() & ((Contact.name**like) | (Contact.email**like))
        )
        cond &= (
            (Company.name**like)
            | (Company.group**like)
            | (Company.source**like)
            | Company.id.in_(tagged)
            | Company.id.in_(people)
        )
    if f.group is not None:
        cond &= Company.group == f.group
    if f.source is not None:
        cond &= Company.source == f.source
    if f.funnel_stage_id is not None:
        cond &= Company.funnel_stage == f.funnel_stage_id
    if f.tag:
        cond &= Company.id.in_(
            CompanyTag.select(CompanyTag.company).join(Tag).where(Tag.name == f.tag)
        )
    if f.no_next_action:
        cond &= ~pw.fn.EXISTS(_open_activity()) & ~pw.fn.EXISTS(_action_tagged())
    if f.no_contact_days is not None:
        cutoff = (now or utc_now()) - dt.timedelta(days=f.no_contact_days)
        recent = Activity.select(pw.SQL("1")).where(
            (Activity.company == Company.id) & (Activity.done_at >= cutoff)
        )
        cond &= ~pw.fn.EXISTS(recent)
    if f.cohort is not None:
        c = f.cohort
        position = FunnelStage.select(FunnelStage.position).where(
            FunnelStage.id == c.funnel_stage_id
        )
        cond &= (
            (Company.entered_on >= c.entered_from)
            & (Company.entered_on <= c.entered_to)
            & (Company.reached_position >= position)
        )
    return cond


def _sort_expression(key: str):
    return {
        "name": Company.name.collate("NOCASE"),
        "group": Company.group.collate("NOCASE"),
        "funnel_stage": FunnelStage.select(FunnelStage.position).where(
            FunnelStage.id == Company.funnel_stage
        ),
        "source": Company.source.collate("NOCASE"),
        "entered_on": Company.entered_on,
        "last_contact": _last_contact(),
        "next_action": _next_open().select(Activity.subject),
        "next_due": _next_open().select(Activity.due_on),
        "tags": CompanyTag.select(pw.fn.MIN(Tag.name))
        .join(Tag)
        .where(CompanyTag.company == Company.id),
        "open_deals": _open_deals(value=False),
        "open_value": _open_deals(value=True),
    }[key]


def _table_order(sort: str, descending: bool) -> tuple[pw.Ordering, pw.Ordering]:
    """The table's order: the sort key (empty values last either way), then the id."""
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}")
    order = pw.Ordering(_sort_expression(sort), "DESC" if descending else "ASC", nulls="LAST")
    return order, Company.id.desc() if descending else Company.id.asc()


class CompanyQueries(Service):
    # ---- the table -----------------------------------------------------------------------
    def count(self, f: CompanyFilter = CompanyFilter()) -> int:
        return Company.select(pw.fn.COUNT(Company.id)).where(company_condition(f)).scalar() or 0

    def ids(
        self,
        f: CompanyFilter = CompanyFilter(),
        sort: str = "name",
        descending: bool = False,
        offset: int = 0,
        limit: int | None = None,
    ) -> list[int]:
        """Company ids in table order; the page's details come from rows()."""
        order, tie = _table_order(sort, descending)
        query = (
            Company.select(Company.id)
            .where(company_condition(f))
            .order_by(order, tie)
            .offset(offset)
        )
        if limit is not None:
            query = query.limit(limit)
        return [company_id for (company_id,) in query.tuples()]

    def row_number(
        self,
        company_id: int,
        f: CompanyFilter = CompanyFilter(),
        sort: str = "name",
        descending: bool = False,
    ) -> int | None:
        """Where a company stands in the table order of ids() (0 first); None when the filter
        hides it. One number back instead of every id before it."""
        order, tie = _table_order(sort, descending)
        numbered = (
            Company.select(
                Company.id.alias("company_id"),
                pw.fn.ROW_NUMBER().over(order_by=[order, tie]).alias("n"),
            )
            .where(company_condition(f))
            .alias("numbered")
        )
        n = (
            Company.select(numbered.c.n)
            .from_(numbered)
            .where(numbered.c.company_id == company_id)
            .scalar()
        )
        return None if n is None else n - 1

    def rows(self, company_ids: list[int]) -> list[CompanyRow]:
        """The table's rows for these companies, in the given order (missing ones dropped)."""
        if not company_ids:
            return []
        if len(company_ids) > ID_SLICE:
            # A table read to its end (to select all) re-reads more ids than a statement binds.
            return [row for part in id_slices(company_ids) for row in self.rows(part)]
        next_open = _next_open()
        found = {
            r[0]: r
            for r in Company.select(
                Company.id,
                Company.name,
                Company.group,
                Company.funnel_stage,
                FunnelStage.name,
                Company.source,
                Company.entered_on,
                _last_contact(),
                next_open.select(Activity.subject),
                next_open.select(Activity.due_on),
            )
            .join(FunnelStage, on=Company.funnel_stage == FunnelStage.id)
            .where(Company.id.in_(company_ids))
            .tuples()
        }
        tags: dict[int, list[tuple[str, bool]]] = {}
        for company_id, name, is_action in (
            CompanyTag.select(CompanyTag.company, Tag.name, Tag.is_action)
            .join(Tag)
            .where(CompanyTag.company.in_(company_ids))
            .order_by(Tag.name)
            .tuples()
        ):
            tags.setdefault(company_id, []).append((name, bool(is_action)))
        is_open = _is_open_deal()
        deals = {
            company_id: (n or 0, v or 0)
            for company_id, n, v in Deal.select(
                Deal.company, pw.fn.SUM(is_open), pw.fn.SUM(is_open * Deal.value_minor)
            )
            .where(Deal.company.in_(company_ids))
            .group_by(Deal.company)
            .tuples()
        }
        out = []
        for company_id in company_ids:
            r = found.get(company_id)
            if r is None:
                continue
            company_tags = tags.get(company_id, [])
            action_tags = [name for name, is_action in company_tags if is_action]
            next_action, next_due, is_tag = r[8], as_date(r[9]), False
            if next_action is None and action_tags:
                next_action, is_tag = action_tags[0], True
            n, v = deals.get(company_id, (0, 0))
            out.append(
                CompanyRow(
                    company_id=company_id,
                    name=r[1],
                    group=r[2],
                    funnel_stage_id=r[3],
                    funnel_stage=r[4],
                    source=r[5],
                    entered_on=as_date(r[6]),
                    last_contact=as_datetime(r[7]),
                    next_action=next_action,
                    next_due=next_due,
                    next_is_tag=is_tag,
                    tags=tuple(name for name, _ in company_tags),
                    open_deals=n,
                    open_value_minor=v,
                )
            )
        return out

    def page(
        self,
        f: CompanyFilter = CompanyFilter(),
        sort: str = "name",
        descending: bool = False,
        offset: int = 0,
        limit: int = 200,
    ) -> list[CompanyRow]:
        # Two steps: sorting touches every matching row, so it reads only ids; the derived
        # columns (correlated subqueries) are then computed for the page alone.
        return self.rows(self.ids(f, sort, descending, offset, limit))

    # ---- filter choices ------------------------------------------------------------------
    def groups(self) -> list[str]:
        return _distinct(Company.group)

    def sources(self) -> list[str]:
        return _distinct(Company.source)

    def tags(self) -> list[tuple[str, bool]]:
        """(name, is_action) of tags in use on companies."""
        used = CompanyTag.select(CompanyTag.tag)
        return [
            (name, bool(is_action))
            for name, is_action in Tag.select(Tag.name, Tag.is_action)
            .where(Tag.id.in_(used))
            .order_by(Tag.name)
            .tuples()
        ]

    # ---- one company ---------------------------------------------------------------------
    def detail(self, company_id: int) -> dict | None:
        row = (
            Company.select(
                Company.id,
                Company.name,
                Company.group,
                Company.funnel_stage,
                FunnelStage.name.alias("funnel_stage_name"),
                Company.source,
                Company.entered_on,
                Company.notes,
                Company.deleted_at,
                _last_contact().alias("last_contact"),
            )
            .join(FunnelStage, on=Company.funnel_stage == FunnelStage.id)
            .where(Company.id == company_id)
            .dicts()
            .first()
        )
        if row is None:
            return None
        row["funnel_stage_id"] = row.pop("funnel_stage")
        row["entered_on"] = as_date(row["entered_on"])
        row["last_contact"] = as_datetime(row["last_contact"])
        row["tags"] = [
            name
            for (name,) in Tag.select(Tag.name)
            .join(CompanyTag)
            .where(CompanyTag.company == company_id)
            .order_by(Tag.name)
            .tuples()
        ]
        return row

    def names(self, limit: int = 5000) -> list[str]:
        """Live companies' names in order, for a company picker."""
        return [
            name
            for (name,) in Company.select(Company.name)
            .where(Company.deleted_at.is_null())
            .order_by(Company.name)
            .limit(limit)
            .tuples()
        ]

    def contacts_of(self, company_id: int) -> list[tuple[int, str, str, str, str]]:
        """(id, name, role, email, phone) of a company's contacts."""
        return list(
            Contact.select(Contact.id, Contact.name, Contact.role, Contact.email, Contact.phone)
            .where((Contact.company == company_id) & Contact.deleted_at.is_null())
            .order_by(Contact.name.collate("NOCASE"), Contact.id)
            .tuples()
        )

    def deals_of(self, company_id: int) -> list[tuple]:
        """(id, title, stage, status, value, expected close, closed at): open first."""
        return [
            (i, t, s, st, v, as_date(e), as_datetime(c))
            for i, t, s, st, v, e, c in Deal.select(
                Deal.id,
                Deal.title,
                PipelineStage.name,
                Deal.status,
                Deal.value_minor,
                Deal.expected_close,
                Deal.closed_at,
            )
            .join(PipelineStage, on=Deal.stage == PipelineStage.id)
            .where((Deal.company == company_id) & Deal.deleted_at.is_null())
            .order_by(Deal.status != OPEN, Deal.closed_at.desc(), Deal.expected_close, Deal.id)
            .tuples()
        ]

    def timeline(self, company_id: int, limit: int = 500) -> list[tuple]:
        """(id, kind, subject, deal title, due on, done at) — open ones by due date, then done
        ones newest first."""
        return [
            (i, k, s, d, as_date(due), as_datetime(done))
            for i, k, s, d, due, done in Activity.select(
                Activity.id,
                Activity.kind,
                Activity.subject,
                Deal.title,
                Activity.due_on,
                Activity.done_at,
            )
            .join(Deal, pw.JOIN.LEFT_OUTER, on=Activity.deal == Deal.id)
            .where(Activity.company == company_id)
            .order_by(
                Activity.done_at.is_null(False),
                Activity.due_on.asc(nulls="LAST"),
                Activity.done_at.desc(),
                Activity.id.desc(),
            )
            .limit(limit)
            .tuples()
        ]

    # ---- contacts list -------------------------------------------------------------------
    def _contact_condition(self, text: str) -> pw.Expression:
        cond = Contact.deleted_at.is_null() & Company.deleted_at.is_null()
        if text.strip():
            like = f"%{text.strip()}%"
            cond &= (
                (Contact.name**like)
                | (Contact.email**like)
                | (Contact.phone**like)
                | (Contact.role**like)
                | (Company.name**like)
            )
        return cond

    def contact_count(self, text: str = "") -> int:
        return (
            Contact.select(pw.fn.COUNT(Contact.id))
            .join(Company)
            .where(self._contact_condition(text))
            .scalar()
            or 0
        )

    def contacts(self, text: str = "", offset: int = 0, limit: int = 200) -> list[ContactRow]:
        return [
            ContactRow(*r)
            for r in Contact.select(
                Contact.id,
                Contact.name,
                Contact.role,
                Contact.email,
                Contact.phone,
                Company.id,
                Company.name,
            )
            .join(Company)
            .where(self._contact_condition(text))
            .order_by(Contact.name.collate("NOCASE"), Contact.id)
            .offset(offset)
            .limit(limit)
            .tuples()
        ]


def _distinct(column) -> list[str]:
    return [
        v
        for (v,) in Company.select(column)
        .where(Company.deleted_at.is_null() & (column != ""))
        .distinct()
        .order_by(column.collate("NOCASE"))
        .tuples()
    ]
