"""Metric arithmetic from DOMAIN.md on already-aggregated numbers (the SQL is in services)."""

from __future__ import annotations

from collections.abc import Sequence


def ratio(numerator: float, denominator: float) -> float | None:
    """A rate, or None where it is undefined (never a division error)."""
    return None if not denominator else numerator / denominator


def reached_from_highest(highest_counts: dict[int, int], stage_count: int) -> list[int]:
    """Companies that reached stage k or beyond, from counts by the highest stage reached.

    Cumulative from the end, so the numbers narrow by construction.
    """
    reached, running = [0] * stage_count, 0
    for k in range(stage_count - 1, -1, -1):
        running += highest_counts.get(k, 0)
        reached[k] = running
    return reached


def step_conversions(reached: Sequence[int]) -> list[float | None]:
    """reached(k) / reached(k-1); the first stage has none."""
    return [None] + [ratio(reached[k], reached[k - 1]) for k in range(1, len(reached))]


def cac(spend_minor: int, new_customers: int) -> int | None:
    return None if not new_customers else round(spend_minor / new_customers)


def expected_new_customers(now_at_stage: Sequence[int], reached_all_time: Sequence[int]) -> float:
    """Σ over non-final stages: companies now at k × historical conversion from k to the last."""
    last = len(reached_all_time) - 1
    total = 0.0
    for k in range(last):
        rate = ratio(reached_all_time[last], reached_all_time[k])
        total += now_at_stage[k] * (rate or 0.0)
    return total


def pipeline_velocity(
    open_deals: int,
    win_rate: float | None,
    avg_deal_minor: float | None,
    avg_cycle_days: float | None,
) -> float | None:
    """Expected won value per day: open deals × win rate × average deal size / sales cycle."""
    if win_rate is None or avg_deal_minor is None or not avg_cycle_days:
        return None
    return open_deals * win_rate * avg_deal_minor / avg_cycle_days


def projection(actual: float, elapsed_days: int, total_days: int) -> float:
    """Where the period ends at the current pace."""
    if elapsed_days <= 0:
        return float(actual)
    return actual * total_days / min(elapsed_days, total_days)
