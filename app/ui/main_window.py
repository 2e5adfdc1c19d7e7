"""The main window: navigation between the views, menus with standard shortcuts, settings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from app import APP_NAME, __version__
from app.services import ServiceError, Services
from app.ui.board.view import BoardView
from app.ui.errors import refusal
from app.ui.undo import run_undoable

MAX_RECENT = 8


class MainWindow(QMainWindow):
    """Views are added by the composition root; the window only switches between them."""

    openDatabase = Signal(str)  # the application reopens everything on another file
    newDatabase = Signal(str)
    reloadRequested = Signal()  # rebuild the window on the same file (language, currency)

    def __init__(
        self, services: Services, undo_stack: QUndoStack, settings: QSettings, parent=None
    ):
        super().__init__(parent)
        self.services = services
        self.undo_stack = undo_stack
        self.settings = settings
        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.views: dict[str, QWidget] = {}
        self.nav = QToolBar(self.tr("Navigation"))
        self.nav.setObjectName("navigation")
        self.nav.setMovable(False)
        self.addToolBar(self.nav)
        self.nav_group = QActionGroup(self)
        self._build_menus()
        self.board = BoardView(services, undo_stack)
        self.board.editDeal.connect(self.edit_deal)
        self.add_view("board", self.tr("Board"), self.board, QKeySequence("Ctrl+1"))
        self._update_title()
        geometry = settings.value("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1400, 900)
        state = settings.value("window/state")
        if state is not None:
            self.restoreState(state)

    # ---- views ---------------------------------------------------------------------------
    def add_view(
        self, key: str, title: str, widget: QWidget, shortcut: QKeySequence | None = None
    ) -> QAction:
        self.views[key] = widget
        self.stack.addWidget(widget)
        action = QAction(title, self, checkable=True)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(lambda: self.show_view(key))
        action.setData(key)
        self.nav_group.addAction(action)
        self.nav.addAction(action)
        self.view_menu.addAction(action)
        if len(self.views) == 1:
            action.setChecked(True)
        return action

    def show_view(self, key: str) -> None:
        self.stack.setCurrentWidget(self.views[key])
        for action in self.nav_group.actions():
            action.setChecked(action.data() == key)

    def current_view(self) -> str:
        widget = self.stack.currentWidget()
        return next(k for k, w in self.views.items() if w is widget)

    # ---- menus ---------------------------------------------------------------------------
    def _action(self, menu, text: str, slot: Callable, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu(self.tr("&File"))
        self._action(
            self.file_menu,
            self.tr("&New database…"),
            self._new_database,
            QKeySequence.StandardKey.New,
        )
        self._action(
            self.file_menu, self.tr("&Open…"), self._open_database, QKeySequence.StandardKey.Open
        )
        self.recent_menu = self.file_menu.addMenu(self.tr("Open &recent"))
        self._fill_recent()
        self.file_menu.addSeparator()
        self.file_menu_extra = self.file_menu.addSeparator()  # import/export/backup go here
        self._action(self.file_menu, self.tr("&Trash…"), self.show_trash)
        self.settings_action = self._action(
            self.file_menu, self.tr("&Settings…"), self.show_settings, preferences_shortcut()
        )
        self.settings_action.setMenuRole(QAction.MenuRole.PreferencesRole)
        self.file_menu.addSeparator()
        self._action(self.file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        edit = bar.addMenu(self.tr("&Edit"))
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcut(QKeySequence.StandardKey.Undo)
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence.StandardKey.Redo, QKeySequence("Ctrl+Shift+Z")])
        edit.addAction(undo)
        edit.addAction(redo)
        edit.addSeparator()
        self._action(edit, self.tr("&New deal…"), self.new_deal, QKeySequence("Ctrl+Shift+N"))
        self._action(edit, self.tr("&Find"), self._find, QKeySequence.StandardKey.Find)
        edit.addSeparator()
        self._action(edit, self.tr("Stage &playbooks…"), lambda: self.board.edit_playbook())
        self.edit_menu = edit

        self.view_menu = bar.addMenu(self.tr("&View"))
        self.help_menu = bar.addMenu(self.tr("&Help"))
        self._action(
            self.help_menu,
            self.tr("&Funnel vs. pipeline"),
            self._show_comparison,
            QKeySequence.StandardKey.HelpContents,
        )
        self._action(self.help_menu, self.tr("How the &figures are computed"), self._show_metrics)
        self._action(
            self.help_menu,
            self.tr("&Keyboard shortcuts"),
            self._show_shortcuts,
            QKeySequence("Ctrl+/"),
        )
        self.help_menu.addSeparator()
        self._action(self.help_menu, self.tr("&About Dealboard"), self._about)

    def _fill_recent(self) -> None:
        self.recent_menu.clear()
        for path in self.settings.value("recent", [], type=list)[:MAX_RECENT]:
            action = self.recent_menu.addAction(path)
            action.triggered.connect(lambda _=False, p=path: self.openDatabase.emit(p))
        self.recent_menu.setEnabled(not self.recent_menu.isEmpty())

    def _update_title(self) -> None:
        name = self.services.path.name if self.services.path else ""
        self.setWindowTitle(f"{name} — {APP_NAME}" if name else APP_NAME)

    def _new_database(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New database"), "", self.tr("Dealboard databases (*.sqlite)")
        )
        if path:
            self.newDatabase.emit(path)

    def _open_database(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open database"), "", self.tr("Dealboard databases (*.sqlite *.db)")
        )
        if path:
            self.openDatabase.emit(path)

    def _find(self) -> None:
        view = self.stack.currentWidget()
        if hasattr(view, "focus_find"):
            view.focus_find()

    # ---- deals ---------------------------------------------------------------------------
    def new_deal(self) -> None:
        self.edit_deal(None)

    def edit_deal(self, deal_id: int | None) -> None:
        from app.ui.dialogs.deal_editor import DealEditor

        editor = DealEditor(self.services, deal_id, self.board.pipeline_id, self)
        while editor.exec():
            try:
                result = run_undoable(
                    self.undo_stack,
                    self.services,
                    self.tr("Edit deal") if deal_id else self.tr("New deal"),
                    editor.save,
                    [deal_id] if deal_id else [],
                )
            except ServiceError as exc:
                editor.general_error.setText(refusal(exc))
                editor.general_error.show()
                continue
            self.board.select_deal(result["deals"][0])
            return

    def show_trash(self) -> None:
        from app.ui.dialogs.trash import TrashDialog

        TrashDialog(self.services, self).exec()

    def show_settings(self) -> None:
        from app.ui.dialogs.settings import SettingsDialog
        from app.ui.i18n import apply_language

        dialog = SettingsDialog(self.services, self.settings, self)
        dialog.languageChosen.connect(lambda lang: apply_language(QApplication.instance(), lang))
        dialog.exec()
        if dialog.needs_reload:
            self.reloadRequested.emit()

    def _show_comparison(self) -> None:
        from app.ui.dialogs.help import HelpDialog, comparison_html

        HelpDialog(self.tr("Funnel vs. pipeline"), comparison_html(), self).exec()

    def _show_metrics(self) -> None:
        from app.ui.dialogs.help import HelpDialog, metrics_html

        HelpDialog(self.tr("How the figures are computed"), metrics_html(), self).exec()

    def _show_shortcuts(self) -> None:
        from app.ui.dialogs.help import HelpDialog, shortcuts_html

        HelpDialog(self.tr("Keyboard shortcuts"), shortcuts_html(self), self).exec()

    def _about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Dealboard"),
            self.tr(
                "<b>Dealboard %1</b><br>Your sales funnel and pipeline, on your own computer."
            ).replace("%1", __version__),
        )

    # ---- closing -------------------------------------------------------------------------
    def closeEvent(self, event) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/state", self.saveState())
        super().closeEvent(event)


def preferences_shortcut() -> QKeySequence:
    """The platform's Preferences keys; Linux desktops define none, so Ctrl+, there."""
    keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
    return keys[0] if keys else QKeySequence("Ctrl+,")


def remember_recent(settings: QSettings, path: Path) -> None:
    recent = [p for p in settings.value("recent", [], type=list) if p != str(path)]
    settings.setValue("recent", [str(path), *recent][:MAX_RECENT])
    settings.setValue("last_database", str(path))
