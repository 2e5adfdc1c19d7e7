"""`screenshot` command: render a view with the real widgets offscreen and save a PNG."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from app.cli import (
    BadInput,
    cannot_write,
    check_output,
    offscreen_without_display,
    open_services,
)

VIEWS = ["board", "funnel", "companies", "reports"]


def size(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"(\d{3,5})x(\d{3,5})", text)
    if not match:
        raise argparse.ArgumentTypeError(f'"{text}" is not a size such as 1400x900')
    return int(match[1]), int(match[2])


def register(sub) -> None:
    p = sub.add_parser("screenshot", help="save a PNG of a view")
    p.add_argument("--db", type=Path, required=True, dest="db_file")
    p.add_argument("--view", choices=VIEWS, default="board")
    p.add_argument("--lang", choices=["de", "en"], default="en")
    p.add_argument("--theme", choices=["light", "dark"], default="light")
    p.add_argument("--size", type=size, default=(1400, 900))
    p.add_argument("-o", "--output", type=Path, required=True)
    p.set_defaults(handler=run)


def ensure_gui_app():
    """A QApplication for headless rendering: offscreen when there is no display."""
    offscreen_without_display()
    from app.ui.application import make_qapp

    return make_qapp()


def render(services, view: str, lang: str, theme: str, width: int, height: int):
    """The main window as a user would see it, grabbed into a QPixmap."""
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QUndoStack

    from app.ui.main_window import MainWindow
    from app.ui.theme import apply_theme
    from app.ui.views import add_views

    app = ensure_gui_app()
    from app.ui.i18n import apply_language

    apply_language(app, lang)
    apply_theme(app, theme)
    settings = QSettings(
        str(Path(services.path).with_suffix(".screenshot.ini")), QSettings.Format.IniFormat
    )
    window = MainWindow(services, QUndoStack(), settings)
    add_views(window)
    if view not in window.views:
        raise BadInput(f"--view {view}: this view is not available yet.")
    window.show_view(view)
    window.resize(width, height)
    window.show()
    for _ in range(5):
        app.processEvents()
    pixmap = window.grab()
    window.close()
    Path(settings.fileName()).unlink(missing_ok=True)
    return pixmap


def run(args: argparse.Namespace) -> int:
    check_output(args.output)
    services = open_services(args.db_file)
    try:
        pixmap = render(services, args.view, args.lang, args.theme, *args.size)
        from PySide6.QtCore import QBuffer, QIODevice

        from app.storage.files import atomic_write_bytes

        buffer = QBuffer()
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        pixmap.save(buffer, "PNG")
        try:
            atomic_write_bytes(args.output, bytes(buffer.data()))
        except OSError as exc:
            raise cannot_write(args.output, exc) from exc
    finally:
        services.close()
    return 0
