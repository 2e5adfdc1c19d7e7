"""Read side of the board: one page of a stage column and the column headers' sums."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee as pw

from app.services.base import Service
from app.storage.models import (
    OPEN,
    Activity,
    Company,
    Deal,
    DealTag,
    PipelineStage,
    StageHistory,
    Tag,
    utc_now,
)


@dataclass(frozen=True)
class BoardFilter:
    text: str = ""
    overdue: bool = False
    rotting: bool = False
    no_next_action: bool = False
    show_closed: bool = False


@dataclass(frozen=True)
class Card:
    """What a card shows; everything the delegate paints comes from here."""

    deal_id: int
    title: str
    company: str
    value_minor: int
    expected_close: dt.date | None
    next_action: str | None
    next_due: dt.date | None
    status: str
    rotting: bool
    tags: tuple[str, ...]
    probability: int


def _open_activity(deal_alias=Deal):
    return Activity.select(pw.SQL("1")).where(
        (Activity.deal == deal_alias.id) & Activity.done_at.is_null()
    )


class BoardQueries(Service):
    def _where(
        self, stage_id: int | None, f: BoardFilter, rotting_days: int | None, today: dt.date
    ) -> pw.Expression:
        cond = Deal.deleted_at.is_null()
        if stage_id is not None:
            cond &= Deal.stage == stage_id
        if not f.show_closed:
            cond &= Deal.status == OPEN
        if f.text.strip():
            like = f"%{f.text.strip()}%"
            tagged = DealTag.select(DealTag.deal).join(Tag).where(Tag.name**like)
            cond &= (Deal.title**like) | (Company.name**like) | Deal.id.in_(tagged)
        if f.overdue:
            cond &= pw.fn.EXISTS(_open_activity().where(Activity.due_on < today))
        if f.no_next_action:
            cond &= ~pw.fn.EXISTS(_open_activity())
        if f.rotting and rotting_days is not None:
            cond &= _rotting_condition(rotting_days)
        return cond

    def summaries(
        self, pipeline_id: int, f: BoardFilter = BoardFilter(), today: dt.date | None = None
    ) -> dict[int, tuple[int, int, int]]:
        """{stage id: (deals, value, weighted value)} with the filter applied."""
        today = today or dt.date.today()
        probability = pw.fn.COALESCE(Deal.probability, PipelineStage.probability)
        out = {}
        stages = (
            PipelineStage.select(PipelineStage.id, PipelineStage.rotting_days)
            .where(PipelineStage.pipeline == pipeline_id)
            .tuples()
        )
        if not (f.rotting or f.text.strip()):
            query = (
                Deal.select(
                    Deal.stage,
                    pw.fn.COUNT(Deal.id),
                    pw.fn.SUM(Deal.value_minor),
                    pw.fn.SUM(Deal.value_minor * probability),
                )
                .join(PipelineStage)
                .where(self._where(None, f, None, today) & (PipelineStage.pipeline == pipeline_id))
                .group_by(Deal.stage)
            )
            sums = {s: (n, v or 0, round((w or 0) / 100)) for s, n, v, w in query.tuples()}
            return {sid: sums.get(sid, (0, 0, 0)) for sid, _ in stages}
        for stage_id, rotting_days in stages:
            n, v, w = (
                Deal.select(
                    pw.fn.COUNT(Deal.id),
                    pw.fn.SUM(Deal.value_minor),
                    pw.fn.SUM(Deal.value_minor * probability),
                )
                .join(PipelineStage)
                .switch(Deal)
                .join(Company, pw.JOIN.LEFT_OUTER)
                .where(self._where(stage_id, f, rotting_days, today))
                .tuples()
                .get()
            )
            out[stage_id] = (n, v or 0, round((w or 0) / 100))
        return out

    def page(
        self,
        stage_id: int,
        offset: int,
        limit: int,
        f: BoardFilter = BoardFilter(),
        today: dt.date | None = None,
    ) -> list[Card]:
        today = today or dt.date.today()
        rotting_days = (
            PipelineStage.select(PipelineStage.rotting_days)
            .where(PipelineStage.id == stage_id)
            .scalar()
        )
        next_open = (
            Activity.select(Activity.subject, Activity.due_on)
            .where((Activity.deal == Deal.id) & Activity.done_at.is_null())
            .order_by(Activity.due_on.asc(nulls="LAST"), Activity.id)
            .limit(1)
        )
        rows = list(
            Deal.select(
                Deal.id,
                Deal.title,
                Company.name,
                Deal.value_minor,
                Deal.expected_close,
                next_open.select(Activity.subject),
                next_open.select(Activity.due_on),
                Deal.status,
                _rotting_condition(rotting_days),
                pw.fn.COALESCE(Deal.probability, PipelineStage.probability),
            )
            .join(PipelineStage)
            .switch(Deal)
            .join(Company, pw.JOIN.LEFT_OUTER)
            .where(self._where(stage_id, f, rotting_days, today))
            # Closed deals (shown on request) sort after the open ones; without them the
            # order is the index's, so a page costs its rows only, not the whole column.
            .order_by(*([Deal.status != OPEN] if f.show_closed else []), Deal.position, Deal.id)
            .offset(offset)
            .limit(limit)
            .tuples()
        )
        tags: dict[int, list[str]] = {}
        if rows:
            for deal_id, name in (
                DealTag.select(DealTag.deal, Tag.name)
                .join(Tag)
                .where(DealTag.deal.in_([r[0] for r in rows]))
                .order_by(Tag.name)
                .tuples()
            ):
                tags.setdefault(deal_id, []).append(name)
        return [
            Card(
                r[0],
                r[1],
                r[2] or "",
                r[3],
                _date(r[4]),
                r[5],
                _date(r[6]),
                r[7],
                bool(r[8]) and r[7] == OPEN,
                tuple(tags.get(r[0], ())),
                r[9],
            )
            for r in rows
        ]

    def position_of(self, deal_id: int, f: BoardFilter = BoardFilter()) -> tuple[int, int] | None:
        """(stage id, row) of a deal in its column, for selecting it after a change."""
        stage_id, position, status = (
            Deal.select(Deal.stage, Deal.position, Deal.status)
            .where(Deal.id == deal_id)
            .tuples()
            .get()
        )
        before = (
            Deal.select(pw.fn.COUNT(Deal.id))
            .join(Company, pw.JOIN.LEFT_OUTER)
            .where(
                self._where(stage_id, f, None, dt.date.today())
                & (
                    (Deal.status != OPEN)
                    > (status != OPEN)
                    | (
                        (Deal.position < position)
                        | ((Deal.position == position) & (Deal.id < deal_id))
                    )
                )
            )
            .scalar()
        )
        return stage_id, before


def _rotting_condition(rotting_days: int) -> pw.Expression:
    """No activity and no stage change within the stage's rotting threshold."""
    cutoff = utc_now() - dt.timedelta(days=rotting_days)
    recent_activity = Activity.select(pw.SQL("1")).where(
        (Activity.deal == Deal.id) & (Activity.done_at >= cutoff)
    )
    stage_entered = StageHistory.select(StageHistory.entered_at).where(
        (StageHistory.deal == Deal.id) & StageHistory.left_at.is_null()
    )
    return ~pw.fn.EXISTS(recent_activity) & (stage_entered < cutoff)


def _date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
