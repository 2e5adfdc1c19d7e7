"""Read side of the board: one page of a stage column and the column headers' sums.

These run on every drop and every scroll, so they are plain parameterised SQL (portable to
PostgreSQL) built once per filter shape, not peewee expressions compiled on each call.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import lru_cache

from app.services.base import Service
from app.storage.models import utc_now
from app.storage.sql import as_date, id_slices


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


NEXT_OPEN = (
    "SELECT a.{col} FROM activity a WHERE a.deal_id = d.id AND a.done_at IS NULL "
    "ORDER BY a.due_on IS NULL, a.due_on, a.id LIMIT 1"
)
# No activity done since the cutoff, and in the current stage since before it.
# Deal.stage_entered_at is the current history row's entered_at (services.history keeps it),
# the same column attention.py's rule reads.
ROTTING = (
    "(NOT EXISTS (SELECT 1 FROM activity a WHERE a.deal_id = d.id AND a.done_at >= ?) "
    "AND d.stage_entered_at < ?)"
)


@lru_cache(maxsize=64)
def _where(
    text: bool, overdue: bool, rotting: bool, no_next: bool, closed: bool, one_stage: bool
) -> str:
    parts = ["d.deleted_at IS NULL"]
    if one_stage:
        parts.append("d.stage_id = ?")
    if not closed:
        parts.append("d.status = 'open'")
    if text:
        parts.append(
            "(LOWER(d.title) LIKE ? OR LOWER(c.name) LIKE ? OR d.id IN (SELECT dt.deal_id "
            "FROM deal_tag dt JOIN tag t ON t.id = dt.tag_id WHERE LOWER(t.name) LIKE ?))"
        )
    if overdue:
        parts.append(
            "EXISTS (SELECT 1 FROM activity a WHERE a.deal_id = d.id "
            "AND a.done_at IS NULL AND a.due_on < ?)"
        )
    if no_next:
        parts.append(
            "NOT EXISTS (SELECT 1 FROM activity a WHERE a.deal_id = d.id AND a.done_at IS NULL)"
        )
    if rotting:
        parts.append(ROTTING)
    return " AND ".join(parts)


def _params(f: BoardFilter, stage_id: int | None, today: dt.date, cutoff: str) -> list:
    params: list = [] if stage_id is None else [stage_id]
    if f.text.strip():
        params += [f"%{f.text.strip().lower()}%"] * 3
    if f.overdue:
        params.append(today.isoformat())
    if f.rotting:
        params += [cutoff, cutoff]
    return params


def _company_join(f: BoardFilter) -> str:
    """The join a text filter needs (it matches company names too); none without one."""
    return " LEFT JOIN company c ON c.id = d.company_id" if f.text.strip() else ""


def _shape(f: BoardFilter, one_stage: bool) -> tuple:
    return (bool(f.text.strip()), f.overdue, f.rotting, f.no_next_action, f.show_closed, one_stage)


class BoardQueries(Service):
    def _sql(self, text: str) -> str:
        return text.replace("?", self.s.db.param) if self.s.db.param != "?" else text

    def _cutoff(self, stage_id: int) -> str:
        days = self.s.db.execute_sql(
            self._sql("SELECT rotting_days FROM pipeline_stage WHERE id = ?"), (stage_id,)
        ).fetchone()[0]
        return str(utc_now() - dt.timedelta(days=days))

    def summaries(
        self,
        pipeline_id: int,
        f: BoardFilter = BoardFilter(),
        stage_ids: tuple[int, ...] | None = None,
        today: dt.date | None = None,
    ) -> dict[int, tuple[int, int, int]]:
        """{stage id: (deals, value, weighted value)} with the filter applied.

        Limited to `stage_ids` after a move, so a drop re-reads two columns, not all.
        """
        today = today or dt.date.today()
        stages = self.s.db.execute_sql(
            self._sql(
                "SELECT id, probability, rotting_days FROM pipeline_stage "
                "WHERE pipeline_id = ? ORDER BY position"
            ),
            (pipeline_id,),
        ).fetchall()
        if stage_ids is not None:
            stages = [row for row in stages if row[0] in stage_ids]
        if f == BoardFilter():
            return self._tallied(stages)
        join = _company_join(f)
        # Filtered: the stage's probability comes in as a parameter (no join per deal row);
        # the column's rows come from the board's (stage, status, deleted_at, position) index.
        sql = self._sql(
            "SELECT COUNT(*), SUM(d.value_minor), "
            "SUM(d.value_minor * COALESCE(d.probability, ?)) "
            f"FROM deal d{join} WHERE {_where(*_shape(f, True))}"
        )
        now = utc_now()
        out = {}
        for stage_id, probability, rotting_days in stages:
            cutoff = str(now - dt.timedelta(days=rotting_days)) if f.rotting else ""
            n, v, w = self.s.db.execute_sql(
                sql, [probability, *_params(f, stage_id, today, cutoff)]
            ).fetchone()
            out[stage_id] = (n, v or 0, round((w or 0) / 100))
        return out

    def _tallied(self, stages: list[tuple[int, int, int]]) -> dict[int, tuple[int, int, int]]:
        """The unfiltered headers from the trigger-kept stage tally: one row per column."""
        out = {stage_id: (0, 0, 0) for stage_id, _p, _r in stages}
        if not stages:
            return out
        probability = {stage_id: p for stage_id, p, _r in stages}
        marks = ", ".join(["?"] * len(stages))
        rows = self.s.db.execute_sql(
            self._sql(
                "SELECT stage_id, deals, value_minor, default_value_minor, weighted_percent_minor "
                f"FROM stage_tally WHERE stage_id IN ({marks})"
            ),
            list(probability),
        )
        for stage_id, n, value, default_value, weighted_percent in rows:
            weighted = weighted_percent + default_value * probability[stage_id]
            out[stage_id] = (n, value, round(weighted / 100))
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
        cutoff = self._cutoff(stage_id)
        select = (
            "SELECT d.id, d.title, c.name, d.value_minor, d.expected_close, "
            f"({NEXT_OPEN.format(col='subject')}), ({NEXT_OPEN.format(col='due_on')}), "
            f"d.status, CASE WHEN {ROTTING} THEN 1 ELSE 0 END, "
            "COALESCE(d.probability, s.probability) "
            "FROM deal d JOIN pipeline_stage s ON s.id = d.stage_id "
            "LEFT JOIN company c ON c.id = d.company_id "
        )
        filtered = [*_params(f, stage_id, today, cutoff)]
        if not f.show_closed:
            # The index's order: a page costs its own rows only, not the whole column.
            sql = (
                f"{select}WHERE {_where(*_shape(f, True))} "
                "ORDER BY d.position, d.id LIMIT ? OFFSET ?"
            )
            params = [cutoff, cutoff, *filtered, limit, offset]
        else:
            # Closed deals (shown on request) sort after the open ones: a sort of the whole
            # column. Sorted as bare ids first, so a card's subqueries run for the page alone
            # (at 100k deals a column holds 25,000: 4 ms a page, not 27).
            join = _company_join(f)
            order = "d.status <> 'open', d.position, d.id"
            sql = (
                f"{select}WHERE d.id IN (SELECT d.id FROM deal d{join} "
                f"WHERE {_where(*_shape(f, True))} ORDER BY {order} LIMIT ? OFFSET ?) "
                f"ORDER BY {order}"
            )
            params = [cutoff, cutoff, *filtered, limit, offset]
        sql = self._sql(sql)
        rows = self.s.db.execute_sql(sql, params).fetchall()
        tags: dict[int, list[str]] = {}
        # A column scrolled to its end re-reads every loaded card: in slices of ids.
        for part in id_slices(r[0] for r in rows):
            marks = ", ".join(["?"] * len(part))
            for deal_id, name in self.s.db.execute_sql(
                self._sql(
                    "SELECT dt.deal_id, t.name FROM deal_tag dt JOIN tag t ON t.id = dt.tag_id "
                    f"WHERE dt.deal_id IN ({marks}) ORDER BY t.name"
                ),
                part,
            ):
                tags.setdefault(deal_id, []).append(name)
        return [
            Card(
                r[0],
                r[1],
                r[2] or "",
                r[3],
                as_date(r[4]),
                r[5],
                as_date(r[6]),
                r[7],
                bool(r[8]) and r[7] == "open",
                tuple(tags.get(r[0], ())),
                r[9],
            )
            for r in rows
        ]
