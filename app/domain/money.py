"""Money as integer minor units: parsing user input in German or English notation."""

from __future__ import annotations

import re

_CURRENCY = re.compile(r"(€|\$|£|EUR|USD|CHF|GBP)", re.IGNORECASE)
_DIGITS = re.compile(r"^\d+$")


def parse_amount(text: str) -> int:
    """'1.234,56', '1,234.56', '1234.56', '€ 12' → minor units. ValueError when not an amount."""
    raw = text
    s = _CURRENCY.sub("", text).replace("\u00a0", "").replace(" ", "").replace("'", "")
    negative = s.startswith("-")
    if negative:
        s = s[1:]
    if not s:
        raise ValueError(f'Value must be an amount such as 1.234,56 (got "{raw}")')
    last_dot, last_comma = s.rfind("."), s.rfind(",")
    if last_dot >= 0 and last_comma >= 0:
        dec_sep = "." if last_dot > last_comma else ","
    elif last_dot >= 0 or last_comma >= 0:
        sep = "." if last_dot >= 0 else ","
        _head, _, tail = s.rpartition(sep)
        # One separator followed by exactly three digits reads as thousands ("1.234").
        dec_sep = None if s.count(sep) > 1 or len(tail) == 3 else sep
    else:
        dec_sep = None
    if dec_sep:
        int_part, _, frac = s.rpartition(dec_sep)
        thousands = "," if dec_sep == "." else "."
    else:
        int_part, frac, thousands = s, "", "." if "." in s else ","
    int_digits = int_part.replace(thousands, "")
    if (
        not _DIGITS.match(int_digits or "0")
        or (frac and not _DIGITS.match(frac))
        or len(frac) > 2
        or (int_part and not re.match(rf"^\d{{1,3}}(\{thousands}\d{{3}})*$|^\d+$", int_part))
    ):
        raise ValueError(f'Value must be an amount such as 1.234,56 (got "{raw}")')
    minor = int(int_digits or "0") * 100 + int((frac + "00")[:2])
    return -minor if negative else minor
