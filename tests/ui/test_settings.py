"""Settings dialog: the stage editors write the stage lists and re-home deals and companies;
general settings are kept; the theme switch repaints the board; File → Settings… rebuilds."""

from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtGui import QPalette, QUndoStack
from PySide6.QtWidgets import QApplication

from app.services.demo import generate
from app.storage.models import Company, Deal, FunnelStage, PipelineStage, StageHistory
from app.ui.dialogs.settings import (
    RehomeDialog,
    SettingsDialog,
)
from app.ui.theme import apply_theme, dark_palette, light_palette


@pytest.fixture
def settings(tmp_path):
    s = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    yield s
    s.sync()


@pytest.fixture
def dialog(qtbot, services, settings):
    generate(services.db, deals=120, seed=3)
    d = SettingsDialog(services, settings)
    qtbot.addWidget(d)
    d.show()
    return d


@pytest.fixture(autouse=True)
def _light_again():
    yield
    apply_theme(QApplication.instance(), "light")


def stage_rows(services, pipeline_id):
    return [(n, p, r) for _, n, p, r in services.stages.pipeline_stages(pipeline_id)]


def answer_rehome(choose: str, seen: list):
    """Answers the re-homing question with the named stage once it is shown."""

    def answer():
        box = QApplication.activeModalWidget()
        if not isinstance(box, RehomeDialog):
            QTimer.singleShot(20, answer)
            return
        seen.append([box.target.itemText(i) for i in range(box.target.count())])
        box.target.setCurrentIndex(box.target.findText(choose))
        box.accept()

    QTimer.singleShot(0, answer)


def test_pipeline_stage_editor_edits_writes_and_reorders(dialog, services):
    editor = dialog.pipeline_editor
    pid = editor.pipeline_id
    assert editor.stage_names() == ["Qualification", "Meeting", "Proposal", "Close"]
    # Rename in place, as a user types into the cell.
    editor.table.item(1, 0).setText("Erstgespräch")
    # Probability and rotting days through their spin boxes.
    meeting = editor.stage_ids()[1]
    editor.spin(meeting, 1).setValue(35)
    editor.spin(meeting, 2).setValue(21)
    assert stage_rows(services, pid)[1] == ("Erstgespräch", 35, 21)
    # Add a stage (at the end), then move it up one place.
    new_id = editor.add_stage("Verhandlung")
    assert editor.stage_names()[-1] == "Verhandlung"
    editor.select_stage(new_id)
    editor.move_current(-1)
    names = [n for n, *_ in stage_rows(services, pid)]
    assert names == ["Qualification", "Erstgespräch", "Proposal", "Verhandlung", "Close"]
    assert editor.stage_names() == names
    assert editor.current_row() == 3
    # Refusals show a message and leave the database as it was.
    editor.table.item(0, 0).setText("Close")
    assert not editor.error.isHidden() and "exists already" in editor.error.text()
    assert editor.stage_names()[0] == "Qualification"


def test_removing_a_pipeline_stage_rehomes_its_deals_and_history(dialog, services):
    editor = dialog.pipeline_editor
    meeting, proposal = editor.stage_ids()[1], editor.stage_ids()[2]
    deals_before = Deal.select().where(Deal.stage == meeting).count()
    moved_to_proposal = Deal.select().where(Deal.stage == proposal).count()
    history_before = StageHistory.select().where(StageHistory.stage == meeting).count()
    assert deals_before > 0 and history_before > 0
    editor.select_stage(meeting)
    seen = []
    answer_rehome("Proposal", seen)
    assert editor.remove_current()
    assert seen == [["Qualification", "Proposal", "Close"]]  # every other stage is offered
    assert editor.stage_names() == ["Qualification", "Proposal", "Close"]
    assert PipelineStage.get_or_none(PipelineStage.id == meeting) is None
    assert Deal.select().where(Deal.stage == meeting).count() == 0
    assert StageHistory.select().where(StageHistory.stage == meeting).count() == 0
    assert Deal.select().where(Deal.stage == proposal).count() == moved_to_proposal + deals_before
    # Positions stay dense, so the board shows the columns in order.
    assert [s.position for s in PipelineStage.select().order_by(PipelineStage.position)] == [
        0,
        1,
        2,
    ]


