"""Tags, acquisition spend, targets and settings: the lists a salesperson maintains."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from app.domain.money import MAX_MINOR, Amount
from app.domain.periods import month_start, period_of
from app.services import QT_TRANSLATE_NOOP, ServiceError
from app.services.base import Service
from app.storage.models import PERIOD_KINDS, TARGET_METRICS, Setting, Spend, Tag, Target


def tag_ids(names: Iterable[str]) -> list[int]:
    """Ids of the named tags, creating the missing ones (inside the caller's transaction)."""
    ids = []
    for name in dict.fromkeys(n.strip() for n in names if n.strip()):
        tag_id = Tag.select(Tag.id).where(Tag.name == name).scalar()
        ids.append(tag_id or Tag.insert(name=name).execute())
    return ids


class CatalogService(Service):
    def tags(self) -> list[tuple[int, str, bool]]:
        return list(Tag.select(Tag.id, Tag.name, Tag.is_action).order_by(Tag.name).tuples())

    def set_action_tag(self, name: str, is_action: bool) -> None:
        with self.write("settings"):
            tag_id = tag_ids([name])[0]
            Tag.update(is_action=is_action).where(Tag.id == tag_id).execute()

    def set_spend(self, channel: str, month: dt.date, amount_minor: int) -> None:
        if not channel.strip():
            raise ServiceError(QT_TRANSLATE_NOOP("ServiceError", "Spend needs a channel."))
        if not isinstance(amount_minor, int) or amount_minor < 0:
            raise ServiceError(
                QT_TRANSLATE_NOOP("ServiceError", "Spend must be a positive amount.")
            )
        if amount_minor > MAX_MINOR:
            raise ServiceError(
                QT_TRANSLATE_NOOP("ServiceError", "Spend is too large: at most %1."),
                Amount(MAX_MINOR),
            )
        with self.write("settings"):
            Spend.insert(
                channel=channel.strip(), month=month_start(month), amount_minor=amount_minor
            ).on_conflict(
                conflict_target=[Spend.month, Spend.channel],
                update={Spend.amount_minor: amount_minor},
            ).execute()

    def spend(self) -> list[tuple[str, dt.date, int]]:
        return list(
            Spend.select(Spend.channel, Spend.month, Spend.amount_minor)
            .order_by(Spend.month, Spend.channel)
            .tuples()
        )

    def set_target(
        self,
        metric: str,
        period_kind: str,
        start: dt.date,
        amount: int,
        owner_id: int | None = None,
    ) -> None:
        if metric not in TARGET_METRICS:
            raise ServiceError(
                QT_TRANSLATE_NOOP("ServiceError", 'Unknown target "%1" (one of %2).'),
                metric,
                ", ".join(TARGET_METRICS),
            )
        if period_kind not in PERIOD_KINDS:
            raise ServiceError(
                QT_TRANSLATE_NOOP("ServiceError", 'Unknown period "%1" (month, quarter or year).'),
                period_kind,
            )
        if not isinstance(amount, int) or amount <= 0:
            raise ServiceError(
                QT_TRANSLATE_NOOP("ServiceError", "A target must be greater than zero.")
            )
        first = period_of(period_kind, start).start
        with self.write("settings"):
            Target.insert(
                metric=metric,
                period_kind=period_kind,
                period_start=first,
                amount=amount,
                owner=owner_id,
            ).on_conflict(
                conflict_target=[
                    Target.metric,
                    Target.period_kind,
                    Target.period_start,
                    Target.owner,
                ],
                update={Target.amount: amount},
            ).execute()

    def setting(self, key: str, default: str = "") -> str:
        return Setting.select(Setting.value).where(Setting.key == key).scalar() or default

    def set_setting(self, key: str, value: str) -> None:
        with self.write("settings"):
            Setting.insert(key=key, value=value).on_conflict_replace().execute()
