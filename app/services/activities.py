"""Activities: log a contact, schedule and complete next actions, reschedule."""

from __future__ import annotations

import datetime as dt

from app.services import QT_TRANSLATE_NOOP, ServiceError
from app.services.base import Service
from app.storage.models import ACTIVITY_KINDS, Activity, Deal, utc_now


class ActivityService(Service):
    def log(
        self,
        subject: str,
        *,
        kind: str = "call",
        company_id: int | None = None,
        deal_id: int | None = None,
        contact_id: int | None = None,
        notes: str = "",
        done_at: dt.datetime | None = None,
    ) -> int:
        """A contact that happened: it counts as the last contact."""
        return self._create(
            subject, kind, company_id, deal_id, contact_id, notes, None, done_at or utc_now()
        )

    def schedule(
        self,
        subject: str,
        due_on: dt.date,
        *,
        kind: str = "task",
        company_id: int | None = None,
        deal_id: int | None = None,
        contact_id: int | None = None,
        notes: str = "",
    ) -> int:
        """A next action: open until completed."""
        return self._create(subject, kind, company_id, deal_id, contact_id, notes, due_on, None)

    def _create(self, subject, kind, company_id, deal_id, contact_id, notes, due_on, done_at):
        if not subject.strip():
            raise ServiceError(QT_TRANSLATE_NOOP("ServiceError", "An activity needs a subject."))
        if kind not in ACTIVITY_KINDS:
            raise ServiceError(
                QT_TRANSLATE_NOOP("ServiceError", 'Unknown activity kind "%1" (one of %2).'),
                kind,
                ", ".join(ACTIVITY_KINDS),
            )
        if deal_id and not company_id:
            company_id = Deal.select(Deal.company).where(Deal.id == deal_id).scalar()
        with self.write("activity") as t:
            activity = Activity.create(
                kind=kind,
                subject=subject.strip(),
                company=company_id,
                deal=deal_id,
                contact=contact_id,
                notes=notes,
                due_on=due_on,
                done_at=done_at,
            )
            t.ids.append(activity.id)
            _touch_deal(t, deal_id)
        return activity.id

    def complete(self, activity_id: int, at: dt.datetime | None = None) -> None:
        self._update(activity_id, done_at=at or utc_now())

    def reopen(self, activity_id: int) -> None:
        self._update(activity_id, done_at=None)

    def reschedule(self, activity_id: int, due_on: dt.date) -> None:
        self._update(activity_id, due_on=due_on)

    def delete(self, activity_id: int) -> None:
        with self.write("activity") as t:
            deal_id = Activity.select(Activity.deal).where(Activity.id == activity_id).scalar()
            Activity.delete().where(Activity.id == activity_id).execute()
            t.ids.append(activity_id)
            _touch_deal(t, deal_id)

    def _update(self, activity_id: int, **fields) -> None:
        with self.write("activity") as t:
            Activity.update(**fields).where(Activity.id == activity_id).execute()
            t.ids.append(activity_id)
            _touch_deal(
                t, Activity.select(Activity.deal).where(Activity.id == activity_id).scalar()
            )


def _touch_deal(t, deal_id: int | None) -> None:
    """A deal's card shows its next action, so its column must repaint."""
    if deal_id:
        t.stage_ids.add(Deal.select(Deal.stage).where(Deal.id == deal_id).scalar())
