"""Deal use cases: create, edit, move between stages, win, lose, reopen, trash."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence

import peewee as pw

from app.domain.money import MAX_MINOR, Amount
from app.services import QT_TRANSLATE_NOOP, ServiceError
from app.services.base import Service, Touched
from app.services.history import enter_deal_state
from app.storage.models import (
    LOST,
    OPEN,
    WON,
    Activity,
    Company,
    Contact,
    Deal,
    DealTag,
    FunnelStage,
    PipelineStage,
    PlaybookAction,
    Tag,
    utc_now,
)
from app.storage.sql import ID_SLICE, id_slices

EDITABLE = {
    "title",
    "company_id",
    "contact_id",
    "value_minor",
    "expected_close",
    "probability",
    "notes",
}


def _open_column(stage_id: int) -> pw.ModelSelect:
    return Deal.select(Deal.id, Deal.position).where(
        (Deal.stage == stage_id) & (Deal.status == OPEN) & Deal.deleted_at.is_null()
    )


LOST_REASONS_KEY = "lost_reasons"  # Setting: the user's own reasons, a JSON list


class DealService(Service):
    # ---- reading -------------------------------------------------------------------------
    def get(self, deal_id: int) -> dict:
        row = Deal.select().where(Deal.id == deal_id).dicts().get()
        company, contact = row["company"], row["contact"]
        row["company_name"] = Company.get_by_id(company).name if company else ""
        row["contact_name"] = Contact.get_by_id(contact).name if contact else ""
        row["tags"] = [
            name
            for (name,) in Tag.select(Tag.name)
            .join(DealTag)
            .where(DealTag.deal == deal_id)
            .order_by(Tag.name)
            .tuples()
        ]
        return row

    def company_ids(self, deal_ids: Sequence[int]) -> list[int]:
        """The companies of these deals: a win moves them, so undo must restore them too."""
        found = [
            c
            for part in id_slices(deal_ids)
            for (c,) in Deal.select(Deal.company)
            .where(Deal.id.in_(part) & Deal.company.is_null(False))
            .distinct()
            .tuples()
        ]
        return list(dict.fromkeys(found))

    def lost_reasons(self) -> list[str]:
        """Reasons used before, most used first, for the Lost dialog."""
        query = (
            Deal.select(Deal.lost_reason, pw.fn.COUNT(Deal.id).alias("n"))
            .where((Deal.status == LOST) & (Deal.lost_reason != ""))
            .group_by(Deal.lost_reason)
            .order_by(pw.SQL("n").desc(), Deal.lost_reason)
        )
        return [reason for reason, _ in query.tuples()]

    def own_lost_reasons(self) -> list[str]:
        """The reasons the user keeps in Settings, in their order."""
        return json.loads(self.s.catalog.setting(LOST_REASONS_KEY, "[]") or "[]")

    def offered_lost_reasons(self) -> list[str]:
        """What the Lost dialog offers: the user's own list first, then those used before."""
        return list(dict.fromkeys([*self.own_lost_reasons(), *self.lost_reasons()]))

    def set_own_lost_reasons(self, reasons: Iterable[str]) -> None:
        """Keep the user's list, trimmed, without empties or case-insensitive repeats."""
        kept: dict[str, str] = {}
        for reason in reasons:
            if reason.strip():
                kept.setdefault(reason.strip().casefold(), reason.strip())
        self.s.catalog.set_setting(LOST_REASONS_KEY, json.dumps(list(kept.values())))

    # ---- writing -------------------------------------------------------------------------
    def create(
        self,
        title: str,
        *,
        stage_id: int | None = None,
        company_id: int | None = None,
        contact_id: int | None = None,
        value_minor: int = 0,
        expected_close: dt.date | None = None,
        probability: int | None = None,
        notes: str = "",
        tags: Iterable[str] = (),
        created_at: dt.datetime | None = None,
    ) -> int:
        fields = {"title": title, "value_minor": value_minor, "probability": probability}
        _validate(fields)
        with self.write("deal") as t:
            stage = (
                PipelineStage.get_by_id(stage_id)
                if stage_id
                else PipelineStage.select()
                .order_by(PipelineStage.pipeline, PipelineStage.position)
                .get()
            )
            at = created_at or utc_now()
            deal = Deal.create(
                title=title.strip(),
                company=company_id,
                contact=contact_id,
                value_minor=value_minor,
                pipeline=stage.pipeline_id,
                stage=stage.id,
                position=_end_position(stage.id),
                probability=probability,
                expected_close=expected_close,
                notes=notes,
                owner=self.s.default_user_id(),
                created_at=at,
            )
            enter_deal_state(deal.id, stage.id, OPEN, at)
            _apply_playbook(deal.id, company_id, stage.id, at.date())
            _set_tags(deal.id, tags)
            t.ids.append(deal.id)
            t.stage_ids.add(stage.id)
        return deal.id

    def update(self, deal_id: int, *, tags: Iterable[str] | None = None, **fields) -> None:
        unknown = set(fields) - EDITABLE
        if unknown:
            raise ServiceError(
                QT_TRANSLATE_NOOP("ServiceError", "Unknown deal field(s): %1"),
                ", ".join(sorted(unknown)),
            )
        _validate(fields)
        with self.write("deal") as t:
            deal = Deal.get_by_id(deal_id)
            if "title" in fields:
                fields["title"] = fields["title"].strip()
            columns = {Deal._meta.fields[k.removesuffix("_id")]: v for k, v in fields.items()}
            if columns:
                Deal.update(columns).where(Deal.id == deal_id).execute()
            if tags is not None:
                _set_tags(deal_id, tags)
            t.ids.append(deal_id)
            t.stage_ids.add(deal.stage_id)

    def save(
        self,
        deal_id: int | None,
        *,
        title: str,
        company_name: str = "",
        contact_name: str = "",
        stage_id: int | None = None,
        next_action: tuple[str, dt.date] | None = None,
        milestones: dict[int, bool] | None = None,
        **fields,
    ) -> dict:
        """The deal editor's save: company and contact picked or created by name, the deal
        created or edited, its stage and a next action — all in one transaction.

        Returns {"deals": [id], "companies": [ids created]} for the undo step.
        """
        created_companies: list[int] = []
        with self.write("deal"):
            company_id = None
            if company_name.strip():
                company_id = self.s.companies.find_by_name(company_name)
                if company_id is None:
                    company_id = self.s.companies.create(company_name)
                    created_companies.append(company_id)
            contact_id = None
            if contact_name.strip() and company_id:
                contact_id = (
                    Contact.select(Contact.id)
                    .where(
                        (Contact.company == company_id)
                        & (Contact.name.collate("NOCASE") == contact_name.strip())
                        & Contact.deleted_at.is_null()
                    )
                    .scalar()
                ) or self.s.companies.create_contact(company_id, contact_name)
            tags = fields.pop("tags", None)
            if deal_id is None:
                deal_id = self.create(
                    title,
                    stage_id=stage_id,
                    company_id=company_id,
                    contact_id=contact_id,
                    tags=tags or (),
                    **fields,
                )
            else:
                self.update(
                    deal_id,
                    title=title,
                    company_id=company_id,
                    contact_id=contact_id,
                    tags=tags,
                    **fields,
                )
                if stage_id and Deal.get_by_id(deal_id).stage_id != stage_id:
                    self.move([deal_id], stage_id)
            if next_action and next_action[0].strip():
                self.s.activities.schedule(next_action[0], next_action[1], deal_id=deal_id)
            for activity_id, done in (milestones or {}).items():
                if done:
                    self.s.activities.complete(activity_id)
                else:
                    self.s.activities.reopen(activity_id)
        return {"deals": [deal_id], "companies": created_companies}

    def milestones(self, deal_id: int) -> list[tuple[int, str, dt.date | None, bool, bool]]:
        """The deal's activities as a checklist: (id, subject, due, done, from a playbook)."""
        return [
            (i, subject, due, done is not None, playbook is not None)
            for i, subject, due, done, playbook in Activity.select(
                Activity.id,
                Activity.subject,
                Activity.due_on,
                Activity.done_at,
                Activity.playbook_action,
            )
            .where(Activity.deal == deal_id)
            .order_by(Activity.due_on.asc(nulls="LAST"), Activity.id)
            .tuples()
        ]

    def move(self, deal_ids: Sequence[int], stage_id: int, index: int | None = None) -> None:
        """Move deals (in this order) into a stage's column before the `index`-th open deal.

        Deals already in the stage are only reordered (no history row). Closed deals that are
        moved are reopened.
        """
        if not deal_ids:
            return
        with self.write("deal") as t:
            stage = PipelineStage.get_by_id(stage_id)
            positions = _positions_for(stage_id, deal_ids, index)
            at = utc_now()
            current = {
                d: (s, st, c)
                for part in id_slices(deal_ids)
                for d, s, st, c in Deal.select(Deal.id, Deal.stage, Deal.status, Deal.company)
                .where(Deal.id.in_(part))
                .tuples()
            }
            for deal_id, position in zip(deal_ids, positions, strict=True):
                if deal_id not in current:
                    raise ServiceError(
                        QT_TRANSLATE_NOOP("ServiceError", "Deal %1 does not exist."), deal_id
                    )
                old_stage, status, company_id = current[deal_id]
                changes = {Deal.position: position}
                if old_stage != stage_id or status != OPEN:
                    changes.update(
                        {
                            Deal.stage: stage_id,
                            Deal.pipeline: stage.pipeline_id,
                            Deal.status: OPEN,
                            Deal.closed_at: None,
                            Deal.lost_reason: "",
                        }
                    )
                    enter_deal_state(deal_id, stage_id, OPEN, at)
                    _apply_playbook(deal_id, company_id, stage_id, at.date())
                Deal.update(changes).where(Deal.id == deal_id).execute()
                t.ids.append(deal_id)
                t.stage_ids.update((old_stage, stage_id))

    def move_by_steps(self, deal_id: int, steps: int) -> int | None:
        """Ctrl+Left/Right: the neighbouring stage of the same pipeline; None at either end."""
        deal = Deal.get_by_id(deal_id)
        stages = [
            s
            for (s,) in PipelineStage.select(PipelineStage.id)
            .where(PipelineStage.pipeline == deal.pipeline_id)
            .order_by(PipelineStage.position)
            .tuples()
        ]
        target = stages.index(deal.stage_id) + steps
        if not 0 <= target < len(stages):
            return None
        self.move([deal_id], stages[target])
        return stages[target]

    def win(self, deal_ids: Sequence[int]) -> None:
        self._close(deal_ids, WON, "")

    def lose(self, deal_ids: Sequence[int], reason: str) -> None:
        if not reason.strip():
            raise ServiceError(QT_TRANSLATE_NOOP("ServiceError", "A lost deal needs a reason."))
        self._close(deal_ids, LOST, reason.strip())

    def _close(self, deal_ids: Sequence[int], status: str, reason: str) -> None:
        with self.write("deal") as t:
            at = utc_now()
            rows = [
                row
                for part in id_slices(deal_ids)
                for row in Deal.select(Deal.id, Deal.stage, Deal.company)
                .where(Deal.id.in_(part))
                .tuples()
            ]
            if len(rows) != len(set(deal_ids)):
                raise ServiceError(
                    QT_TRANSLATE_NOOP("ServiceError", "Some of the deals do not exist.")
                )
            conversion = FunnelStage.select().order_by(FunnelStage.position.desc()).get()
            for part in id_slices(r[0] for r in rows):
                Deal.update(status=status, closed_at=at, lost_reason=reason).where(
                    Deal.id.in_(part)
                ).execute()
            for deal_id, stage_id, company_id in rows:
                enter_deal_state(deal_id, stage_id, status, at)
                t.ids.append(deal_id)
                t.stage_ids.add(stage_id)
                if status == WON and company_id:
                    from app.services.companies import move_company_to

                    move_company_to(company_id, conversion.id, at)

    def reopen(self, deal_id: int, stage_id: int | None = None) -> None:
        deal = Deal.get_by_id(deal_id)
        self.move([deal_id], stage_id or deal.stage_id)

    def delete(self, deal_ids: Sequence[int]) -> None:
        self._set_deleted(deal_ids, utc_now())

    def restore(self, deal_ids: Sequence[int]) -> None:
        self._set_deleted(deal_ids, None)

    def _set_deleted(self, deal_ids: Sequence[int], at: dt.datetime | None) -> None:
        with self.write("deal") as t:
            for part in id_slices(deal_ids):
                Deal.update(deleted_at=at).where(Deal.id.in_(part)).execute()
                t.stage_ids.update(
                    s for (s,) in Deal.select(Deal.stage).where(Deal.id.in_(part)).tuples()
                )
            t.ids.extend(deal_ids)


