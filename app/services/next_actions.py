"""Read side of the next-actions list: open activities by due date and action-tagged companies."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from app.services.base import Service
from app.storage.models import Activity, Company, CompanyTag, Deal, Tag
from app.storage.sql import as_date

# The list's sections, in the order shown: today's work first, then what slipped.
OVERDUE, TODAY, TAGGED, UPCOMING, UNDATED = "overdue", "today", "tagged", "upcoming", "undated"
SECTIONS = (TODAY, OVERDUE, TAGGED, UPCOMING, UNDATED)


@dataclass(frozen=True)
class ActionItem:
    """An open activity, or (activity_id None) an action tag on a company."""

    activity_id: int | None
    kind: str  # an activity kind, or "tag"
    subject: str
    company_id: int | None
    company: str
    deal_id: int | None
    deal: str
    due_on: dt.date | None


def _activity_condition(section: str, today: dt.date) -> pw.Expression:
    cond = Activity.done_at.is_null()
    # An activity of a trashed company or deal is not something to do.
    cond &= Company.deleted_at.is_null() & Deal.deleted_at.is_null()
    if section == OVERDUE:
        return cond & (Activity.due_on < today)
    if section == TODAY:
        return cond & (Activity.due_on == today)
    if section == UPCOMING:
        return cond & (Activity.due_on > today)
    return cond & Activity.due_on.is_null()


def _tag_condition() -> pw.Expression:
    return (Tag.is_action == True) & Company.deleted_at.is_null()  # noqa: E712


class NextActionQueries(Service):
    def counts(self, today: dt.date | None = None) -> dict[str, int]:
        """{section: number of items}, with one aggregate over the open activities."""
        today = today or dt.date.today()
        bucket = pw.Case(
            None,
            [
                (Activity.due_on.is_null(), UNDATED),
                (Activity.due_on < today, OVERDUE),
                (Activity.due_on == today, TODAY),
            ],
            UPCOMING,
        )
        out = dict.fromkeys(SECTIONS, 0)
        query = (
            Activity.select(bucket, pw.fn.COUNT(Activity.id))
            .join(Company, pw.JOIN.LEFT_OUTER, on=Activity.company == Company.id)
            .switch(Activity)
            .join(Deal, pw.JOIN.LEFT_OUTER, on=Activity.deal == Deal.id)
            .where(
                Activity.done_at.is_null()
                & Company.deleted_at.is_null()
                & Deal.deleted_at.is_null()
            )
            .group_by(bucket)
        )
        out.update(dict(query.tuples()))
        out[TAGGED] = (
            CompanyTag.select(pw.fn.COUNT(pw.SQL("*")))
            .join(Tag)
            .switch(CompanyTag)
            .join(Company)
            .where(_tag_condition())
            .scalar()
            or 0
        )
        return out

    def items(
        self, section: str, offset: int = 0, limit: int = 200, today: dt.date | None = None
    ) -> list[ActionItem]:
        today = today or dt.date.today()
        if section == TAGGED:
            return [
                ActionItem(None, "tag", tag, company_id, company, None, "", None)
                for tag, company_id, company in CompanyTag.select(
                    Tag.name, Company.id, Company.name
                )
                .join(Tag)
                .switch(CompanyTag)
                .join(Company)
                .where(_tag_condition())
                .order_by(Company.name.collate("NOCASE"), Tag.name)
                .offset(offset)
                .limit(limit)
                .tuples()
            ]
        # Overdue: the oldest first, since those are the ones slipping through the cracks.
        rows = (
            Activity.select(
                Activity.id,
                Activity.kind,
                Activity.subject,
                Company.id,
                Company.name,
                Deal.id,
                Deal.title,
                Activity.due_on,
            )
            .join(Company, pw.JOIN.LEFT_OUTER, on=Activity.company == Company.id)
            .switch(Activity)
            .join(Deal, pw.JOIN.LEFT_OUTER, on=Activity.deal == Deal.id)
            .where(_activity_condition(section, today))
            .order_by(Activity.due_on, Activity.id)
            .offset(offset)
            .limit(limit)
            .tuples()
        )
        return [
            ActionItem(i, k, s, c, cn or "", d, dn or "", as_date(due))
            for i, k, s, c, cn, d, dn, due in rows
        ]