def test_cancelling_the_removal_keeps_the_stage(dialog, services, qtbot):
    editor = dialog.pipeline_editor
    editor.select_stage(editor.stage_ids()[0])

    def cancel():
        box = QApplication.activeModalWidget()
        if not isinstance(box, RehomeDialog):
            QTimer.singleShot(20, cancel)
            return
        box.reject()

    QTimer.singleShot(0, cancel)
    assert not editor.remove_current()
    assert len(editor.stage_names()) == 4


def test_add_pipeline_copies_the_stages(dialog, services):
    editor = dialog.pipeline_editor
    sales = editor.pipeline_id
    renewals = editor.add_pipeline("Renewals")
    assert editor.pipeline_id == renewals
    assert [n for _, n in services.stages.pipelines()] == ["Sales", "Renewals"]
    assert stage_rows(services, renewals) == stage_rows(services, sales)
    editor.add_stage("Verlängert")
    assert stage_rows(services, renewals)[-1][0] == "Verlängert"
    assert len(stage_rows(services, sales)) == 4
    assert editor.add_pipeline("renewals") is None  # names are unique, case aside
    assert "exists already" in editor.error.text()


def test_funnel_stage_editor_inserts_renames_reorders_and_rehomes(dialog, services):
    editor = dialog.funnel_editor
    names = ["Awareness", "Interest", "Consideration", "Engagement", "Conversion"]
    assert editor.stage_names() == names
    editor.select_stage(editor.stage_ids()[1])
    editor.add_stage("Webinar")  # after the selected stage
    assert editor.stage_names()[2] == "Webinar"
    editor.table.item(0, 0).setText("Bewusstsein")
    assert FunnelStage.get_by_id(editor.stage_ids()[0]).name == "Bewusstsein"
    webinar = editor.stage_ids()[2]
    editor.select_stage(webinar)
    editor.move_current(1)
    assert [n for _, n in services.stages.funnel_stages()][2:4] == ["Consideration", "Webinar"]
    # Remove Interest: its companies move to Bewusstsein.
    interest = editor.stage_ids()[1]
    awareness = editor.stage_ids()[0]
    companies = Company.select().where(Company.funnel_stage == interest).count()
    at_awareness = Company.select().where(Company.funnel_stage == awareness).count()
    assert companies > 0
    editor.select_stage(interest)
    seen = []
    answer_rehome("Bewusstsein", seen)
    assert editor.remove_current()
    assert "Interest" not in editor.stage_names()
    assert Company.select().where(Company.funnel_stage == awareness).count() == (
        at_awareness + companies
    )
    assert StageHistory.select().where(StageHistory.funnel_stage == interest).count() == 0


def test_board_follows_the_stage_editor(qtbot, services, settings):
    from app.ui.board.view import BoardView

    generate(services.db, deals=60, seed=5)
    board = BoardView(services, QUndoStack())
    qtbot.addWidget(board)
    board.show()
    dialog = SettingsDialog(services, settings)
    qtbot.addWidget(dialog)
    dialog.pipeline_editor.add_stage("Verhandlung")
    qtbot.waitUntil(lambda: len(board.columns) == 5)
    assert board.columns[-1].model.stage_id == dialog.pipeline_editor.stage_ids()[-1]


def test_general_settings_are_kept(dialog, services, settings):
    assert dialog.language.currentData() == ""
    dialog.language.setCurrentIndex(dialog.language.findData("de"))
    dialog.currency.setCurrentText("chf")
    dialog.backup_folder.setText("/tmp/dealboard-backups")
    dialog.backup_interval.setValue(30)
    dialog.lost_editor.add_reason("Preis zu hoch")
    dialog.lost_editor.add_reason("preis zu hoch")  # the same reason once
    chosen = []
    dialog.languageChosen.connect(chosen.append)
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert not dialog.isVisible()
    assert settings.value("language") == "de"
    assert chosen == ["de"]
    assert services.currency() == "CHF"
    assert settings.value("backup/folder") == "/tmp/dealboard-backups"
    assert int(settings.value("backup/interval_minutes")) == 30
    assert dialog.needs_reload
    reasons = services.deals.offered_lost_reasons()
    assert reasons[0] == "Preis zu hoch"
    assert set(services.deals.lost_reasons()) <= set(reasons)


