"""What Dealboard says about a file it refuses or cannot copy: English, kept translatable.

A FileMessage is an app.domain.i18n Message (the English text itself, keeping its template
and arguments) whose template is marked by QT_TRANSLATE_NOOP("FileProblem", …): storage,
backups, the write lock and the PDF export raise their exceptions with one as the only
argument. str() stays the English text the CLI prints and tests read; app.ui.errors
translates the template under "FileProblem" and fills in the arguments. Paths, and
SQLite's and the system's own words (an OSError's strerror), are arguments shown as written.
"""

from __future__ import annotations

from app.domain.i18n import QT_TRANSLATE_NOOP, Message, message_of

__all__ = ["PATH_SAYS", "QT_TRANSLATE_NOOP", "SENTENCE", "FileMessage", "without_period"]

# A sentence around words that also go, without its period, inside another sentence.
SENTENCE = QT_TRANSLATE_NOOP("FileProblem", "%1.")
# A file or folder, then what is wrong with it.
PATH_SAYS = QT_TRANSLATE_NOOP("FileProblem", "%1: %2")


class FileMessage(Message):
    """A Message of a file refused or not copied, its template marked under "FileProblem"."""

    context = "FileProblem"


def without_period(exc: BaseException) -> str:
    """An exception's text without its closing period, to go inside another sentence: the
    words of a SENTENCE as they are (translatable), any other text as the English one."""
    english = str(exc).rstrip(".")
    message = message_of(exc)
    if isinstance(message, FileMessage) and message.template == SENTENCE:
        inner = message.args[0]
        if inner == english:  # a period of its own would have gone too: keep the English
            return inner
    return english