def _validate(fields: dict) -> None:
    if "title" in fields and not str(fields["title"]).strip():
        raise ServiceError(QT_TRANSLATE_NOOP("ServiceError", "Title must not be empty."))
    if "value_minor" in fields and (
        not isinstance(fields["value_minor"], int) or fields["value_minor"] < 0
    ):
        raise ServiceError(QT_TRANSLATE_NOOP("ServiceError", "Value must be a positive amount."))
    if fields.get("value_minor", 0) > MAX_MINOR:
        raise ServiceError(
            QT_TRANSLATE_NOOP("ServiceError", "Value is too large: at most %1."), Amount(MAX_MINOR)
        )
    p = fields.get("probability")
    if p is not None and not (isinstance(p, int) and 0 <= p <= 100):
        raise ServiceError(
            QT_TRANSLATE_NOOP("ServiceError", "Probability must be a whole number from 0 to 100.")
        )
    if (
        fields.get("company_id")
        and not Company.select().where(Company.id == fields["company_id"]).exists()
    ):
        raise ServiceError(
            QT_TRANSLATE_NOOP("ServiceError", "Company %1 does not exist."), fields["company_id"]
        )
    if (
        fields.get("contact_id")
        and not Contact.select().where(Contact.id == fields["contact_id"]).exists()
    ):
        raise ServiceError(
            QT_TRANSLATE_NOOP("ServiceError", "Contact %1 does not exist."), fields["contact_id"]
        )


