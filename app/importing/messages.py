"""What an import tells the user: English messages that keep their template for translation.

A Message is the English text itself (a str: the CLI prints it, tests compare it, a Problem
holds it), built from a template with Qt's %1, %2 marked by
QT_TRANSLATE_NOOP("ImportProblem", …) so pyside6-lupdate collects it; app.ui.errors
translates the template and fills in the arguments in the user's language. Arguments are
the file's names and values as written, counts, money.Amount, our own stage and pipeline
names (Names) or Messages themselves (a field's label, a reason), translated in turn.
"""

from __future__ import annotations

import functools
import re

from app.domain.i18n import QT_TRANSLATE_NOOP, fill

__all__ = [
    "QT_TRANSLATE_NOOP",
    "QUOTED",
    "Message",
    "Names",
    "QuotedNames",
    "fill",
    "message_of",
]


class Message(str):
    """An English message with its `template` and `args`: equal to (and as cheap to read
    as) the text; the same text rebuilt when unpickled."""

    template: str
    args: tuple[object, ...]

    def __new__(cls, template: str, *args: object) -> Message:
        try:
            text = _pattern(template).format(*args)
        except IndexError:  # a placeholder without its argument stays, as fill leaves it
            text = fill(template, [str(arg) for arg in args])
        self = super().__new__(cls, text)
        self.template = template
        self.args = args
        return self

    def __reduce__(self):
        return Message, (self.template, *self.args)


_PLACEHOLDER = re.compile(r"%([1-9])")


@functools.cache
def _pattern(template: str) -> str:
    """The template for str.format: {0} for %1, braces doubled. Filled in C and in one pass
    as fill does, but 3x faster: a file with a bad cell in every row makes 100k messages."""
    escaped = template.replace("{", "{{").replace("}", "}}")
    return _PLACEHOLDER.sub(lambda m: f"{{{int(m[1]) - 1}}}", escaped)


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


def message_of(exc: BaseException) -> str:
    """The Message an exception carries as its argument, else its English text."""
    arg = exc.args[0] if len(exc.args) == 1 else None
    return arg if isinstance(arg, Message) else str(exc)
