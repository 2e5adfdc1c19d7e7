"""The import dialog's preview, column and stage mapping, import and cancel; the export dialog."""

from __future__ import annotations

import pytest

from app.services import Services
from app.storage.models import Company, Deal
from app.ui.dialogs.export_dialog import ExportDialog
from app.ui.dialogs.import_dialog import ImportDialog

pytestmark = pytest.mark.gui

HUBSPOT = (
    "\ufeffDeal Name;Deal Stage;Amount;Associated Company;Create Date;Deal Score\r\n"
    "Müller Rahmen;Appointment Scheduled;1.234,50;Müller GmbH;01.03.2026;7\r\n"
    '"Süd; Großauftrag";Closed Won;12.000;Süd AG;2026-02-01;9\r\n'
    "Bestand;Angebot;5;bestand kg;;\r\n"
).encode()


@pytest.fixture
def services(tmp_path):
    s = Services.open(tmp_path / "gui.sqlite")
    s.companies.create("Bestand KG")
    yield s
    s.close()


def test_preview_maps_a_stage_then_imports(qtbot, services, tmp_path):
    path = tmp_path / "hubspot.csv"
    path.write_bytes(HUBSPOT)
    dialog = _open_and_wait(qtbot, services, path)

    # The unknown HubSpot stage stops the preview: nothing can be imported yet.
    assert dialog.kind() == "deals"  # guessed from the header
    assert dialog.failure is not None and not dialog.import_button.isEnabled()
    assert dialog.failure.unknown_stages == {"Appointment Scheduled": [2]}
    assert "line 2" in dialog.problems_view.toPlainText()
    combo = dialog.stage_combo("Appointment Scheduled")
    assert combo is not None and combo.currentData() == ""

    # Mapping it in the stages table runs the preview again, which now succeeds.
    with qtbot.waitSignal(dialog.previewed, timeout=20_000):
        combo.setCurrentIndex(combo.findData("Meeting"))
    assert dialog.summary is not None and dialog.import_button.isEnabled()
    assert dialog.summary.created["deals"] == 3
    assert dialog.summary.matched["companies"] == 1 and dialog.summary.created["companies"] == 2
    table = dialog.preview_table
    assert table.rowCount() == 3
    assert [table.item(r, 1).text() for r in range(3)] == [
        "Müller Rahmen",
        "Süd; Großauftrag",
        "Bestand",
    ]
    assert [table.item(r, 3).text() for r in range(3)] == ["Meeting", "Close", "Proposal"]
    assert "Deal Score" in dialog.summary_label.text()
    columns = dialog.columns_table
    headers = [columns.item(r, 0).text() for r in range(columns.rowCount())]
    assert headers[:2] == ["Deal Name", "Deal Stage"]
    assert Deal.select().count() == 0  # the preview wrote nothing

    changes = []
    services.changed.connect(changes.append)
    with qtbot.waitSignal(dialog.imported, timeout=20_000) as blocker:
        dialog.import_button.click()
    summary = blocker.args[0]
    assert summary.created["deals"] == 3 and not summary.dry_run
    assert [c.kind for c in changes] == ["all"]
    assert Deal.get(Deal.title == "Müller Rahmen").stage.name == "Meeting"
    assert Deal.get(Deal.title == "Süd; Großauftrag").status == "won"
    assert Company.select().count() == 3
    assert not dialog.isVisible() and dialog.result() == ImportDialog.DialogCode.Accepted


def _open_and_wait(qtbot, services, path) -> ImportDialog:
    dialog = ImportDialog(services)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.previewed, timeout=20_000):
        dialog.path_edit.setText(str(path))
        dialog._file_changed()
    return dialog


