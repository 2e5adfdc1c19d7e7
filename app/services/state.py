"""Exact before/after images of deals and companies, so every edit can be undone and redone."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from app.domain.events import Change
from app.services.base import check_writable
from app.services.history import refresh_deal_reach
from app.storage.models import (
    Activity,
    Company,
    CompanyTag,
    Contact,
    Deal,
    DealTag,
    StageHistory,
)
from app.storage.sql import id_slices

# (model, column naming the owner) per owner kind, parents first.
_DEAL_TABLES = (
    (Deal, Deal.id),
    (StageHistory, StageHistory.deal),
    (Activity, Activity.deal),
    (DealTag, DealTag.deal),
)
_COMPANY_TABLES = (
    (Company, Company.id),
    # Contacts and activities too: logging, scheduling or completing one is undoable.
    (Contact, Contact.company),
    (StageHistory, StageHistory.company),
    (Activity, Activity.company),
    (CompanyTag, CompanyTag.company),
)


@dataclass
class Image:
    """Every row that belongs to some deals and companies, as plain dicts."""

    deal_ids: tuple[int, ...]
    company_ids: tuple[int, ...]
    rows: dict[str, list[dict]] = field(default_factory=dict)


def _key(model, row: dict):
    pk = model._meta.primary_key
    if hasattr(pk, "field_names"):
        return tuple(row[model._meta.fields[n].column_name] for n in pk.field_names)
    return row[pk.column_name]


def capture(deal_ids: Iterable[int] = (), company_ids: Iterable[int] = ()) -> Image:
    image = Image(tuple(sorted(set(deal_ids))), tuple(sorted(set(company_ids))))
    db = Deal._meta.database
    for label, ids, tables in (
        ("deal", image.deal_ids, _DEAL_TABLES),
        ("company", image.company_ids, _COMPANY_TABLES),
    ):
        for model, owner in tables:
            key = f"{label}:{model._meta.table_name}"
            image.rows[key] = []
            # Taken before and after every undoable write: plain SQL, rows as column dicts.
            for part in id_slices(ids):
                marks = ", ".join([db.param] * len(part))
                cursor = db.execute_sql(
                    f'SELECT * FROM "{model._meta.table_name}" WHERE "{owner.column_name}" '
                    f"IN ({marks})",
                    part,
                )
                names = [c[0] for c in cursor.description]
                image.rows[key] += [dict(zip(names, r, strict=True)) for r in cursor.fetchall()]
    return image


def restore(services, image: Image) -> None:
    """Make the database hold exactly the image's rows for its deals and companies."""
    check_writable(services)
    with services.db.atomic():
        current = capture(image.deal_ids, image.company_ids)
        for label, ids, tables in (
            ("deal", image.deal_ids, _DEAL_TABLES),
            ("company", image.company_ids, _COMPANY_TABLES),
        ):
            if not ids:
                continue
            # Children first when deleting, parents first when writing back.
            for model, _ in reversed(tables):
                key = f"{label}:{model._meta.table_name}"
                wanted = {_key(model, r) for r in image.rows[key]}
                for row in current.rows[key]:
                    if _key(model, row) not in wanted:
                        _delete(model, row)
            for model, _ in tables:
                key = f"{label}:{model._meta.table_name}"
                have = {_key(model, r): r for r in current.rows[key]}
                for row in image.rows[key]:
                    if have.get(_key(model, row)) != row:
                        _upsert(model, row)
        if image.deal_ids:
            # Derived from the history by the stage order of now, which may have changed since
            # the image was taken; the same value otherwise.
            for part in id_slices(image.deal_ids):
                refresh_deal_reach(Deal.id.in_(part))
    services.changed.emit(Change("all", image.deal_ids))


def _delete(model, row: dict) -> None:
    pk = model._meta.primary_key
    if hasattr(pk, "field_names"):
        cond = None
        for name in pk.field_names:
            f = model._meta.fields[name]
            term = f == row[f.column_name]
            cond = term if cond is None else cond & term
        model.delete().where(cond).execute()
    else:
        model.delete().where(pk == row[pk.column_name]).execute()


def _upsert(model, row: dict) -> None:
    pk = model._meta.primary_key
    columns = {model._meta.columns[c]: v for c, v in row.items()}
    if hasattr(pk, "field_names"):
        model.insert(columns).on_conflict_ignore().execute()
        return
    updated = model.update(columns).where(pk == row[pk.column_name]).execute()
    if not updated:
        model.insert(columns).execute()
