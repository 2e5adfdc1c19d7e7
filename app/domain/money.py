"""Money as integer minor units: parsing user input in German or English notation."""

from __future__ import annotations

import re

_CURRENCY_MARKS = ("€", "$", "£", "EUR", "USD", "CHF", "GBP")
# Spaces of any width and Swiss apostrophes group thousands: 1 234,56 / 1'234.56.
_GROUP_SPACES = " \u00a0\u202f\u2009'\u2019"
_AMOUNT_CHARS = re.compile(r"[0-9.,\x20]+", re.ASCII)
_DIGITS = re.compile(r"[0-9]+", re.ASCII)
# The largest amount, in minor units: 99,999,999,999.99 — a hundred billion in any currency,
# far above any one deal or month of spend. Sums must stay inside SQLite's 64-bit integers:
# a board column's weighted value (Σ value × percent, kept by storage/tallies.py) then holds
# 9,223 deals of that size before it could overflow, where 2⁶³ − 1 per deal allowed one.
MAX_MINOR = 10**13 - 1
# At most 11 digits before the decimals, so the fast path can never pass MAX_MINOR.
_PLAIN = re.compile(r"(-?)([0-9]{1,11})(?:[.,]([0-9]{1,2}))?", re.ASCII)


class Amount(int):
    """Minor units as an argument of a message: str() writes it the English way
    (99,999,999,999.99); the UI writes it the user's way (app.ui.errors.refusal)."""

    def __str__(self) -> str:
        units, cents = divmod(abs(int(self)), 100)
        return f"{'-' if self < 0 else ''}{units:,}.{cents:02d}"


class AmountTooLarge(ValueError):
    """An amount beyond MAX_MINOR (a ValueError, so callers that only check format still
    refuse it)."""


def _take_sign(s: str) -> tuple[str, str]:
    if s[:1] in ("-", "+"):
        return s[1:].lstrip(), s[0]
    return s, ""


def _take_currency(s: str, *, prefix: bool) -> tuple[str, bool]:
    upper = s.upper()
    for mark in _CURRENCY_MARKS:
        if prefix and upper.startswith(mark):
            return s[len(mark) :].lstrip(), True
        if not prefix and upper.endswith(mark):
            return s[: len(s) - len(mark)].rstrip(), True
    return s, False


def _valid_groups(int_part: str, separator: str) -> bool:
    groups = int_part.split(separator)
    return (
        1 <= len(groups[0]) <= 3
        and all(_DIGITS.fullmatch(g) for g in groups)
        and all(len(g) == 3 for g in groups[1:])
    )


def _split_amount(body: str) -> tuple[str, str, str] | None:
    """(integer part, thousands separator or "", fraction) or None when malformed."""
    dots, commas = body.count("."), body.count(",")
    if dots and commas:
        decimal = "." if body.rfind(".") > body.rfind(",") else ","
        thousands = "," if decimal == "." else "."
        if body.count(decimal) > 1:
            return None
        int_part, _, frac = body.partition(decimal)
        return int_part, thousands, frac
    if not dots and not commas:
        return body, "", ""
    sep = "." if dots else ","
    if body.count(sep) > 1:
        return body, sep, ""
    int_part, _, frac = body.partition(sep)
    # "1.234" is German thousands, "1.23", "1,5" and "0.500" are decimals.
    if len(frac) == 3 and frac.isdigit() and re.fullmatch("[1-9][0-9]{0,2}", int_part):
        return int_part + sep + frac, sep, ""
    return int_part, "", frac


def parse_amount(text: str, field: str = "Value") -> int:
    """An amount in German or English notation, optional € $ £ EUR USD CHF GBP before or
    after, as integer minor units: "1.234,56" → 123456, "1,234.56" → 123456, "1.234" → 123400,
    "0.500" → 50. ValueError with a message naming `field` and the text otherwise: not an
    amount (also ""), more than 2 decimal places that are not zeros; AmountTooLarge beyond
    MAX_MINOR."""
    s = text.strip()
    plain = _PLAIN.fullmatch(s)
    if plain is not None:
        # "1234.56", "12,5", "-7": no grouping, no sign games; most CSV cells, so fast.
        sign, units, cents = plain.groups()
        minor = int(units) * 100 + int(((cents or "") + "00")[:2])
        return -minor if sign else minor
    bad = ValueError(f'{field} must be an amount such as 1.234,56 (got "{text}")')
    if not s:
        raise bad
    s, sign = _take_sign(s)
    s, had_prefix = _take_currency(s, prefix=True)
    if not sign:
        s, sign = _take_sign(s)
    s, had_suffix = _take_currency(s, prefix=False)
    if had_prefix and had_suffix:
        raise bad
    body = s.strip()
    for space in _GROUP_SPACES:
        body = body.replace(space, " ")
    if len(body) > 40 or not _AMOUNT_CHARS.fullmatch(body or "x"):
        raise bad
    parts = _split_amount(body)
    if parts is None:
        raise bad
    int_part, thousands, frac = parts
    group_chars = {c for c in int_part if not c.isdigit()}
    if len(group_chars) > 1 or (group_chars and not (group_chars <= {thousands, " "})):
        raise bad
    if group_chars and not _valid_groups(int_part, group_chars.pop()):
        raise bad
    int_digits = re.sub("[^0-9]", "", int_part)
    had_decimal = len(frac) > 0 or body.endswith((".", ","))
    if had_decimal and not _DIGITS.fullmatch(frac):
        raise bad
    if not int_digits and not frac:
        raise bad
    if frac[2:].strip("0"):
        raise ValueError(f'{field} must have at most 2 decimal places (got "{text}")')
    minor = int(int_digits or "0") * 100 + int((frac + "00")[:2])
    if minor > MAX_MINOR:
        raise AmountTooLarge(f'{field} is too large: at most 99,999,999,999.99 (got "{text}")')
    return -minor if sign == "-" else minor
