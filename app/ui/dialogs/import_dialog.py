"""File → Import…: pick a CSV file and its kind, preview, map columns and stages, import it.

The preview is the importer's dry run; both it and the import run on a worker thread with a
progress bar, and Cancel rolls the import back (nothing imported). Rules live in
app.services.importer; this dialog only shows what it reports.
"""

from __future__ import annotations

import threading
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.services import Services, importer
from app.services.importer import ImportCancelled, ImportFailed, ImportSummary
from app.ui import format as fmt
from app.ui.errors import problems_text, translated

KIND_ORDER = ("deals", "companies", "contacts")
SAMPLE_CHARS = 60  # a sample value longer than this is cut in the columns table


class _Worker(QObject):
    """Runs one preview or import off the UI thread; its signals arrive on the UI thread."""

    progressed = Signal(int, int)
    finished = Signal(str, object)  # outcome ("done", "failed", "cancelled", "error"), payload

    def __init__(self, services: Services, job, parent: QObject | None = None):
        super().__init__(parent)
        self.services = services
        self.job = job
        self.cancel_event = threading.Event()
        self.thread = threading.Thread(target=self._run, name="dealboard-import", daemon=True)

    def start(self) -> None:
        self.thread.start()

    def cancel(self) -> None:
        self.cancel_event.set()

    def _run(self) -> None:
        outcome, payload = "error", None
        try:
            payload = self.job(
                progress=lambda done, total: self.progressed.emit(done, total),
                cancelled=self.cancel_event.is_set,
            )
            outcome = "done"
        except ImportFailed as exc:
            outcome, payload = "failed", exc
        except ImportCancelled:
            outcome = "cancelled"
        except BaseException as exc:
            payload = exc
            raise  # threading.excepthook (the app's error reporter) logs and shows it
        finally:
            # peewee opened a connection for this thread; it must not outlive the thread.
            if not self.services.db.is_closed():
                self.services.db.close()
            self.finished.emit(outcome, payload)


