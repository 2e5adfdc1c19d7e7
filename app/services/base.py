"""Shared plumbing of the services: one transaction per use case, then a change event."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from app.domain.events import Change

if TYPE_CHECKING:
    from app.services import Services


@dataclass
class Touched:
    """Collects what a write changes, announced after its commit."""

    kind: str
    ids: list[int] = field(default_factory=list)
    stage_ids: set[int] = field(default_factory=set)


class Service:
    def __init__(self, services: Services):
        self.s = services

    @contextmanager
    def write(self, kind: str) -> Iterator[Touched]:
        """One transaction; the change is announced only after the commit returned."""
        touched = Touched(kind)
        with self.s.db.atomic():
            yield touched
        self.s.changed.emit(
            Change(touched.kind, tuple(touched.ids), tuple(sorted(touched.stage_ids)))
        )
