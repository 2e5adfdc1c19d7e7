"""Unexpected errors: logged to the data folder's log file and shown in a dialog, never lost.

PySide prints an exception raised in a slot and carries on; installed as `sys.excepthook`
(and `threading.excepthook` for worker threads), the reporter logs the traceback, passes the
exception on to the hook it replaced (stderr in the app; pytest-qt's hook in tests, which
fails the test), and shows the user what happened without blocking the event loop.
"""

from __future__ import annotations

import errno
import logging
import os
import sqlite3
import sys
import threading
import traceback
from collections.abc import Callable, Sequence
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QLocale, QObject, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from app.domain.i18n import Message, message_of
from app.domain.money import Amount
from app.importing.csvformat import (
    AND_MORE,
    AT_CELL,
    AT_LINE,
    MAX_LISTED_PROBLEMS,
    CsvError,
    Problem,
)
from app.importing.messages import QUOTED, Names, QuotedNames
from app.services import ServiceError, fill
from app.ui import format as fmt

_DISK_FULL = {errno.ENOSPC, errno.EFBIG, errno.EDQUOT}
_READ_ONLY = {errno.EROFS}
_DENIED = {errno.EACCES, errno.EPERM}


def _tr(text: str) -> str:
    return QCoreApplication.translate("errors", text)


def refusal(exc: ServiceError) -> str:
    """A service's refusal in the user's language: its English template translated, then
    the arguments filled in, amounts written the locale's way (99.999.999.999,99)."""
    text = QCoreApplication.translate("ServiceError", exc.template)
    return fill(text, [_shown(arg) for arg in exc.params])


def translated(text: str) -> str:
    """A Message (an import's problem, a refused file) in the user's language: its template
    translated under its context ("ImportProblem", "FileProblem"), then the arguments filled
    in, themselves translated when they are Messages. Any other text is shown as it is."""
    if not isinstance(text, Message):
        return text
    template = QCoreApplication.translate(text.context, text.template)
    return fill(template, [_shown(arg) for arg in text.args])


def exception_text(exc: BaseException) -> str:
    """What a refusal or failure says, in the user's language: a ServiceError's or a
    Message's words (a file refused, a backup failed: app.storage.messages) translated with
    their arguments; any other exception's text (an OSError's) as the system wrote it."""
    if isinstance(exc, ServiceError):
        return refusal(exc)
    return translated(message_of(exc))


def problem_text(problem: Problem) -> str:
    """One import problem in the user's language: "Zeile 7, Spalte „Wert“: …"."""
    message = translated(problem.message)
    if problem.column:
        where = QCoreApplication.translate("ImportProblem", AT_CELL)
        return fill(where, [str(problem.line), problem.column, message])
    return fill(QCoreApplication.translate("ImportProblem", AT_LINE), [str(problem.line), message])


def problems_text(problems: Sequence[Problem]) -> str:
    """A file's problems one per line in the user's language, as many as str(CsvError)
    lists, then how many more there are."""
    lines = [problem_text(p) for p in problems[:MAX_LISTED_PROBLEMS]]
    rest = len(problems) - MAX_LISTED_PROBLEMS
    if rest > 0:
        lines.append(fill(QCoreApplication.translate("ImportProblem", AND_MORE), [str(rest)]))
    return "\n".join(lines)


def _shown(arg: object) -> str:
    if isinstance(arg, Amount):
        return QLocale().toString(arg / 100, "f", 2)
    if isinstance(arg, Message):
        return translated(arg)
    if isinstance(arg, QuotedNames):
        quoted = QCoreApplication.translate("ImportProblem", QUOTED)
        return ", ".join(fill(quoted, [fmt.stage(name)]) for name in arg)
    if isinstance(arg, Names):  # our stages: a default name as the board shows it
        return ", ".join(fmt.stage(name) for name in arg)
    return str(arg)  # names, ids and lists stay as the user or the data wrote them


