"""File → Export report…: ask for a file name and language, write the PDF, report failures."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QLocale, QSettings
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget

from app.domain.periods import Period
from app.services import Services

SETTINGS_KEY = "reports/export_folder"


def interface_lang() -> str:
    return "de" if QLocale().language() == QLocale.Language.German else "en"


def suggested_name(kind: str, period: Period) -> str:
    return f"dealboard-{kind}-{period.start.isoformat()}-{period.end.isoformat()}.pdf"


def export_report(
    parent: QWidget,
    services: Services,
    kind: str,
    pipeline_id: int,
    period: Period,
    lang: str | None = None,
    path: Path | None = None,
) -> Path | None:
    """Write the report; without `path`, ask for one. Returns the file written, or None."""
    from app.export.pdf import ExportError, export
    from app.ui.errors import exception_text

    if path is None:
        settings = QSettings()
        folder = Path(settings.value(SETTINGS_KEY, str(Path.home())))
        chosen, _ = QFileDialog.getSaveFileName(
            parent,
            parent.tr("Export report"),
            str(folder / suggested_name(kind, period)),
            parent.tr("PDF files (*.pdf)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        settings.setValue(SETTINGS_KEY, str(path.parent))
    QApplication.setOverrideCursor(parent.cursor())
    try:
        export(
            path,
            services,
            kind,
            pipeline_id=pipeline_id,
            period=period,
            lang=lang or interface_lang(),
            today=dt.date.today(),
        )
    except ExportError as exc:
        QApplication.restoreOverrideCursor()
        QMessageBox.warning(parent, parent.tr("Export report"), exception_text(exc))
        return None
    QApplication.restoreOverrideCursor()
    return path


__all__ = ["export_report", "interface_lang", "suggested_name"]
