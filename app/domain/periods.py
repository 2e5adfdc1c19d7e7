"""Report periods: months, quarters, years and the instants that bound them."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass


@dataclass(frozen=True)
class Period:
    """An inclusive range of calendar days."""

    start: dt.date
    end: dt.date

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def start_instant(self) -> dt.datetime:
        return dt.datetime.combine(self.start, dt.time.min)

    def end_instant(self) -> dt.datetime:
        """The first instant after the period (exclusive bound for timestamps)."""
        return dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time.min)


def month_start(day: dt.date) -> dt.date:
    return day.replace(day=1)


def add_months(day: dt.date, months: int) -> dt.date:
    """First day of the month `months` after `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


def period_of(kind: str, start: dt.date) -> Period:
    """The month, quarter or year that begins at (or contains) `start`."""
    if kind == "month":
        first = month_start(start)
        return Period(first, add_months(first, 1) - dt.timedelta(days=1))
    if kind == "quarter":
        first = dt.date(start.year, (start.month - 1) // 3 * 3 + 1, 1)
        return Period(first, add_months(first, 3) - dt.timedelta(days=1))
    if kind == "year":
        return Period(dt.date(start.year, 1, 1), dt.date(start.year, 12, 31))
    raise ValueError(f"unknown period kind {kind!r}")


def last_12_months(today: dt.date) -> Period:
    """The 12 months up to today: from the same day one year ago (exclusive) to today."""
    try:
        start = today.replace(year=today.year - 1) + dt.timedelta(days=1)
    except ValueError:  # 29 February
        start = dt.date(today.year - 1, 3, 1)
    return Period(start, today)


def months_between(start: dt.date, end: dt.date) -> list[dt.date]:
    """First days of every month that overlaps [start, end]."""
    months, cur = [], month_start(start)
    while cur <= end:
        months.append(cur)
        cur = add_months(cur, 1)
    return months
