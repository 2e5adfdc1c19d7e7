"""A tiny Qt-free signal so services can tell the UI what changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Change:
    """What a committed write touched: the UI refreshes just these."""

    kind: str  # "deal" | "company" | "contact" | "activity" | "stage" | "settings" | "all"
    ids: tuple[int, ...] = ()
    stage_ids: tuple[int, ...] = field(default=())  # board columns whose content changed


class Signal:
    def __init__(self) -> None:
        self._slots: list[Callable[[Change], None]] = []

    def connect(self, slot: Callable[[Change], None]) -> None:
        self._slots.append(slot)

    def disconnect(self, slot: Callable[[Change], None]) -> None:
        self._slots.remove(slot)

    def emit(self, change: Change) -> None:
        for slot in list(self._slots):
            slot(change)
