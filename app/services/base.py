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
        """One transaction; changes are announced only after the outermost commit returned.

        Writes nested in another write (one use case made of several) join its transaction.
        """
        touched = Touched(kind)
        outer = self.s._pending is None
        if outer and not self.s.verified.is_set():
            self.s.verified.wait(120)  # the integrity check of a just-opened file is running
        if self.s.damage:
            from app.services import ServiceError

            raise ServiceError(
                f"The database file is damaged ({self.s.damage}); nothing was written to it."
            )
        if outer:
            self.s._pending = []
        try:
            with self.s.db.atomic():
                yield touched
                self.s._pending.append(
                    Change(touched.kind, tuple(touched.ids), tuple(sorted(touched.stage_ids)))
                )
        except BaseException:
            if outer:
                self.s._pending = None
            raise
        if outer:
            pending, self.s._pending = self.s._pending, None
            for change in pending:
                self.s.changed.emit(change)