def test_choosing_a_column_in_the_columns_table_then_importing(qtbot, services, tmp_path):
    path = tmp_path / "projekte.csv"
    path.write_bytes(
        "Projektname;Auftragssumme;company;Intern\nRahmenvertrag Süd;1.234,50;Müller GmbH;x\n"
        "Wartung;990;;y\n".encode()
    )
    dialog = _open_and_wait(qtbot, services, path)

    # No column is recognised as the title: nothing can be imported, but every column is
    # listed with a sample value and a choice of our fields.
    assert dialog.failure is not None and not dialog.import_button.isEnabled()
    assert "No column for the deal title" in dialog.problems_view.toPlainText()
    columns = dialog.columns_table
    assert [columns.item(r, 2).text() for r in range(columns.rowCount())] == [
        "Rahmenvertrag Süd",
        "1.234,50",
        "Müller GmbH",
        "x",
    ]
    assert dialog.column_combo("company").currentData() == "company"
    combo = dialog.column_combo("Projektname")
    assert combo.currentData() == "" and combo.itemText(0) == "(ignore)"
    assert combo.itemText(combo.findData("title")) == "Title"

    with qtbot.waitSignal(dialog.previewed, timeout=20_000):
        combo.setCurrentIndex(combo.findData("title"))
    assert dialog.summary is not None and dialog.import_button.isEnabled()
    assert [dialog.preview_table.item(r, 1).text() for r in range(2)] == [
        "Rahmenvertrag Süd",
        "Wartung",
    ]
    assert dialog.column_combo("Projektname").currentData() == "title"
    with qtbot.waitSignal(dialog.previewed, timeout=20_000):
        amount = dialog.column_combo("Auftragssumme")
        amount.setCurrentIndex(amount.findData("value"))
    with qtbot.waitSignal(dialog.previewed, timeout=20_000):
        dialog.column_combo("company").setCurrentIndex(0)  # (ignore)
    assert dialog.summary.created == {"deals": 2, "companies": 0, "contacts": 0, "tags": 0}

    with qtbot.waitSignal(dialog.imported, timeout=20_000):
        dialog.import_button.click()
    qtbot.waitUntil(lambda: not dialog.running(), timeout=20_000)
    rows = Deal.select(Deal.title, Deal.value_minor, Deal.company).order_by(Deal.title).tuples()
    assert list(rows) == [("Rahmenvertrag Süd", 123450, None), ("Wartung", 99000, None)]
    assert Company.select().count() == 1  # only the fixture's


def test_every_field_of_a_kind_has_a_label_in_the_columns_table(qtbot, services):
    from app.importing.csvformat import KIND_FIELDS

    dialog = ImportDialog(services)
    qtbot.addWidget(dialog)
    for kind, fields in KIND_FIELDS.items():
        # The other CRM's record ids and owners are recognised, never imported.
        assert set(dialog.field_labels(kind)) == set(fields) - {"id", "owner"}


def test_bad_file_lists_every_problem_and_cannot_be_imported(qtbot, services, tmp_path):
    path = tmp_path / "bad.csv"
    path.write_bytes(b"title;value\nA;1\nB;x\n;2\nD;-4\n")
    dialog = _open_and_wait(qtbot, services, path)
    assert dialog.summary is None and not dialog.import_button.isEnabled()
    text = dialog.problems_view.toPlainText()
    for line in ("line 3", "line 4", "line 5"):
        assert line in text
    assert dialog.tabs.currentIndex() == 3
    assert Deal.select().count() == 0


def test_cancelling_an_import_imports_nothing(qtbot, services, tmp_path, monkeypatch):
    from app.services import importer

    monkeypatch.setattr(importer, "BATCH_ROWS", 50)
    path = tmp_path / "many.csv"
    path.write_bytes(
        ("title;company\n" + "".join(f"Deal {i};Firma {i % 40}\n" for i in range(3000))).encode()
    )
    dialog = _open_and_wait(qtbot, services, path)
    assert dialog.import_button.isEnabled()
    # Cancel as soon as the import reports its first progress.
    dialog.import_button.click()
    assert dialog.running()
    dialog.cancel()
    qtbot.waitUntil(lambda: not dialog.running(), timeout=20_000)
    assert Deal.select().count() == 0
    assert "nothing was imported" in dialog.summary_label.text()
    assert dialog.import_button.isEnabled()


def test_export_dialog_writes_the_chosen_kind(qtbot, services, tmp_path):
    services.deals.create("Export mich", value_minor=12345)
    dialog = ExportDialog(services, kind="deals")
    qtbot.addWidget(dialog)
    target = tmp_path / "out.csv"
    dialog.path_edit.setText(str(target))
    dialog.delimiter_combo.setCurrentIndex(dialog.delimiter_combo.findData(";"))
    assert dialog.export()
    assert dialog.exported_count == 1
    assert "Export mich;123,45;EUR" in target.read_text("utf-8-sig")

    dialog = ExportDialog(services, kind="next-actions")
    qtbot.addWidget(dialog)
    assert not dialog.delimiter_combo.isEnabled()
    dialog.path_edit.setText(str(tmp_path / "no-such-folder" / "x.ics"))
    assert not dialog.export()
    assert "Nothing was exported" in dialog.message.text()
