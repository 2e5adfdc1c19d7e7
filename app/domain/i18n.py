"""English texts kept translatable without Qt: the lupdate marker, Qt's %1 fill, Message."""

from __future__ import annotations

import functools
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


class Message(str):
    """An English message with its `template` and `args`: equal to (and as cheap to read
    as) the text; the same text rebuilt when unpickled. The UI translates the template under
    `context` (each kind of message says which) and fills in the arguments, Messages among
    them translated in turn."""

    context = ""
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
        return type(self), (self.template, *self.args)


@functools.cache
def _pattern(template: str) -> str:
    """The template for str.format: {0} for %1, braces doubled. Filled in C and in one pass
    as fill does, but 3x faster: a file with a bad cell in every row makes 100k messages."""
    escaped = template.replace("{", "{{").replace("}", "}}")
    return _PLACEHOLDER.sub(lambda m: f"{{{int(m[1]) - 1}}}", escaped)


def message_of(exc: BaseException) -> str:
    """The Message an exception carries as its argument, else its English text."""
    arg = exc.args[0] if len(exc.args) == 1 else None
    return arg if isinstance(arg, Message) else str(exc)