def test_bad_currency_is_refused(dialog, services):
    dialog.currency.setCurrentText("E1")
    assert not dialog.apply()
    assert not dialog.general_error.isHidden()
    assert services.currency() == "EUR"
    assert not dialog.needs_reload


def test_theme_switch_repaints_the_board(qtbot, services, settings):
    from app.ui.board.view import BoardView

    generate(services.db, deals=60, seed=5)
    app = QApplication.instance()
    apply_theme(app, "light")
    board = BoardView(services, QUndoStack())
    qtbot.addWidget(board)
    board.resize(1200, 700)
    board.show()
    qtbot.waitExposed(board)
    view = board.columns[0].view
    light_base = light_palette().color(QPalette.ColorRole.Base)
    assert view.palette().color(QPalette.ColorRole.Base) == light_base
    before = view.viewport().grab().toImage()

    dialog = SettingsDialog(services, settings)
    qtbot.addWidget(dialog)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    assert dialog.apply()
    assert settings.value("theme") == "dark"
    dark_base = dark_palette().color(QPalette.ColorRole.Base)
    qtbot.waitUntil(lambda: view.palette().color(QPalette.ColorRole.Base) == dark_base)
    after = view.viewport().grab().toImage()
    # The cards are painted again from the new palette: the pixels are darker.
    assert after != before
    corner = after.pixelColor(2, after.height() - 3)
    assert corner.lightness() < 100, corner.name()


def test_system_theme_follows_the_desktop_scheme(qtbot, settings):
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication

    from app.ui.theme import follow_system_scheme, system_is_dark

    app = QApplication.instance()
    hints = QGuiApplication.styleHints()
    settings.setValue("theme", "system")
    follow_system_scheme(app, settings)

    def base_is_dark() -> bool:
        return app.palette().color(QPalette.ColorRole.Base).lightness() < 100

    # Start from the opposite of what the desktop says, then let the desktop announce its
    # scheme (the offscreen platform has none of its own, so the signal is sent as a
    # desktop would): the palette must follow.
    app.setPalette(light_palette() if system_is_dark() else dark_palette())
    hints.colorSchemeChanged.emit(hints.colorScheme())
    assert base_is_dark() == system_is_dark()

    settings.setValue("theme", "light")  # a fixed theme ignores the desktop
    app.setPalette(light_palette())
    hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    assert not base_is_dark()


def test_file_settings_opens_the_dialog_and_a_new_language_rebuilds(qtbot, tmp_path):
    from app.ui.application import Dealboard, open_or_create

    open_or_create(tmp_path / "db.sqlite", demo_deals=60).close()
    settings = QSettings(str(tmp_path / "app.ini"), QSettings.Format.IniFormat)
    board = Dealboard(QApplication.instance(), settings)
    assert board.open(tmp_path / "db.sqlite")
    first = board.window
    qtbot.addWidget(first)
    first.show_view("funnel")
    assert first.settings_action.shortcut().toString()

    def choose_english():
        box = QApplication.activeModalWidget()
        if not isinstance(box, SettingsDialog):
            QTimer.singleShot(20, choose_english)
            return
        box.language.setCurrentIndex(box.language.findData("en"))
        box.accept()

    QTimer.singleShot(0, choose_english)
    first.settings_action.trigger()
    assert board.window is not first  # built again, in the new language
    qtbot.addWidget(board.window)
    assert board.window.current_view() == "funnel"
    assert settings.value("language") == "en"
    assert Path(board.services.path) == tmp_path / "db.sqlite"
    board.window.close()
    board.services.close()