class ImportDialog(QDialog):
    """File → Import… for one open database.

    `path` and `kind` preselect the file and the kind ("deals", "companies", "contacts");
    without a kind it is guessed from the file's header. `imported` is emitted with the
    ImportSummary after a successful import (services.changed has been announced already).
    """

    imported = Signal(object)
    previewed = Signal()  # a preview finished (shown or failed): tests wait for it

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        path: str | Path | None = None,
        kind: str | None = None,
    ):
        super().__init__(parent)
        self.services = services
        self.stage_map: dict[str, str] = {}
        self.column_map: dict[str, str | None] = {}  # header → our field, None: ignore it
        self.summary: ImportSummary | None = None
        self.failure: ImportFailed | None = None
        self.worker: _Worker | None = None
        self._pending_preview = False
        self.setWindowTitle(self.tr("Import from CSV"))
        self.resize(820, 600)

        layout = QVBoxLayout(self)
        form = QFormLayout()
        file_row = QHBoxLayout()
        self.path_edit = QLineEdit()
        self.path_edit.setPlaceholderText(
            self.tr("A CSV file from Dealboard, Pipedrive, HubSpot or a spreadsheet")
        )
        self.path_edit.editingFinished.connect(self._file_changed)
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self.choose_file)
        file_row.addWidget(self.path_edit, 1)
        file_row.addWidget(choose)
        form.addRow(self.tr("File:"), file_row)
        self.kind_combo = QComboBox()
        names = {
            "deals": self.tr("Deals"),
            "companies": self.tr("Companies"),
            "contacts": self.tr("Contacts"),
        }
        for key in KIND_ORDER:
            self.kind_combo.addItem(names[key], key)
        self.kind_combo.currentIndexChanged.connect(self._kind_changed)
        form.addRow(self.tr("Import as:"), self.kind_combo)
        layout.addLayout(form)

        self.summary_label = QLabel()
        self.summary_label.setWordWrap(True)
        self.summary_label.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.summary_label)

        self.tabs = QTabWidget()
        # Static tables of at most a few hundred rows: QTableWidget is the right size here.
        self.preview_table = self._table(
            [
                self.tr("Line"),
                self.tr("Name"),
                self.tr("Company"),
                self.tr("Stage"),
                self.tr("Status"),
                self.tr("Value"),
            ]
        )
        self.columns_table = self._table(
            [self.tr("Column in the file"), self.tr("Imported as"), self.tr("Sample value")]
        )
        self.stages_table = self._table(
            [self.tr("Stage in the file"), self.tr("Our stage"), self.tr("Rows")]
        )
        self.problems_view = QPlainTextEdit()
        self.problems_view.setReadOnly(True)
        self.tabs.addTab(self.preview_table, self.tr("Preview"))
        self.tabs.addTab(self.columns_table, self.tr("Columns"))
        self.tabs.addTab(self.stages_table, self.tr("Stages"))
        self.tabs.addTab(self.problems_view, self.tr("Problems"))
        layout.addWidget(self.tabs, 1)

        self.progress = QProgressBar()
        self.progress.setRange(0, 100)
        self.progress.hide()
        layout.addWidget(self.progress)

        self.buttons = QDialogButtonBox()
        self.import_button = self.buttons.addButton(
            self.tr("Import"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.import_button.setEnabled(False)
        self.import_button.setDefault(True)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.import_button.clicked.connect(self.start_import)
        self.cancel_button.clicked.connect(self.cancel)
        layout.addWidget(self.buttons)

        self._names = {
            "open": self.tr("open"),
            "won": self.tr("won"),
            "lost": self.tr("lost"),
        }
        if path is not None:
            self.path_edit.setText(str(path))
            self._file_changed(kind)
        elif kind is not None:
            self.set_kind(kind)

    # ---- building blocks -----------------------------------------------------------------
    def _table(self, headers: list[str]) -> QTableWidget:
        table = QTableWidget(0, len(headers))
        table.setHorizontalHeaderLabels(headers)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def kind(self) -> str:
        return self.kind_combo.currentData()

    def set_kind(self, kind: str) -> None:
        self.kind_combo.setCurrentIndex(KIND_ORDER.index(kind))

    def path(self) -> Path | None:
        text = self.path_edit.text().strip()
        return Path(text) if text else None

    def running(self) -> bool:
        return self.worker is not None

    # ---- choosing ------------------------------------------------------------------------
    def choose_file(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import from CSV"),
            str(self.path() or ""),
            self.tr("CSV files (*.csv *.txt *.tsv);;All files (*)"),
        )
        if path:
            self.path_edit.setText(path)
            self._file_changed()

    def _file_changed(self, kind: str | None = None) -> None:
        self.stage_map, self.column_map = {}, {}
        data = self._read()
        if data is None:
            return
        guessed = kind or importer.guess_kind(data)
        if guessed and guessed != self.kind():
            self.kind_combo.blockSignals(True)
            self.set_kind(guessed)
            self.kind_combo.blockSignals(False)
        self.refresh_preview()

    def _kind_changed(self) -> None:
        self.stage_map, self.column_map = {}, {}
        self.refresh_preview()

    def _read(self) -> bytes | None:
        path = self.path()
        if path is None:
            return None
        try:
            return path.read_bytes()
        except OSError as exc:
            self._show_message(
                self.tr("Cannot read %1: %2")
                .replace("%1", str(path))
                .replace("%2", exc.strerror or str(exc))
            )
            return None

    # ---- preview -------------------------------------------------------------------------
    def refresh_preview(self) -> None:
        """Run the dry run again (file, kind, column or stage mapping changed)."""
        if self.running():
            self._pending_preview = True
            self.worker.cancel()
            return
        data = self._read()
        if data is None:
            return
        self.import_button.setEnabled(False)
        self.summary_label.setText(self.tr("Reading the file…"))
        kind, stage_map, columns = self.kind(), dict(self.stage_map), dict(self.column_map)

        def job(progress, cancelled):
            # The columns table is shown whether or not the file can be imported as mapped:
            # a missing title column is fixed there.
            found = importer.file_columns(data, kind, columns)
            try:
                return found, importer.preview(
                    self.services,
                    data,
                    kind,
                    stage_map,
                    progress=progress,
                    cancelled=cancelled,
                    columns=columns,
                )
            except ImportFailed as exc:
                return found, exc

        self._start(job, self._preview_finished)

    def _preview_finished(self, outcome: str, payload) -> None:
        if outcome == "done":
            found, result = payload
            self._fill_columns(found)
            if isinstance(result, ImportFailed):
                self.summary, self.failure = None, result
                self._show_failure(result)
            else:
                self.summary, self.failure = result, None
                self._show_summary(result)
                self.import_button.setEnabled(True)
        self.previewed.emit()

    def _show_summary(self, summary: ImportSummary) -> None:
        created, matched = summary.created, summary.matched
        lines = [
            self.tr("%1 rows read (%2, separated by %3).")
            .replace("%1", str(summary.rows))
            .replace("%2", self._encoding_name(summary.encoding))
            .replace("%3", self._delimiter_name(summary.delimiter)),
        ]
        if summary.kind == "deals":
            lines.append(self.tr("Would create %1 deals.").replace("%1", str(created["deals"])))
        lines.append(
            self.tr("Companies: %1 new, %2 existing matched.")
            .replace("%1", str(created["companies"]))
            .replace("%2", str(matched["companies"]))
        )
        lines.append(
            self.tr("Contacts: %1 new, %2 existing matched.")
            .replace("%1", str(created["contacts"]))
            .replace("%2", str(matched["contacts"]))
        )
        if summary.converted:
            lines.append(
                self.tr("%1 existing companies become customers (won deals).").replace(
                    "%1", str(summary.converted)
                )
            )
        if summary.unknown_columns:
            lines.append(
                self.tr("Not imported (unknown columns): %1").replace(
                    "%1", ", ".join(summary.unknown_columns)
                )
            )
        lines += map(translated, summary.notices)
        self.summary_label.setText("\n".join(lines))
        self._fill_preview(summary)
        self._fill_stages([(raw, ours, n) for raw, ours, n in summary.stages], known=True)
        self.problems_view.setPlainText(self.tr("No problems: the file can be imported."))
        self.tabs.setTabText(3, self.tr("Problems"))

    def _show_failure(self, failure: ImportFailed) -> None:
        lines = {p.line for p in failure.problems}
        # Two counts, each with its own plural form ("1 Problem", "5 Probleme").
        self.summary_label.setText(
            self.tr(
                "This file cannot be imported as it is: %1 on %2. "
                "Nothing will be imported until they are fixed."
            )
            .replace("%1", self.tr("%n problem(s)", "", len(failure.problems)))
            .replace("%2", self.tr("%n line(s)", "", len(lines)))
        )
        self.problems_view.setPlainText(problems_text(failure.problems))
        self.tabs.setTabText(3, self.tr("Problems (%1)").replace("%1", str(len(failure.problems))))
        self.preview_table.setRowCount(0)
        unknown = [(raw, "", len(rows)) for raw, rows in failure.unknown_stages.items()]
        mapped = [(raw, ours, 0) for raw, ours in self.stage_map.items()]
        self._fill_stages(unknown + mapped, known=False)
        self.tabs.setCurrentIndex(2 if failure.unknown_stages else 3)

    def _fill_preview(self, summary: ImportSummary) -> None:
        currency = self.services.currency()
        self.preview_table.setRowCount(len(summary.sample))
        new, matched = self.tr("new"), self.tr("existing")
        for r, item in enumerate(summary.sample):
            company = item.company
            if company:
                company += f" ({new if item.company_is_new else matched})"
            status = self._names.get(item.status, item.status)
            if summary.kind != "deals":
                status = matched if item.matched else new
            cells = [
                str(item.line),
                item.name,
                company,
                fmt.stage(item.stage),  # a default stage name in the user's language
                status,
                fmt.money(item.value_minor, currency) if summary.kind == "deals" else "",
            ]
            for c, text in enumerate(cells):
                cell = QTableWidgetItem(text)
                if c in (0, 5):  # line numbers and amounts line up on the right
                    cell.setTextAlignment(
                        Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                    )
                self.preview_table.setItem(r, c, cell)

    def _fill_columns(self, columns) -> None:
        """One row per named column of the file: a combo of our fields, and a sample value."""
        labels = self.field_labels(self.kind())
        self.columns_table.setRowCount(len(columns))
        for r, (header, name, sample) in enumerate(columns):
            self.columns_table.setItem(r, 0, QTableWidgetItem(header))
            combo = QComboBox()
            combo.addItem(self.tr("(ignore)"), "")
            for field_name, label in labels.items():
                combo.addItem(label, field_name)
            # Fields recognised but never imported (the other CRM's ids) show as ignored.
            combo.setCurrentIndex(max(combo.findData(name), 0) if name else 0)
            combo.currentIndexChanged.connect(
                lambda _i, header=header, combo=combo: self.map_column(header, combo.currentData())
            )
            self.columns_table.setCellWidget(r, 1, combo)
            sample = " ".join(sample.split())
            if len(sample) > SAMPLE_CHARS:
                sample = sample[: SAMPLE_CHARS - 1] + "…"
            self.columns_table.setItem(r, 2, QTableWidgetItem(sample))

    def field_labels(self, kind: str) -> dict[str, str]:
        """Our fields a column of a `kind` file may be imported as → their labels."""
        if kind == "deals":
            return {
                "title": self.tr("Title"),
                "value": self.tr("Value"),
                "currency": self.tr("Currency"),
                "company": self.tr("Company"),
                "contact": self.tr("Contact"),
                "stage": self.tr("Stage"),
                "status": self.tr("Status (open, won, lost)"),
                "expected_close": self.tr("Expected close date"),
                "created": self.tr("Created on"),
                "closed": self.tr("Closed on"),
                "probability": self.tr("Probability"),
                "lost_reason": self.tr("Lost reason"),
                "pipeline": self.tr("Pipeline"),
                "tags": self.tr("Tags"),
                "notes": self.tr("Notes"),
            }
        if kind == "companies":
            return {
                "name": self.tr("Name"),
                "group": self.tr("Group"),
                "funnel_stage": self.tr("Funnel stage"),
                "source": self.tr("Source"),
                "entered_on": self.tr("Date entered"),
                "tags": self.tr("Tags"),
                "notes": self.tr("Notes"),
            }
        return {
            "name": self.tr("Name"),
            "first_name": self.tr("First name"),
            "last_name": self.tr("Last name"),
            "email": self.tr("Email"),
            "phone": self.tr("Phone"),
            "role": self.tr("Role"),
            "company": self.tr("Company"),
        }

    def map_column(self, header: str, field_name: str | None) -> None:
        """Import the file's column `header` as our field `field_name` ("" or None: ignore it)."""
        self.column_map[header] = field_name or None
        self.refresh_preview()

    def column_combo(self, header: str) -> QComboBox | None:
        """The combo choosing the field of the file's column `header`."""
        return _combo_of(self.columns_table, header)

    def _fill_stages(self, stages, *, known: bool) -> None:
        """One row per stage value of the file, each with a combo of our stages to map it to."""
        ours = importer.known_stages(self.services, self.kind())
        self.stages_table.setRowCount(len(stages))
        for r, (raw, matched, count) in enumerate(stages):
            self.stages_table.setItem(r, 0, QTableWidgetItem(raw or self.tr("(empty)")))
            combo = QComboBox()
            combo.addItem(self.tr("— choose a stage —"), "")
            for name in ours:
                combo.addItem(fmt.stage(name), name)
            chosen = self.stage_map.get(raw) or matched
            index = combo.findData(chosen) if chosen else 0
            combo.setCurrentIndex(max(index, 0))
            combo.setEnabled(bool(raw))
            combo.currentIndexChanged.connect(
                lambda _i, raw=raw, combo=combo: self.map_stage(raw, combo.currentData())
            )
            self.stages_table.setCellWidget(r, 1, combo)
            self.stages_table.setItem(r, 2, QTableWidgetItem(str(count) if count else ""))

    def map_stage(self, theirs: str, ours: str) -> None:
        """Import the file's stage `theirs` as our stage `ours` ("" removes the mapping)."""
        if ours:
            self.stage_map[theirs] = ours
        else:
            self.stage_map.pop(theirs, None)
        self.refresh_preview()

    def stage_combo(self, theirs: str) -> QComboBox | None:
        """The combo choosing our stage for the file's stage `theirs`."""
        return _combo_of(self.stages_table, theirs)

    # ---- importing -----------------------------------------------------------------------
    def start_import(self) -> None:
        data = self._read()
        if data is None or self.summary is None or self.running():
            return
        self.import_button.setEnabled(False)
        self.summary_label.setText(self.tr("Importing…"))
        kind, stage_map, columns = self.kind(), dict(self.stage_map), dict(self.column_map)

        def job(progress, cancelled):
            return importer.import_csv(
                self.services,
                data,
                kind,
                stage_map,
                progress=progress,
                cancelled=cancelled,
                announce=False,
                columns=columns,
            )

        self._start(job, self._import_finished)

    def _import_finished(self, outcome: str, payload) -> None:
        if outcome == "done":
            importer.announce_import(self.services, payload)  # on the UI thread
            self.imported.emit(payload)
            self.accept()
            return
        if outcome == "failed":  # the database changed since the preview
            self.summary, self.failure = None, payload
            self._show_failure(payload)
        elif outcome == "cancelled":
            self.summary_label.setText(self.tr("Import cancelled: nothing was imported."))
            self.import_button.setEnabled(self.summary is not None)
        else:
            self.summary_label.setText(self.tr("The import failed: nothing was imported."))
            self.import_button.setEnabled(self.summary is not None)

    # ---- the worker ----------------------------------------------------------------------
    def _start(self, job, on_finished) -> None:
        worker = _Worker(self.services, job, self)
        # Bound methods of this dialog: the worker thread's signals are queued to the UI thread.
        worker.progressed.connect(self._progressed)
        worker.finished.connect(self._finished)
        self.worker = worker
        self._on_finished = on_finished
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.setText(self.tr("Stop"))
        worker.start()

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setValue(int(100 * done / total) if total else 0)

    def _finished(self, outcome: str, payload) -> None:
        if self.worker is not None:
            self.worker.thread.join()
        self.worker = None
        self.progress.hide()
        self.cancel_button.setText(self.tr("Cancel"))
        if self._pending_preview:
            self._pending_preview = False
            self.refresh_preview()
            return
        self._on_finished(outcome, payload)

    def cancel(self) -> None:
        """Stop a running preview or import (nothing is imported), else close the dialog."""
        if self.running():
            self._pending_preview = False
            self.worker.cancel()
            return
        self.reject()

    def done(self, result: int) -> None:
        # Closing while the worker runs: stop it and wait, the transaction rolls back.
        if self.worker is not None:
            self.worker.cancel()
            self.worker.thread.join()
            self.worker = None
        super().done(result)

    def _show_message(self, text: str) -> None:
        self.summary_label.setText(text)
        self.import_button.setEnabled(False)

    def _encoding_name(self, encoding: str) -> str:
        return {
            "utf-8-sig": self.tr("UTF-8 with BOM"),
            "utf-8": self.tr("UTF-8"),
            "utf-16": self.tr("UTF-16"),
            "cp1252": self.tr("Windows-1252"),
        }.get(encoding, encoding)

    def _delimiter_name(self, delimiter: str) -> str:
        return {
            ",": self.tr("commas"),
            ";": self.tr("semicolons"),
            "\t": self.tr("tabs"),
        }[delimiter]


def run_import_dialog(parent: QWidget | None, services: Services) -> ImportSummary | None:
    """File → Import…: the modal dialog; the summary of what was imported, or None."""
    dialog = ImportDialog(services, parent)
    result: list[ImportSummary] = []
    dialog.imported.connect(result.append)
    QTimer.singleShot(0, dialog.choose_file)
    dialog.exec()
    return result[0] if result else None


def _combo_of(table: QTableWidget, text: str) -> QComboBox | None:
    """The combo in column 1 of the row whose first cell reads `text`."""
    for r in range(table.rowCount()):
        if table.item(r, 0).text() == text:
            return table.cellWidget(r, 1)
    return None
