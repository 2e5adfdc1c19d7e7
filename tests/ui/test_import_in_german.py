"""The import dialog tells a German user what is wrong with a file in German: each problem
with its line, column and the file's value as written, the notices, the count of more."""

from __future__ import annotations

import pytest

from app.services import importer
from app.ui.dialogs.import_dialog import ImportDialog
from app.ui.errors import describe, problems_text

pytestmark = pytest.mark.gui

BAD_DEALS = (
    "Titel;Wert;Phase;Voraussichtliches Abschlussdatum;Firma\r\n"
    "Rahmen;12,3x;Angebot;31.03.2026;Müller GmbH\r\n"
    "Fenster;1.200;Irgendwo;31.02.2026;Müller GmbH\r\n"
    ";5;Angebot;;Süd AG\r\n"
    "Großauftrag;1.234.567.890.123;Angebot;;Süd AG\r\n"
).encode("cp1252")  # as German Excel saves it


def _preview(qtbot, services, path) -> ImportDialog:
    dialog = ImportDialog(services)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.previewed, timeout=20_000):
        dialog.path_edit.setText(str(path))
        dialog.path_edit.editingFinished.emit()
    return dialog


def test_problems_are_shown_in_german_with_line_column_and_value(
    qtbot, services, tmp_path, language
):
    language("de")
    path = tmp_path / "deals.csv"
    path.write_bytes(BAD_DEALS)
    dialog = _preview(qtbot, services, path)

    assert dialog.failure is not None and not dialog.import_button.isEnabled()
    assert dialog.summary_label.text().startswith(
        "Diese Datei kann so nicht importiert werden: 5 Probleme in 4 Zeilen."
    )
    assert dialog.tabs.tabText(3) == "Probleme (5)"
    assert dialog.problems_view.toPlainText().splitlines() == [
        "Zeile 2, Spalte „Wert“: Wert muss ein Betrag wie 1.234,56 sein (in der Datei: „12,3x“)",
        "Zeile 3, Spalte „Voraussichtliches Abschlussdatum“: Das Datum „31.02.2026“ gibt es "
        "nicht (diesen Tag hat der Monat nicht); schreiben Sie Daten als 31.12.2026, "
        "2026-12-31 oder, mit dem Monat zuerst, 12/31/2026",
        "Zeile 3, Spalte „Phase“: Die Phase „Irgendwo“ gibt es bei uns nicht; die Pipeline "
        "„Vertrieb“ kennt Qualifikation, Treffen, Angebot, Abschluss (und Closed Won, Closed "
        "Lost für den Status)",
        "Zeile 4, Spalte „Titel“: Titel darf nicht leer sein",
        "Zeile 5, Spalte „Wert“: Wert ist zu hoch: höchstens 99.999.999.999,99 (in der Datei: "
        "„1.234.567.890.123“)",
    ]
    # The command line and the log keep the English text.
    assert str(dialog.failure).splitlines()[0] == (
        'line 2, column "Wert": Value must be an amount such as 1.234,56 (got "12,3x")'
    )


def test_notices_are_shown_in_german(qtbot, services, tmp_path, language):
    language("de")
    path = tmp_path / "deals.csv"
    path.write_bytes(b"title;pipeline;value\nRahmen;Elsewhere;5\nFenster;Elsewhere;7\n")
    dialog = _preview(qtbot, services, path)
    assert dialog.summary is not None
    assert dialog.summary_label.text().splitlines()[-1] == (
        "Die Pipeline „Elsewhere“ gibt es bei uns nicht (vorhanden: „Vertrieb“); ihre Deals "
        "kommen in „Vertrieb“"
    )

    path = tmp_path / "companies.csv"
    path.write_bytes("Firma;Branche\nMüller GmbH;Bau\nmüller gmbh;Bau\n".encode())
    dialog = _preview(qtbot, services, path)
    assert dialog.kind() == "companies"
    assert dialog.summary_label.text().splitlines()[-1] == (
        "Zeile 3 wiederholt die Firma aus Zeile 2; sie wird nur einmal importiert"
    )


def test_a_long_list_ends_with_how_many_more_and_english_is_the_cli_text(
    qtbot, services, tmp_path, language
):
    path = tmp_path / "deals.csv"
    path.write_bytes(("title;status\n" + "".join(f"D{i};gelöscht\n" for i in range(60))).encode())
    language("de")
    dialog = _preview(qtbot, services, path)
    lines = dialog.problems_view.toPlainText().splitlines()
    assert len(lines) == 51 and lines[-1] == "… und 10 weitere"
    assert lines[0] == (
        "Zeile 2, Spalte „status“: Status muss offen, gewonnen oder verloren sein "
        "(in der Datei: „gelöscht“)"
    )
    language("en")
    dialog = _preview(qtbot, services, path)
    assert dialog.problems_view.toPlainText() == str(dialog.failure)


def test_an_unreadable_file_is_described_in_german(services, language):
    language("de")
    with pytest.raises(importer.ImportFailed) as info:
        importer.preview(services, b"title\nA\x81\x81\n", "deals")
    told = "Zeile 2: Das Byte 0x81 an Position 7 ist kein gültiger Text in UTF-8 oder Windows-1252"
    assert describe(info.value).startswith(told)
    assert problems_text(info.value.problems) == describe(info.value)


@pytest.mark.parametrize(
    ("lang", "wanted"),
    [
        ("de", "Diese Datei kann so nicht importiert werden: 1 Problem in 1 Zeile."),
        ("en", "This file cannot be imported as it is: 1 problem on 1 line."),
    ],
)
def test_one_problem_is_counted_in_the_singular(qtbot, services, tmp_path, language, lang, wanted):
    language(lang)
    path = tmp_path / "deals.csv"
    path.write_bytes("Titel;Wert\r\nRahmen;12,3x\r\n".encode("cp1252"))
    dialog = _preview(qtbot, services, path)
    assert dialog.summary_label.text().startswith(wanted)
