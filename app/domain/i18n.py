"""English texts kept translatable without Qt: the lupdate marker and Qt's %1 substitution."""

from __future__ import annotations

import re
from collections.abc import Sequence

_PLACEHOLDER = re.compile(r"%([1-9])")


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks `text` for pyside6-lupdate under `context` and returns it unchanged: Qt's own
    marker without importing Qt. lupdate finds calls by name, not by where they come from."""
    return text


def fill(template: str, args: Sequence[str]) -> str:
    """Qt's %1, %2 … replaced by `args` in one pass, so an argument holding "%2" stays so."""
    return _PLACEHOLDER.sub(
        lambda m: args[int(m[1]) - 1] if int(m[1]) <= len(args) else m[0], template
    )
