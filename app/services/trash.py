"""The trash: deleted deals, companies and contacts, restorable until emptied."""

from __future__ import annotations

from collections.abc import Iterable

from app.services.base import Service
from app.storage.models import Company, Contact, Deal
from app.storage.sql import id_slices

_MODELS = {"deal": Deal, "company": Company, "contact": Contact}


class TrashService(Service):
    def items(self) -> list[tuple[str, int, str, object]]:
        """(kind, id, name, deleted_at), newest first."""
        rows = [
            *(
                ("deal", i, n, d)
                for i, n, d in Deal.select(Deal.id, Deal.title, Deal.deleted_at)
                .where(Deal.deleted_at.is_null(False))
                .tuples()
            ),
            *(
                ("company", i, n, d)
                for i, n, d in Company.select(Company.id, Company.name, Company.deleted_at)
                .where(Company.deleted_at.is_null(False))
                .tuples()
            ),
            *(
                ("contact", i, n, d)
                for i, n, d in Contact.select(Contact.id, Contact.name, Contact.deleted_at)
                .where(Contact.deleted_at.is_null(False))
                .tuples()
            ),
        ]
        return sorted(rows, key=lambda r: str(r[3]), reverse=True)

    def restore(self, items: Iterable[tuple[str, int]]) -> None:
        """Take (kind, id) items out of the trash: all of them in one transaction, or none."""
        by_kind: dict[str, list[int]] = {}
        for kind, item_id in items:
            by_kind.setdefault(kind, []).append(item_id)
        if not by_kind:
            return
        models = {kind: _MODELS[kind] for kind in by_kind}  # an unknown kind: before writing
        with self.write(next(iter(by_kind)) if len(by_kind) == 1 else "all") as t:
            for kind, ids in by_kind.items():
                model = models[kind]
                for part in id_slices(ids):
                    model.update(deleted_at=None).where(model.id.in_(part)).execute()
                t.ids.extend(ids)

    def empty(self) -> int:
        """Remove every trashed row for good (their history and activities cascade)."""
        with self.write("all"):
            removed = Deal.delete().where(Deal.deleted_at.is_null(False)).execute()
            removed += Contact.delete().where(Contact.deleted_at.is_null(False)).execute()
            removed += Company.delete().where(Company.deleted_at.is_null(False)).execute()
        return removed
