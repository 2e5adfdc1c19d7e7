"""Whole numbers typed by a user (target counts): digits, thousands grouped in either notation."""

from __future__ import annotations

import re

# "25", "1000", "1.000", "1,000", "1 000", "1'000": groups of three after the first, one
# separator throughout. "2.5" or "2,5" is no whole number (and was never 25).
_COUNT = re.compile(r"[0-9]+|[0-9]{1,3}([.,'\u00a0\u202f ])[0-9]{3}(?:\1[0-9]{3})*")


def parse_count(text: str) -> int:
    """The whole number `text` names; ValueError for anything else (decimals, signs, "")."""
    s = text.strip()
    if not _COUNT.fullmatch(s):
        raise ValueError(f'Enter a whole number such as 25 (got "{text}")')
    return int(re.sub("[^0-9]", "", s))
