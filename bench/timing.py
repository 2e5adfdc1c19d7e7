"""Timing helpers shared by the bench modules: medians, percentiles, alternating pairs."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable

# A ratio of two sizes: 25 alternated pairs, as 9 still swung ±20 % on this shared machine.
PAIRED_RUNS = 25


def time_ms(fn: Callable[[], object]) -> float:
    started = time.perf_counter()
    fn()
    return (time.perf_counter() - started) * 1000


def median_ms(fn: Callable[[], object], runs: int = 9) -> float:
    return round(statistics.median(time_ms(fn) for _ in range(runs)), 3)


def alternated(
    ours: Callable[[], float], baseline: Callable[[], float], runs: int = 11
) -> tuple[float, float]:
    """Medians of two measurements taken in turns, so both see the same machine noise; each
    call returns its own milliseconds (a view timed up to its first paint, not its teardown)."""
    ours(), baseline()  # warm caches for both
    a, b = [], []
    for _ in range(runs):
        a.append(ours())
        b.append(baseline())
    return round(statistics.median(a), 3), round(statistics.median(b), 3)


def paired(ours: Callable[[], object], baseline: Callable[[], object], runs: int = 11):
    """Alternate our call and the baseline, each timed whole (alternated)."""
    return alternated(lambda: time_ms(ours), lambda: time_ms(baseline), runs)


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return round(ordered[k], 3)


def row(
    metric: str,
    deals: int,
    median: float,
    baseline: str | None = None,
    baseline_median: float | None = None,
) -> dict:
    return {
        "metric": metric,
        "deals": deals,
        "median_ms": median,
        "baseline": baseline,
        "baseline_median_ms": baseline_median,
    }
