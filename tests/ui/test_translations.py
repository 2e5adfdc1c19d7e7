"""Translations: every string in the code has a finished German translation, switching the
language changes texts, money and dates, and no German text is clipped in the main views."""

import datetime as dt
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6 import QtGui
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QToolButton,
    QWidget,
)

ROOT = Path(__file__).resolve().parents[2]
TRANSLATIONS = ROOT / "resources" / "translations"
ARG = re.compile(r"%(?:\d+|n)")
MNEMONIC = re.compile(r"&(?!&)\w", re.UNICODE)


def messages(ts: Path):
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.findall("message"):
            yield name, message


def finished(message) -> list[str] | None:
    """The translation's text(s), or None when it is missing or unfinished."""
    t = message.find("translation")
    if t is None or t.get("type") in ("unfinished", "vanished", "obsolete"):
        return None
    forms = [f.text or "" for f in t.findall("numerusform")] or [t.text or ""]
    return forms if all(f.strip() for f in forms) else None


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The strings of the code as they are now, extracted the way update.sh does."""
    out = tmp_path_factory.mktemp("ts") / "now_de.ts"
    subprocess.run(
        [sys.executable, str(TRANSLATIONS / "update.py"), "--check", str(out)],
        check=True,
        cwd=ROOT,
    )
    return {(ctx, m.findtext("source"), m.findtext("comment") or "") for ctx, m in messages(out)}


def test_every_string_in_the_code_has_a_finished_german_translation(extracted):
    committed = {
        (ctx, m.findtext("source"), m.findtext("comment") or ""): finished(m)
        for ctx, m in messages(TRANSLATIONS / "dealboard_de.ts")
    }
    assert len(extracted) > 300
    missing = sorted(k for k in extracted if not committed.get(k))
    assert not missing, (
        f"{len(missing)} string(s) without a German translation; run "
        f"resources/translations/update.sh and translate them: {missing[:20]}"
    )


def test_translations_keep_placeholders_and_mnemonics():
    bad = []
    for ctx, m in messages(TRANSLATIONS / "dealboard_de.ts"):
        source, forms = m.findtext("source"), finished(m)
        for text in forms or []:
            wanted = sorted(set(ARG.findall(source)))
            if m.get("numerus") != "yes" and sorted(set(ARG.findall(text))) != wanted:
                bad.append((ctx, source, text))
            if bool(MNEMONIC.search(source)) != bool(MNEMONIC.search(text)):
                bad.append((ctx, source, text))
    assert not bad


def test_plural_forms_in_german_and_english():
    for lang, expect in (("de", 2), ("en", 2)):
        numerus = [
            m for _, m in messages(TRANSLATIONS / f"dealboard_{lang}.ts") if m.get("numerus")
        ]
        assert numerus, lang
        for m in numerus:
            forms = finished(m)
            # Each form keeps the number: %n, or %Ln (with the locale's digit grouping).
            assert forms and len(forms) == expect, m.findtext("source")
            assert all("%n" in f or "%Ln" in f for f in forms), m.findtext("source")


def test_contexts_exist_at_run_time():
    """A context is a class of app/, a literal translate() context, or the shared one."""
    code = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "app").rglob("*.py"))
    for ctx in {c for c, _ in messages(TRANSLATIONS / "dealboard_de.ts")}:
        if ctx:
            assert f"class {ctx}" in code or f'"{ctx}"' in code, ctx


def test_built_catalogues_are_up_to_date(tmp_path):
    """The committed .qm files are what lrelease makes of the committed .ts files."""
    sys.path.insert(0, str(TRANSLATIONS))
    try:
        import update
    finally:
        sys.path.remove(str(TRANSLATIONS))
    for lang in ("de", "en"):
        ts = tmp_path / f"dealboard_{lang}.ts"
        ts.write_bytes((TRANSLATIONS / ts.name).read_bytes())
        update.lrelease(ts)
        built = ts.with_suffix(".qm").read_bytes()
        assert built == (TRANSLATIONS / ts.with_suffix(".qm").name).read_bytes(), (
            f"run resources/translations/update.sh: dealboard_{lang}.qm is out of date"
        )


# ---- switching ------------------------------------------------------------------------------
def make_window(services, tmp_path):
    from app.ui.main_window import MainWindow
    from app.ui.views import add_views

    settings = QSettings(str(tmp_path / "app.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, QUndoStack(), settings)
    add_views(window)
    return window


def test_language_switch_changes_texts_money_dates_and_qt_buttons(
    qtbot, services, tmp_path, language
):
    import datetime as dt

    from PySide6.QtWidgets import QDialogButtonBox

    from app.ui import format as fmt

    language("de")
    window = make_window(services, tmp_path)
    qtbot.addWidget(window)
    assert [a.text() for a in window.menuBar().actions()] == [
        "&Datei",
        "&Bearbeiten",
        "&Ansicht",
        "&Hilfe",
    ]
    assert [a.text() for a in window.nav.actions()][:3] == ["Board", "Trichter", "Firmen"]
    assert fmt.money(123456, "EUR") == "1.234,56\xa0€"
    assert fmt.date(dt.date(2026, 3, 7)) == "07.03.2026"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"
    from app.ui.dialogs.lost_reason import LostReasonDialog

    assert LostReasonDialog([], 1).findChild(QLabel).text() == "Warum wurde das verloren? (1 Deal)"
    assert LostReasonDialog([], 3).findChild(QLabel).text() == "Warum wurde das verloren? (3 Deals)"

    language("en")
    window = make_window(services, tmp_path)
    qtbot.addWidget(window)
    assert window.menuBar().actions()[0].text() == "&File"
    assert fmt.money(123456, "EUR") == "€1,234.56"
    assert LostReasonDialog([], 1).findChild(QLabel).text() == "Why was this lost? (1 deal)"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Cancel"


def test_a_refused_input_is_told_in_the_users_language(qtbot, services, tmp_path, language):
    """A service's refusal (English in the code, str() and the CLI) reaches a German user in
    German: in a dialog's error line and through try_undoable, amounts the German way."""
    from app.domain.money import MAX_MINOR
    from app.ui.dialogs.settings import SettingsDialog
    from app.ui.undo import try_undoable

    language("de")
    settings = QSettings(str(tmp_path / "app.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(services, settings)
    qtbot.addWidget(dialog)
    editor = dialog.pipeline_editor
    editor.table.item(0, 0).setText("Close")  # the name of another stage
    assert editor.error.text() == "Eine Phase namens „Close“ gibt es schon."

    stack = QUndoStack()
    too_much = MAX_MINOR + 1

    def spend():
        return services.catalog.set_spend("LinkedIn", dt.date(2026, 3, 1), too_much)

    told = try_undoable(stack, services, "Spend", spend)
    assert told == "Die Ausgaben sind zu hoch: höchstens 99.999.999.999,99."
    assert stack.count() == 0 and services.catalog.spend() == []
    language("en")
    told = try_undoable(stack, services, "Spend", spend)
    assert told == "Spend is too large: at most 99,999,999,999.99."


def test_settings_language_rebuilds_the_window_in_german(qtbot, tmp_path, language):
    from app.ui.application import Dealboard, open_or_create
    from app.ui.dialogs.settings import SettingsDialog

    language("en")
    open_or_create(tmp_path / "db.sqlite", demo_deals=60).close()
    settings = QSettings(str(tmp_path / "app.ini"), QSettings.Format.IniFormat)
    board = Dealboard(QApplication.instance(), settings)
    assert board.open(tmp_path / "db.sqlite")
    qtbot.addWidget(board.window)
    assert board.window.file_menu.title() == "&File"
    from PySide6.QtCore import QTimer

    def choose_german():
        box = QApplication.activeModalWidget()
        if not isinstance(box, SettingsDialog):
            QTimer.singleShot(20, choose_german)
            return
        box.language.setCurrentIndex(box.language.findData("de"))
        box.accept()

    QTimer.singleShot(0, choose_german)
    board.window.settings_action.trigger()
    qtbot.addWidget(board.window)
    assert board.window.file_menu.title() == "&Datei"
    assert board.window.board.find_edit.placeholderText() == "Nach Titel, Firma oder Tag filtern"
    board.window.close()
    board.services.close()


# ---- clipping -------------------------------------------------------------------------------
def shown_text(widget: QWidget) -> str:
    text = widget.text()
    if isinstance(widget, QAbstractButton):
        text = text.replace("&&", "\0").replace("&", "").replace("\0", "&")
    return text


def clipped(widget: QWidget) -> str | None:
    """Why a label's or button's text does not fit its widget, or None when it fits."""
    text = shown_text(widget)
    if not text.strip() or not widget.isVisibleTo(widget.window()):
        return None
    if isinstance(widget, QLabel):
        rich = widget.textFormat() == Qt.TextFormat.RichText or (
            widget.textFormat() == Qt.TextFormat.AutoText and QtGui.Qt.mightBeRichText(text)
        )
        if widget.wordWrap() or rich or not widget.pixmap().isNull():
            return None
        need = max(widget.fontMetrics().horizontalAdvance(line) for line in text.splitlines())
        room = widget.contentsRect().width() - 2 * widget.margin()
    elif isinstance(widget, QPushButton | QCheckBox | QRadioButton | QToolButton):
        # The style's size hint is text + icon + indicator + padding: less room clips.
        need, room = widget.sizeHint().width(), widget.width()
    else:
        return None
    if need > room:
        return f"{type(widget).__name__} {text!r}: needs {need}px, has {room}px"
    return None


def clipped_texts(root: QWidget) -> list[str]:
    found = []
    for widget in root.findChildren(QWidget):
        if isinstance(widget, QLabel | QAbstractButton):
            why = clipped(widget)
            if why:
                found.append(why)
    return found


def test_the_clipping_check_sees_clipped_text(qtbot):
    page = QWidget()
    qtbot.addWidget(page)
    button = QPushButton("Wiederherstellen", page)
    button.setFixedWidth(40)
    label = QLabel("Gewichteter Wert je Phase", page)
    label.setFixedWidth(60)
    label.move(0, 40)
    fine = QLabel("OK", page)
    fine.move(0, 80)
    page.show()
    found = clipped_texts(page)
    assert len(found) == 2 and "Wiederherstellen" in found[0] + found[1]


def checked_widgets(root: QWidget) -> int:
    return sum(
        1
        for w in root.findChildren(QWidget)
        if isinstance(w, QLabel | QAbstractButton) and w.isVisibleTo(w.window()) and w.text()
    )


VIEWS = ["board", "funnel", "companies", "contacts", "actions", "reports"]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    from app.services import Services
    from app.services.demo import generate

    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    s = Services.open(path)
    generate(s.db, deals=300, seed=2)
    s.close()
    return path


@pytest.mark.parametrize("view", VIEWS)
def test_no_german_text_is_clipped_at_1280x800(qtbot, tmp_path, demo_db, language, view):
    from app.services import Services

    language("de")
    services = Services.open(demo_db)
    try:
        window = make_window(services, tmp_path)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        window.show_view(view)
        widget = window.views[view]
        if hasattr(widget, "ensure_built"):
            widget.ensure_built()
        qtbot.wait(50)
        problems = clipped_texts(window.views[view]) + clipped_texts(window.nav)
        assert not problems, "\n".join(problems)
        assert checked_widgets(window.views[view]) >= 2  # the check looked at something
        assert window.menuBar().actions()[0].text() == "&Datei"  # and it was German
    finally:
        window.close()
        services.close()