def describe(exc: BaseException) -> str:
    """What a failed write means for the user, in their language; nothing technical first."""
    from app.lock import DatabaseLocked

    if isinstance(exc, ServiceError):
        return refusal(exc)
    if isinstance(exc, CsvError):
        return problems_text(exc.problems)
    text = str(exc).lower()
    code = getattr(exc, "errno", None)
    if isinstance(exc, DatabaseLocked):
        return _tr("The database is open in another Dealboard window. Close it there first.")
    if isinstance(message_of(exc), Message):  # our own words say what happened
        return exception_text(exc)
    if code in _DISK_FULL or "disk is full" in text or "file too large" in text:
        return _tr(
            "The disk is full. Nothing was saved of this change; free some space and try again."
        )
    if code in _READ_ONLY or "readonly database" in text or "read-only" in text:
        return _tr("The file is read-only. Nothing was saved of this change.")
    if code in _DENIED or "permission denied" in text or "unable to open database" in text:
        return _tr("Dealboard may not write this file (permission denied). Nothing was saved.")
    if isinstance(exc, sqlite3.OperationalError) and "locked" in text:
        return _tr("The database is busy. Nothing was saved of this change; try again.")
    return _tr("An unexpected error occurred: %1").replace("%1", str(exc) or type(exc).__name__)


def open_log(log_file: Path) -> logging.Logger:
    """The error log, created readable by the user only."""
    log_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    os.close(os.open(log_file, os.O_CREAT | os.O_APPEND | os.O_WRONLY, 0o600))
    os.chmod(log_file, 0o600)
    logger = logging.getLogger(f"dealboard.errors.{log_file}")
    logger.propagate = False
    logger.setLevel(logging.INFO)
    if not logger.handlers:
        handler = logging.FileHandler(log_file, encoding="utf-8")
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s: %(message)s"))
        logger.addHandler(handler)
    return logger


class ErrorReporter(QObject):
    """Logs every uncaught exception, passes it on, and shows a dialog in the GUI thread."""

    shown = Signal(str)  # the message the user saw (tests wait for it)
    _report = Signal(str, str)  # message, details: queued from any thread to the GUI thread

    def __init__(
        self,
        log_file: Path | None = None,
        parent_widget: Callable[[], QWidget | None] = lambda: None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        if log_file is None:
            from app.paths import log_path

            log_file = log_path()
        self.log_file = log_file
        self._logger = open_log(log_file)
        self._parent_widget = parent_widget
        self._previous: tuple | None = None
        self._in_hook = threading.local()
        self.dialog: QMessageBox | None = None
        self._report.connect(self._show)

    def install(self) -> ErrorReporter:
        self._previous = (sys.excepthook, threading.excepthook)
        sys.excepthook = self.excepthook
        threading.excepthook = self._thread_hook
        return self

    def uninstall(self) -> None:
        if self._previous is not None:
            sys.excepthook, threading.excepthook = self._previous
            self._previous = None

    def excepthook(
        self,
        exc_type: type[BaseException],
        exc: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if getattr(self._in_hook, "active", False):  # an error while reporting an error
            sys.__excepthook__(exc_type, exc, tb)
            return
        self._in_hook.active = True
        try:
            details = "".join(traceback.format_exception(exc_type, exc, tb))
            self._logger.error("unexpected error\n%s", details.rstrip())
            previous = self._previous[0] if self._previous else sys.__excepthook__
            if previous is not self.excepthook:
                previous(exc_type, exc, tb)
            if not issubclass(exc_type, KeyboardInterrupt):
                self._report.emit(describe(exc), details)
        finally:
            self._in_hook.active = False

    def _thread_hook(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        self.excepthook(args.exc_type, args.exc_value or args.exc_type(), args.exc_traceback)

    def _show(self, message: str, details: str) -> None:
        if self.dialog is not None and self.dialog.isVisible():
            return  # an error repeating in a loop: logged every time, shown once
        box = QMessageBox(self._parent_widget())
        box.setIcon(QMessageBox.Icon.Critical)
        box.setWindowTitle(self.tr("Dealboard: unexpected error"))
        box.setText(message)
        box.setInformativeText(
            self.tr("The details were written to %1.").replace("%1", str(self.log_file))
        )
        box.setDetailedText(details)
        # open(), not exec(): the hook returns at once and the event loop keeps running.
        box.open()
        self.dialog = box
        self.shown.emit(message)


def install_excepthook(
    log_file: Path | None = None, parent_widget: Callable[[], QWidget | None] = lambda: None
) -> ErrorReporter:
    """Install the reporter for the application's lifetime; keep the returned object alive."""
    return ErrorReporter(log_file, parent_widget).install()
