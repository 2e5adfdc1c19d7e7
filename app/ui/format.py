"""Showing numbers the user's way: money, dates and rates through QLocale."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QLocale, QTime

SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF"}


def money(
    minor: int | float | None,
    currency: str = "EUR",
    locale: QLocale | None = None,
    decimals: bool = True,
) -> str:
    """1.234,56 € in German, €1,234.56 in English; '—' for an undefined amount."""
    if minor is None:
        return "—"
    locale = locale or QLocale()
    amount = minor / 100
    return locale.toCurrencyString(amount, SYMBOLS.get(currency, currency), 2 if decimals else 0)


def short_money(minor: int | float, currency: str = "EUR", locale: QLocale | None = None) -> str:
    """Compact amounts for headers and axes: 12,3k € / €1.2M."""
    locale = locale or QLocale()
    amount = minor / 100
    for limit, suffix in ((1_000_000, "M"), (1_000, "k")):
        if abs(amount) >= limit:
            number = locale.toString(amount / limit, "f", 1)
            return locale.toCurrencyString(0, SYMBOLS.get(currency, currency), 0).replace(
                "0", number + suffix, 1
            )
    return money(minor, currency, locale, decimals=False)


def date(day: dt.date | None, locale: QLocale | None = None) -> str:
    """dd.MM.yyyy in German, the locale's short form with a four-digit year elsewhere."""
    if day is None:
        return ""
    locale = locale or QLocale()
    fmt = locale.dateFormat(QLocale.FormatType.ShortFormat)
    if "yyyy" not in fmt:
        fmt = fmt.replace("yy", "yyyy")
    return locale.toString(QDate(day.year, day.month, day.day), fmt)


def timestamp(at: dt.datetime | str | None, locale: QLocale | None = None) -> str:
    """A stored instant (UTC; naive means UTC, as the database keeps them) as the user's
    local date and time: "26.11.2026 21:05"."""
    if at is None:
        return ""
    if isinstance(at, str):
        at = dt.datetime.fromisoformat(at)
    if at.tzinfo is None:
        at = at.replace(tzinfo=dt.UTC)
    local = at.astimezone()
    locale = locale or QLocale()
    return (
        f"{date(local.date(), locale)} {locale.toString(QTime(local.hour, local.minute), 'HH:mm')}"
    )


def percent(rate: float | None, locale: QLocale | None = None, decimals: int = 0) -> str:
    if rate is None:
        return "—"
    locale = locale or QLocale()
    return locale.toString(rate * 100, "f", decimals) + "\u202f%"


# The default stage names are data (stored in English, matched by imports in either
# language); these markers let lupdate collect them so they show translated.
_DEFAULT_STAGES = (
    QT_TRANSLATE_NOOP("Stage", "Qualification"),
    QT_TRANSLATE_NOOP("Stage", "Meeting"),
    QT_TRANSLATE_NOOP("Stage", "Proposal"),
    QT_TRANSLATE_NOOP("Stage", "Close"),
    QT_TRANSLATE_NOOP("Stage", "Awareness"),
    QT_TRANSLATE_NOOP("Stage", "Interest"),
    QT_TRANSLATE_NOOP("Stage", "Consideration"),
    QT_TRANSLATE_NOOP("Stage", "Engagement"),
    QT_TRANSLATE_NOOP("Stage", "Conversion"),
    QT_TRANSLATE_NOOP("Stage", "Sales"),
)


def stage(name: str) -> str:
    """A stage (or pipeline) name as shown: a default name translated, a user's own as typed."""
    return QCoreApplication.translate("Stage", name)
