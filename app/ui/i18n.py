"""Loading translations: our .qm files and Qt's own (so standard buttons say "Abbrechen")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
LANGUAGES = ("de", "en")
_installed: list[QTranslator] = []


def install_translators(app, lang: str | None) -> None:
    """Install German or English; without a choice, the system language decides."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    locale = QLocale(lang) if lang else QLocale.system()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    # A PyInstaller bundle keeps Qt's catalogues in the bundle, where QLibraryInfo also points.
    for name, folder in (("dealboard", str(TRANSLATIONS)), ("qtbase", qt_dir)):
        translator = QTranslator(app)
        if translator.load(locale, name, "_", folder):
            app.installTranslator(translator)
            _installed.append(translator)


def set_locale(lang: str | None) -> None:
    """Money and dates follow the chosen language; without one, the system's locale."""
    if lang == "de":
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    elif lang == "en":
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    else:
        QLocale.setDefault(QLocale.system())


def apply_language(app, lang: str | None) -> None:
    """Locale and translators together: what a language switch in Settings does."""
    set_locale(lang or None)
    install_translators(app, lang or None)


def chosen_language(cli_lang: str | None, settings) -> str | None:
    """`--lang` wins over the language kept in Settings; neither means the system's."""
    lang = cli_lang or settings.value("language", "") or None
    return lang if lang in LANGUAGES else None
