"""Deals needing attention: overdue next action, rotting, no next action (count + largest few)."""

from __future__ import annotations

import datetime as dt

import peewee as pw

from app.services.base import Service
from app.storage.models import (
    OPEN,
    Activity,
    Company,
    Deal,
    PipelineStage,
    utc_now,
)
from app.storage.sql import as_date

KINDS = ("overdue", "rotting", "no_next_action")


def _open_activity_deals() -> pw.ModelSelect:
    """The deals with an open activity, read from the open end of activity(done_at, due_on,
    deal): one pass over the open activities instead of a lookup per open deal."""
    return Activity.select(Activity.deal).where(
        Activity.done_at.is_null() & Activity.deal.is_null(False)
    )


def _rotting_condition(rotting_days: dict[int, int]) -> pw.Expression:
    """The board's definition: no activity done within the stage's rotting threshold, and in
    the current stage since before it. One CASE over the stages, so one pass for all."""
    now = utc_now()
    cutoff = pw.Case(
        Deal.stage, [(stage_id, now - dt.timedelta(days=d)) for stage_id, d in rotting_days.items()]
    )
    recent_activity = Activity.select(pw.SQL("1")).where(
        (Activity.deal == Deal.id) & (Activity.done_at >= cutoff)
    )
    # Deal.stage_entered_at is its current history row's entered_at, in the open-deals index:
    # only the deals in their stage since before the cutoff are looked up in the activities.
    return (Deal.stage_entered_at < cutoff) & ~pw.fn.EXISTS(recent_activity)


class AttentionQueries(Service):
    """Read side only: the three lists of DOMAIN.md's "nothing may fall through the cracks"."""

    def summary(
        self, pipeline_id: int | None = None, limit: int = 25, today: dt.date | None = None
    ) -> dict[str, dict]:
        """{kind: {"count": n, "deals": [largest `limit` by value]}} for each of KINDS."""
        today = today or dt.date.today()
        stage_query = PipelineStage.select(PipelineStage.id, PipelineStage.rotting_days)
        if pipeline_id is not None:
            stage_query = stage_query.where(PipelineStage.pipeline == pipeline_id)
        stages = list(stage_query.tuples())
        base = Deal.deleted_at.is_null() & (Deal.status == OPEN)
        if pipeline_id is not None:
            base &= Deal.pipeline == pipeline_id
        out = {
            "overdue": self._list(
                base & Deal.id.in_(_open_activity_deals().where(Activity.due_on < today)), limit
            ),
            # NOT IN is NOT EXISTS here: the subquery holds no NULL.
            "no_next_action": self._list(base & Deal.id.not_in(_open_activity_deals()), limit),
        }
        out["rotting"] = (
            self._list(base & _rotting_condition(dict(stages)), limit)
            if stages
            else {"count": 0, "deals": []}
        )
        self._add_details(out, today)
        return {kind: out[kind] for kind in KINDS}

    def _list(self, cond: pw.Expression, limit: int) -> dict:
        # COUNT(*) OVER () counts every match in the same pass that finds the largest few;
        # only id and value per match (from the open-deals index), the rest for those few.
        top = list(
            Deal.select(Deal.id, pw.fn.COUNT(pw.SQL("*")).over())
            .where(cond)
            .order_by(Deal.value_minor.desc(), Deal.id)
            .limit(limit)
            .tuples()
        )
        if not top:
            return {"count": 0, "deals": []}
        ids = [i for i, _ in top]
        rows = {
            i: (title, company, stage, value)
            for i, title, company, stage, value in Deal.select(
                Deal.id, Deal.title, Company.name, PipelineStage.name, Deal.value_minor
            )
            .join(PipelineStage, on=Deal.stage == PipelineStage.id)
            .switch(Deal)
            .join(Company, pw.JOIN.LEFT_OUTER)
            .where(Deal.id.in_(ids))
            .tuples()
        }
        return {
            "count": top[0][1],
            "deals": [
                {
                    "deal_id": i,
                    "title": rows[i][0],
                    "company": rows[i][1] or "",
                    "stage": rows[i][2],
                    "value_minor": rows[i][3],
                }
                for i in ids
            ],
        }

    def _add_details(self, out: dict, today: dt.date) -> None:
        """Next action and its due date, and the last touch, for the few deals listed."""
        ids = {d["deal_id"] for part in out.values() for d in part["deals"]}
        if not ids:
            return
        next_actions: dict[int, tuple[str, dt.date | None]] = {}
        for deal_id, subject, due in (
            Activity.select(Activity.deal, Activity.subject, Activity.due_on)
            .where(Activity.deal.in_(list(ids)) & Activity.done_at.is_null())
            .order_by(Activity.deal, Activity.due_on.asc(nulls="LAST"), Activity.id)
            .tuples()
        ):
            next_actions.setdefault(deal_id, (subject, as_date(due)))
        last_activity = dict(
            Activity.select(Activity.deal, pw.fn.MAX(Activity.done_at))
            .where(Activity.deal.in_(list(ids)) & Activity.done_at.is_null(False))
            .group_by(Activity.deal)
            .tuples()
        )
        # When each entered its current stage: kept on the deal (services.history).
        entered = dict(
            Deal.select(Deal.id, Deal.stage_entered_at).where(Deal.id.in_(list(ids))).tuples()
        )
        for part in out.values():
            for d in part["deals"]:
                subject, due = next_actions.get(d["deal_id"], (None, None))
                d["next_action"], d["next_due"] = subject, due
                touched = [
                    as_date(v)
                    for v in (last_activity.get(d["deal_id"]), entered.get(d["deal_id"]))
                    if v
                ]
                last = max(touched) if touched else None
                d["idle_days"] = (today - last).days if last else None


__all__ = ["KINDS", "AttentionQueries"]
