"""The trash dialog on a real database: restore a selection in one go, empty after asking."""

from app.ui.dialogs.trash import TrashDialog


def test_restore_selected_brings_back_every_selected_item(qtbot, services):
    company = services.companies.create("ACME")
    deals = [services.deals.create(f"Deal {i}", company_id=company) for i in range(3)]
    services.deals.delete(deals)
    services.companies.delete([company])
    dialog = TrashDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.table.rowCount() == 4
    dialog.table.selectAll()
    changes = []
    services.changed.connect(changes.append)
    dialog.restore_selected()
    assert dialog.table.rowCount() == 0 and services.trash.items() == []
    assert len(changes) == 1  # one write, announced once
    assert services.reports.pipeline(1)["total"]["count"] == 3
    services.deals.delete(deals[:1])
    dialog.reload()
    dialog.empty(confirmed=True)
    assert services.trash.items() == [] and dialog.table.rowCount() == 0