def _end_position(stage_id: int) -> float:
    top = _open_column(stage_id).select(pw.fn.MAX(Deal.position)).scalar()
    return (top or 0.0) + 1.0


def _positions_for(stage_id: int, deal_ids: Sequence[int], index: int | None) -> list[float]:
    """Positions that put `deal_ids` before the index-th other deal of the column."""
    n = len(deal_ids)
    if index is None:
        top = _others(stage_id, deal_ids, 0, 1, last=True)
        return [(top[0] if top else 0.0) + 1.0 + i for i in range(n)]
    index = max(index, 0)
    start = max(index - 1, 0)
    neighbours = _others(stage_id, deal_ids, start, 2)
    if index == 0:
        lo, hi = (
            (neighbours[0] - n - 1.0 if neighbours else 0.0),
            (neighbours[0] if neighbours else float(n + 1)),
        )
    elif len(neighbours) == 2:
        lo, hi = neighbours
    elif neighbours:
        lo, hi = neighbours[0], neighbours[0] + n + 1.0
    else:
        lo, hi = 0.0, float(n + 1)
    step = (hi - lo) / (n + 1)
    if step <= 1e-9:
        _renumber(stage_id, deal_ids)
        return _positions_for(stage_id, deal_ids, index)
    return [lo + step * (i + 1) for i in range(n)]


