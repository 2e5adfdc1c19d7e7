"""Fixtures of the GUI tests shared by several modules."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from app.ui.i18n import apply_language, remove_translators


@pytest.fixture
def language():
    """Switch the language for one test; afterwards the source English and locale again."""
    app = QApplication.instance()
    before = QLocale()
    yield lambda lang: apply_language(app, lang)
    remove_translators(app)
    QLocale.setDefault(before)
