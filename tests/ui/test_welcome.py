"""First start: the welcome page offers three choices, and each one works."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

from app.storage.models import Company, Deal
from app.ui.application import Dealboard
from app.ui.welcome import (
    DONE_KEY,
    WelcomeDialog,
    empty_database_path,
    run_welcome,
    should_welcome,
)


@pytest.fixture
def settings(tmp_path):
    return QSettings(str(tmp_path / "app.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def board(qtbot, tmp_path, settings):
    """The first start as run_gui leaves it: the default database, filled with demo data."""
    from app.ui.application import open_or_create

    default = tmp_path / "data" / "dealboard.sqlite"
    default.parent.mkdir()
    # What the first start does, with a smaller demo than its 2000 deals to keep this quick.
    open_or_create(default, demo_deals=80).close()
    b = Dealboard(QApplication.instance(), settings)
    assert b.open(default)
    yield b
    if b.window is not None:
        b.window.close()
    if b.services is not None:
        b.services.close()


def click_on_page(button_name: str, seen: list):
    def answer():
        page = QApplication.activeModalWidget()
        if not isinstance(page, WelcomeDialog):
            QTimer.singleShot(20, answer)
            return
        seen.append([page.demo_button.text(), page.empty_button.text(), page.import_button.text()])
        getattr(page, button_name).click()

    QTimer.singleShot(0, answer)


def test_shown_once_and_not_for_a_named_file(settings):
    assert should_welcome(settings, chose_file=False)
    assert not should_welcome(settings, chose_file=True)
    settings.setValue(DONE_KEY, True)
    assert not should_welcome(settings, chose_file=False)


def test_explore_keeps_the_demo_data(board, settings):
    seen = []
    click_on_page("demo_button", seen)
    path = board.services.path
    assert run_welcome(board, settings) == ("demo", None)
    assert seen == [["Explore the demo data", "Start with an empty database", "Import a CSV file"]]
    assert board.services.path == path
    assert Deal.select().count() == 80
    assert not should_welcome(settings, chose_file=False)


def test_start_empty_opens_a_new_empty_file_beside_the_demo(board, settings, tmp_path):
    demo = board.services.path
    first_window = board.window
    seen = []
    click_on_page("empty_button", seen)
    assert run_welcome(board, settings)[0] == "empty"
    assert board.services.path == demo.parent / "deals.sqlite"
    assert board.window is not first_window
    assert Deal.select().count() == 0 and Company.select().count() == 0
    assert board.window.board.columns  # the stage columns are there, empty
    # The demo is one click away: File → Open recent lists it.
    recent = settings.value("recent", [], type=list)
    assert recent[:2] == [str(demo.parent / "deals.sqlite"), str(demo)]
    # A second empty start does not overwrite the first.
    assert empty_database_path(demo) == demo.parent / "deals-2.sqlite"


def test_import_opens_the_import_dialog_on_a_new_file(board, settings, tmp_path, qtbot):
    from app.ui.dialogs.import_dialog import ImportDialog

    csv = tmp_path / "deals.csv"
    csv.write_text(
        "title,company,stage,value\n"
        "Website relaunch,Müller GmbH,Proposal,12000\n"
        "Wartungsvertrag,Schmidt AG,Meeting,4800.50\n",
        encoding="utf-8",
    )
    demo = board.services.path
    seen = []
    click_on_page("import_button", seen)
    choice, dialog = run_welcome(board, settings)
    assert choice == "import"
    assert isinstance(dialog, ImportDialog) and dialog.isVisible()
    qtbot.addWidget(dialog)
    assert board.services.path == demo.parent / "deals.sqlite"
    # The user picks the file; the preview runs, then the import.
    with qtbot.waitSignal(dialog.previewed, timeout=10_000):
        dialog.path_edit.setText(str(csv))
        dialog.path_edit.editingFinished.emit()
    assert dialog.import_button.isEnabled(), dialog.summary_label.text()
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_button.click()
    titles = sorted(d.title for d in Deal.select())
    assert titles == ["Wartungsvertrag", "Website relaunch"]
    assert Path(board.services.path).exists()
    qtbot.waitUntil(lambda: sum(c.model.rowCount() for c in board.window.board.columns) == 2)


def test_closing_the_page_keeps_the_demo(board, settings):
    def close():
        page = QApplication.activeModalWidget()
        if not isinstance(page, WelcomeDialog):
            QTimer.singleShot(20, close)
            return
        page.reject()

    QTimer.singleShot(0, close)
    assert run_welcome(board, settings)[0] == "demo"
    assert Deal.select().count() == 80
