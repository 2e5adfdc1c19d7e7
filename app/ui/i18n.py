"""Loading translations: our .qm files and Qt's own (so standard buttons say "Abbrechen")."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator

TRANSLATIONS = Path(__file__).resolve().parents[2] / "resources" / "translations"
LANGUAGES = ("de", "en")
_installed: list[QTranslator] = []


class SharedContextTranslator(QTranslator):
    """Looks a string up in its class's context, then in the shared context "".

    pyside6-lupdate cannot tell the context of a module's own `tr()` helper or of
    `parent.tr(...)`; resources/translations/update.py files those strings under "".
    """

    def translate(self, context, source_text, disambiguation=None, n=-1):
        text = super().translate(context, source_text, disambiguation, n)
        if not text and context:
            text = super().translate("", source_text, disambiguation, n)
        # None, not "": Qt takes an empty but non-null string for a found translation.
        return text or None


def remove_translators(app) -> None:
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()


def install_translators(app, lang: str | None) -> None:
    """Install German or English; without a choice, the system language decides.

    English is the source language, but its catalogue is loaded under any other language
    too: it holds the plural forms ("1 deal", "2 deals") for the "%n deal(s)" sources.
    """
    remove_translators(app)
    locale = QLocale(lang) if lang else QLocale.system()
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    wanted = [("dealboard", locale, str(TRANSLATIONS))]
    if locale.language() != QLocale.Language.German:
        wanted = [("dealboard", QLocale(QLocale.Language.English), str(TRANSLATIONS))]
    wanted.append(("qtbase", locale, qt_dir))
    for name, loc, folder in wanted:
        translator = SharedContextTranslator(app)
        if translator.load(loc, name, "_", folder):
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
