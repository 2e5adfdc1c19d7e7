"""Company and contact use cases: create, edit, funnel stage (with history), groups, tags."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence

import peewee as pw

from app.services import QT_TRANSLATE_NOOP, ServiceError
from app.services.base import Service
from app.services.history import enter_funnel_stage
from app.storage.models import Company, CompanyTag, Contact, FunnelStage, utc_now
from app.storage.sql import ID_SLICE, id_slices

COMPANY_FIELDS = {"name", "group", "source", "entered_on", "notes"}


def move_company_to(company_id: int, funnel_stage_id: int, at: dt.datetime) -> bool:
    """Within a caller's transaction: set the funnel stage and write history if it changed."""
    current = Company.select(Company.funnel_stage).where(Company.id == company_id).scalar()
    if current == funnel_stage_id:
        return False
    Company.update(funnel_stage=funnel_stage_id).where(Company.id == company_id).execute()
    enter_funnel_stage(company_id, funnel_stage_id, at)
    return True


class CompanyService(Service):
    def find_by_name(self, name: str) -> int | None:
        """Trimmed, case-insensitive match among companies not in the trash."""
        return (
            Company.select(Company.id)
            .where((Company.name.collate("NOCASE") == name.strip()) & Company.deleted_at.is_null())
            .order_by(Company.id)
            .scalar()
        )

    def create(
        self,
        name: str,
        *,
        group: str = "",
        source: str = "",
        funnel_stage_id: int | None = None,
        entered_on: dt.date | None = None,
        notes: str = "",
        tags: Iterable[str] = (),
    ) -> int:
        if not name.strip():
            raise ServiceError(QT_TRANSLATE_NOOP("ServiceError", "Company name must not be empty."))
        with self.write("company") as t:
            stage_id = (
                funnel_stage_id
                or FunnelStage.select(FunnelStage.id).order_by(FunnelStage.position).scalar()
            )
            entered = entered_on or dt.date.today()
            company = Company.create(
                name=name.strip(),
                group=group.strip(),
                source=source.strip(),
                funnel_stage=stage_id,
                entered_on=entered,
                notes=notes,
                owner=self.s.default_user_id(),
            )
            at = dt.datetime.combine(entered, dt.time.min) if entered_on else utc_now()
            enter_funnel_stage(company.id, stage_id, at)
            _add_tags([company.id], tags)
            t.ids.append(company.id)
        return company.id

    def update(self, company_id: int, **fields) -> None:
        unknown = set(fields) - COMPANY_FIELDS
        if unknown:
            raise ServiceError(
                QT_TRANSLATE_NOOP("ServiceError", "Unknown company field(s): %1"),
                ", ".join(sorted(unknown)),
            )
        if "name" in fields and not fields["name"].strip():
            raise ServiceError(QT_TRANSLATE_NOOP("ServiceError", "Company name must not be empty."))
        with self.write("company") as t:
            Company.update({Company._meta.fields[k]: v for k, v in fields.items()}).where(
                Company.id == company_id
            ).execute()
            t.ids.append(company_id)

    def set_funnel_stage(self, company_ids: Sequence[int], funnel_stage_id: int) -> None:
        with self.write("company") as t:
            at = utc_now()
            for company_id in company_ids:
                move_company_to(company_id, funnel_stage_id, at)
            t.ids.extend(company_ids)

    def set_group(self, company_ids: Sequence[int], group: str) -> None:
        with self.write("company") as t:
            for part in id_slices(company_ids):
                Company.update(group=group.strip()).where(Company.id.in_(part)).execute()
            t.ids.extend(company_ids)

    def add_tag(self, company_ids: Sequence[int], tag: str) -> None:
        with self.write("company") as t:
            _add_tags(company_ids, [tag])
            t.ids.extend(company_ids)

    def remove_tag(self, company_ids: Sequence[int], tag: str) -> None:
        from app.storage.models import Tag

        with self.write("company") as t:
            tag_id = Tag.select(Tag.id).where(Tag.name == tag.strip()).scalar()
            for part in id_slices(company_ids):
                CompanyTag.delete().where(
                    CompanyTag.company.in_(part) & (CompanyTag.tag == tag_id)
                ).execute()
            t.ids.extend(company_ids)

    def delete(self, company_ids: Sequence[int]) -> None:
        self._set_deleted(company_ids, utc_now())

    def restore(self, company_ids: Sequence[int]) -> None:
        self._set_deleted(company_ids, None)

    def _set_deleted(self, company_ids: Sequence[int], at: dt.datetime | None) -> None:
        with self.write("company") as t:
            for part in id_slices(company_ids):
                Company.update(deleted_at=at).where(Company.id.in_(part)).execute()
            t.ids.extend(company_ids)

    # ---- contacts ------------------------------------------------------------------------
    def create_contact(
        self, company_id: int, name: str, *, role: str = "", email: str = "", phone: str = ""
    ) -> int:
        if not name.strip():
            raise ServiceError(QT_TRANSLATE_NOOP("ServiceError", "Contact name must not be empty."))
        if email and "@" not in email:
            raise ServiceError(
                QT_TRANSLATE_NOOP("ServiceError", 'Email "%1" is not an email address.'), email
            )
        with self.write("contact") as t:
            contact = Contact.create(
                company=company_id,
                name=name.strip(),
                role=role.strip(),
                email=email.strip(),
                phone=phone.strip(),
            )
            t.ids.append(contact.id)
        return contact.id


def _add_tags(company_ids: Sequence[int], names: Iterable[str]) -> None:
    """Tag the companies (creating missing tags): one insert per ID_SLICE // 2 rows, as
    each row binds two variables."""
    from app.services.catalog import tag_ids

    rows = [(c, t) for t in tag_ids(names) for c in company_ids]
    for batch in pw.chunked(rows, ID_SLICE // 2):
        CompanyTag.insert_many(
            batch, fields=[CompanyTag.company, CompanyTag.tag]
        ).on_conflict_ignore().execute()
