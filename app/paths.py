"""Where Dealboard keeps its files: the per-user data directory from QStandardPaths.

QStandardPaths (QtCore only, no GUI) over platformdirs: Qt is a dependency anyway, and the
GUI's QSettings then live beside the data under the same application name on every platform.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

from app import APP_NAME


def data_dir() -> Path:
    if not QCoreApplication.applicationName() or QCoreApplication.applicationName() == "python":
        QCoreApplication.setApplicationName(APP_NAME)
        QCoreApplication.setOrganizationName(APP_NAME)
    location = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
    path = Path(location)
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    return path


def default_db_path() -> Path:
    return data_dir() / "dealboard.sqlite"


def demo_db_path() -> Path:
    return data_dir() / "demo.sqlite"


def log_path() -> Path:
    return data_dir() / "dealboard.log"