def _others(
    stage_id: int, skip: Sequence[int], offset: int, count: int, *, last: bool = False
) -> list[float]:
    """Positions of `count` open deals of the column not in `skip`, from the offset-th on
    (from its end with `last`).

    The usual drop moves a few cards: they are skipped by NOT IN and the offset walked in
    SQLite (4 ms at row 5,000). Too many to bind, they are skipped here instead, reading that
    many more rows of the column (27 ms at row 5,000).
    """
    order = (Deal.position.desc(), Deal.id.desc()) if last else (Deal.position, Deal.id)
    column = _open_column(stage_id).order_by(*order)
    if len(skip) <= ID_SLICE:
        rows = column.where(Deal.id.not_in(list(skip))).offset(offset).limit(count)
        return [p for _d, p in rows.tuples()]
    skipped = set(skip)
    rows = column.limit(offset + count + len(skipped)).tuples()
    return [p for d, p in rows if d not in skipped][offset : offset + count]


def _renumber(stage_id: int, skip: Sequence[int]) -> None:
    """Spread positions again after many drops between the same two cards (rare)."""
    skipped = set(skip)
    column = _open_column(stage_id).order_by(Deal.position, Deal.id).tuples()
    ids = [d for d, _ in column if d not in skipped]
    for i, deal_id in enumerate(ids):
        Deal.update(position=float(i + 1)).where(Deal.id == deal_id).execute()


def _apply_playbook(deal_id: int, company_id: int | None, stage_id: int, today: dt.date) -> None:
    """Create the stage's planned actions once per deal (not again on moving back and forth)."""
    done_before = Activity.select(Activity.playbook_action).where(
        (Activity.deal == deal_id) & Activity.playbook_action.is_null(False)
    )
    actions = (
        PlaybookAction.select(PlaybookAction.id, PlaybookAction.text, PlaybookAction.due_in_days)
        .where((PlaybookAction.stage == stage_id) & PlaybookAction.id.not_in(done_before))
        .order_by(PlaybookAction.position)
        .tuples()
    )
    rows = [
        {
            "kind": "task",
            "subject": text,
            "deal": deal_id,
            "company": company_id,
            "due_on": today + dt.timedelta(days=days),
            "playbook_action": action_id,
        }
        for action_id, text, days in actions
    ]
    if rows:
        Activity.insert_many(rows).execute()


def _set_tags(deal_id: int, names: Iterable[str]) -> None:
    from app.services.catalog import tag_ids

    DealTag.delete().where(DealTag.deal == deal_id).execute()
    ids = tag_ids(names)
    if ids:
        DealTag.insert_many([{"deal": deal_id, "tag": t} for t in ids]).execute()


__all__ = ["DealService", "Touched"]
