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

    kind: str | None
    ids: list[int] = field(default_factory=list)
    stage_ids: set[int] = field(default_factory=set)


def check_writable(services: Services) -> None:
    """Before a write's transaction: wait for the integrity check of a just-opened file,
    and refuse (ServiceError) to write into a damaged one. Every write path calls it:
    Service.write, undo's row images (state.restore) and the CSV import."""
    if not services.verified.is_set():
        services.verified.wait(120)
    if services.damage:
        from app.services import QT_TRANSLATE_NOOP, ServiceError

        raise ServiceError(
            QT_TRANSLATE_NOOP(
                "ServiceError", "The database file is damaged (%1); nothing was written to it."
            ),
            services.damage,
        )


class Service:
    def __init__(self, services: Services):
        self.s = services

    @contextmanager
    def write(self, kind: str | None) -> Iterator[Touched]:
        """One transaction; changes are announced only after the outermost commit returned.

        Writes nested in another write (one use case made of several) join its transaction.
        Kind None announces nothing itself: a bracket around other writes (Services.transaction).
        """
        touched = Touched(kind)
        outer = self.s._pending is None
        check_writable(self.s)  # a nested write finds the check done: only the damage test
        if outer:
            self.s._pending = []
        try:
            with self.s.db.atomic():
                yield touched
                if touched.kind is not None:
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
