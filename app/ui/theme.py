"""Light, dark or system colours: a Fusion palette, so every widget paints from one palette."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("system", "light", "dark")


def dark_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#2b2d31",
        QPalette.ColorRole.WindowText: "#e8e8e8",
        QPalette.ColorRole.Base: "#1f2023",
        QPalette.ColorRole.AlternateBase: "#34363b",
        QPalette.ColorRole.Text: "#e8e8e8",
        QPalette.ColorRole.Button: "#35373c",
        QPalette.ColorRole.ButtonText: "#e8e8e8",
        QPalette.ColorRole.Highlight: "#4d8fe0",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.ToolTipBase: "#34363b",
        QPalette.ColorRole.ToolTipText: "#e8e8e8",
        QPalette.ColorRole.PlaceholderText: "#9a9a9a",
        QPalette.ColorRole.Mid: "#55585e",
        QPalette.ColorRole.Dark: "#151618",
        QPalette.ColorRole.Light: "#4a4d53",
        QPalette.ColorRole.Link: "#7fb2f0",
        QPalette.ColorRole.BrightText: "#ff6b6b",
    }
    for role, color in roles.items():
        p.setColor(role, QColor(color))
    for role in (
        QPalette.ColorRole.Text,
        QPalette.ColorRole.ButtonText,
        QPalette.ColorRole.WindowText,
    ):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a7a"))
    return p


def light_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#f3f4f6",
        QPalette.ColorRole.WindowText: "#1b1c1e",
        QPalette.ColorRole.Base: "#ffffff",
        QPalette.ColorRole.AlternateBase: "#eceef1",
        QPalette.ColorRole.Text: "#1b1c1e",
        QPalette.ColorRole.Button: "#e9eaee",
        QPalette.ColorRole.ButtonText: "#1b1c1e",
        QPalette.ColorRole.Highlight: "#2f6fd0",
        QPalette.ColorRole.HighlightedText: "#ffffff",
        QPalette.ColorRole.Mid: "#b8bcc4",
        QPalette.ColorRole.PlaceholderText: "#70747c",
        QPalette.ColorRole.Link: "#1f5fbf",
    }
    for role, color in roles.items():
        p.setColor(role, QColor(color))
    return p


def system_is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def apply_theme(app: QApplication, theme: str) -> None:
    """Fusion everywhere: the same look on every platform, and palettes apply fully."""
    app.setStyle("Fusion")
    dark = theme == "dark" or (theme == "system" and system_is_dark())
    app.setPalette(dark_palette() if dark else light_palette())


def follow_system_scheme(app: QApplication, settings) -> None:
    """While the theme is "system", repaint when the desktop switches light/dark.

    Qt stops following the desktop once an application sets its own palette, as
    apply_theme does, so the switch is forwarded here.
    """

    def scheme_changed(_scheme) -> None:
        if (settings.value("theme", "system") or "system") == "system":
            apply_theme(app, "system")

    QGuiApplication.styleHints().colorSchemeChanged.connect(scheme_changed)


# ---- colours painted by the app's own widgets, from the palette (light or dark) --------------
def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def warning_color(palette: QPalette) -> QColor:
    """A red (overdue, errors) that stays readable on the palette's base colour."""
    return QColor("#ff6b6b") if is_dark(palette) else QColor("#c62828")


def accent_color(palette: QPalette) -> QColor:
    """An amber (due today, rotting) that stays readable on the palette's base colour."""
    return QColor("#ffb74d") if is_dark(palette) else QColor("#b26a00")


def mix(a: QColor, b: QColor, t: float) -> QColor:
    """a blended towards b by t (0 = a, 1 = b): a shade that follows the palette."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )
