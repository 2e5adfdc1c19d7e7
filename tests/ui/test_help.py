"""Help: the metric definitions, the shortcut list read from the window's own actions, and the
Help menu entries that show them."""

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QKeySequence, QUndoStack
from PySide6.QtWidgets import QApplication

from app.ui.dialogs.help import (
    HelpDialog,
    comparison_html,
    menu_shortcuts,
    metric_rows,
    metrics_html,
    shortcuts_html,
)
from app.ui.main_window import MainWindow
from app.ui.views import add_views


@pytest.fixture
def window(qtbot, services, tmp_path):
    settings = QSettings(str(tmp_path / "app.ini"), QSettings.Format.IniFormat)
    w = MainWindow(services, QUndoStack(), settings)
    add_views(w)
    qtbot.addWidget(w)
    return w


def test_every_metric_of_the_reports_is_defined():
    names = [name for name, _ in metric_rows()]
    for metric in (
        "Leads entered",
        "Funnel counts (reached)",
        "Stage conversion rate",
        "New customers",
        "Customer acquisition cost (CAC)",
        "Pipeline report",
        "Weighted value",
        "Win rate",
        "Average deal size",
        "Average sales cycle",
        "Pipeline velocity",
        "Forecast (pipeline)",
        "Forecast (funnel)",
        "Target progress",
    ):
        assert metric in names
    html = metrics_html()
    assert "Won ÷ (won + lost)" in html and "open deals × win rate" in html
    assert "<table" in comparison_html()


def test_shortcuts_come_from_the_window_actions(window):
    rows = menu_shortcuts(window.menuBar())
    by_command = {command: keys for _, command, keys in rows}
    native = QKeySequence.SequenceFormat.NativeText
    assert by_command["Undo"] == QKeySequence(QKeySequence.StandardKey.Undo).toString(native)
    assert by_command["Settings"] == window.settings_action.shortcut().toString(native)
    assert by_command["Board"] == "Ctrl+1"
    assert by_command["Reports"] == "Ctrl+6"
    # Every action with a shortcut in a menu is listed, once.
    menus = {menu for menu, _, _ in rows}
    assert {"File", "Edit", "View", "Help"} <= menus
    assert len(rows) == len({(m, c) for m, c, _ in rows})
    html = shortcuts_html(window)
    assert "Keyboard shortcuts" in html and "Ctrl+," in html and "Move the selected deals" in html


@pytest.mark.parametrize(
    ("entry", "title"),
    [
        ("&Funnel vs. pipeline", "Funnel vs. pipeline"),
        ("How the &figures are computed", "How the figures are computed"),
        ("&Keyboard shortcuts", "Keyboard shortcuts"),
    ],
)
def test_help_menu_entries_show_their_page(window, entry, title):
    action = next(a for a in window.help_menu.actions() if a.text() == entry)
    shown = []

    def close():
        box = QApplication.activeModalWidget()
        if not isinstance(box, HelpDialog):
            QTimer.singleShot(20, close)
            return
        shown.append((box.windowTitle(), box.browser.toPlainText()))
        box.reject()

    QTimer.singleShot(0, close)
    action.trigger()
    assert shown and shown[0][0] == title
    assert len(shown[0][1]) > 200
