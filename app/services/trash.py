"""The trash: deleted deals, companies and contacts, restorable until emptied."""

from __future__ import annotations

from app.services.base import Service
from app.storage.models import Company, Contact, Deal


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

    def restore(self, kind: str, item_id: int) -> None:
        model = {"deal": Deal, "company": Company, "contact": Contact}[kind]
        with self.write(kind) as t:
            model.update(deleted_at=None).where(model.id == item_id).execute()
            t.ids.append(item_id)

    def empty(self) -> int:
        """Remove every trashed row for good (their history and activities cascade)."""
        with self.write("all"):
            removed = Deal.delete().where(Deal.deleted_at.is_null(False)).execute()
            removed += Contact.delete().where(Contact.deleted_at.is_null(False)).execute()
            removed += Company.delete().where(Company.deleted_at.is_null(False)).execute()
        return removed
