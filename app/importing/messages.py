"""What an import tells the user: English messages that keep their template for translation.

A Message is the English text itself (a str: the CLI prints it, tests compare it, a Problem
holds it), built from a template with Qt's %1, %2 marked by
QT_TRANSLATE_NOOP("ImportProblem", …) so pyside6-lupdate collects it; app.ui.errors
translates the template and fills in the arguments in the user's language. Arguments are
the file's names and values as written, counts, money.Amount, our own stage and pipeline
names (Names) or Messages themselves (a field's label, a reason), translated in turn.
"""

from __future__ import annotations

from app.domain import i18n
from app.domain.i18n import QT_TRANSLATE_NOOP, fill, message_of

__all__ = [
    "QT_TRANSLATE_NOOP",
    "QUOTED",
    "Message",
    "Names",
    "QuotedNames",
    "fill",
    "message_of",
]


class Message(i18n.Message):
    """A Message of the import, its template marked under "ImportProblem"."""

    context = "ImportProblem"


class Names(tuple):
    """Our own stage or pipeline names (not the file's) as an argument: str() lists them as
    the English text does, the UI shows the default ones in the user's language."""

    __slots__ = ()

    def __str__(self) -> str:
        return ", ".join(self)


# One name in quotes, the language's own in a translation.
QUOTED = QT_TRANSLATE_NOOP("ImportProblem", '"%1"')


class QuotedNames(Names):
    """Names listed in quotes: "Sales", "Partners"."""

    __slots__ = ()

    def __str__(self) -> str:
        return ", ".join(fill(QUOTED, [name]) for name in self)
