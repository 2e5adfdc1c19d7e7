"""Adds the optional views (funnel, companies, reports, …) to the main window when present."""

from __future__ import annotations

import importlib

from PySide6.QtGui import QKeySequence


def add_views(window) -> None:
    """Each view module is wired here, in one place, as it lands."""
    for key, module, cls, title, shortcut in VIEWS:
        try:
            mod = importlib.import_module(module)
        except ModuleNotFoundError:
            continue
        widget = getattr(mod, cls)(window.services, window.undo_stack)
        window.add_view(key, window.tr(title), widget, QKeySequence(shortcut))


VIEWS: list[tuple[str, str, str, str, str]] = []
