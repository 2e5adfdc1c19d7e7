"""Spend dialog validation and the playbook dialog writing a stage's actions that then work."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from app.storage.models import Activity, Spend
from app.ui.dialogs.playbook import PlaybookDialog
from app.ui.dialogs.spend import SpendDialog

MONTH = dt.date(2026, 3, 1)


@pytest.fixture
def spend(qtbot, services):
    dialog = SpendDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


@pytest.mark.parametrize(
    ("channel", "text", "message"),
    [
        ("", "100", "Enter the channel"),
        ("LinkedIn", "", "Enter an amount"),
        ("LinkedIn", "12abc", '"12abc" is not an amount'),
        ("LinkedIn", "1,2,3", '"1,2,3" is not an amount'),
        ("LinkedIn", "12.345,678", "is not an amount"),
        ("LinkedIn", "-50", "cannot be negative"),
        ("LinkedIn", "9999999999", "please check the amount"),
    ],
)
def test_spend_rejects_bad_input_with_a_specific_message(spend, channel, text, message):
    assert not spend.submit(channel, MONTH, text)
    assert message in spend.error_text()
    assert Spend.select().count() == 0


def test_spend_accepts_both_notations_and_corrects_an_entry(spend, services):
    assert spend.submit("LinkedIn", dt.date(2026, 3, 17), "1.234,56")
    assert spend.error_text() == ""
    assert services.catalog.spend() == [("LinkedIn", MONTH, 123456)]
    assert spend.submit("LinkedIn", MONTH, "€2,000.50")  # the same month again: corrected
    assert services.catalog.spend() == [("LinkedIn", MONTH, 200050)]
    assert spend.model.rowCount() == 1


def test_spend_through_the_form(spend, services, qtmodeltester):
    spend.channel.setEditText("Webinar")
    spend.amount.setText("abc")
    QTest.mouseClick(spend.save_button, Qt.MouseButton.LeftButton)
    assert "is not an amount" in spend.error_text()
    spend.amount.setText("300")
    QTest.keyClick(spend.amount, Qt.Key.Key_Return)
    assert spend.error_text() == ""
    assert [c for c, _, _ in services.catalog.spend()] == ["Webinar"]
    qtmodeltester.check(spend.model)


def test_playbook_dialog_writes_actions_that_run_once_per_deal(qtbot, services, qtmodeltester):
    qualification, meeting, proposal, _close = [s for s, *_ in services.stages.pipeline_stages(1)]
    dialog = PlaybookDialog(services, proposal)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.stage_id == proposal and dialog.model.rowCount() == 0
    assert dialog.empty_hint.isVisible()
    dialog.model.add("Send offer", 0)
    dialog.model.add("Follow up", 3)
    row = dialog.model.add("Typo", 1)
    dialog.model.remove(row)
    assert dialog.model.move(1, -1) == 0  # Follow up first ...
    assert dialog.model.move(0, 1) == 1  # ... and back
    # Editing in place: text and days (a negative day count is refused by the model).
    days = dialog.model.index(1, 1)
    assert not dialog.model.setData(days, -1)
    assert dialog.model.setData(days, 4)
    qtmodeltester.check(dialog.model)
    assert dialog.save()
    assert [(t, d) for _, t, d in services.stages.playbook(proposal)] == [
        ("Send offer", 0),
        ("Follow up", 4),
    ]

    deal = services.deals.create("Website", stage_id=qualification)
    services.deals.move([deal], proposal)
    today = dt.date.today()
    planned = list(
        Activity.select(Activity.subject, Activity.due_on)
        .where(Activity.deal == deal)
        .order_by(Activity.id)
        .tuples()
    )
    assert planned == [("Send offer", today), ("Follow up", today + dt.timedelta(days=4))]
    services.deals.move([deal], meeting)
    services.deals.move([deal], proposal)  # back and forth: not created again
    assert Activity.select().where(Activity.deal == deal).count() == 2


def test_playbook_dialog_refuses_empty_and_duplicate_texts(qtbot, services):
    stage = services.stages.pipeline_stages(1)[0][0]
    dialog = PlaybookDialog(services, stage)
    qtbot.addWidget(dialog)
    dialog.model.add("", 0)
    assert not dialog.save()
    assert "needs a text" in dialog.error.text()
    dialog.model.setData(dialog.model.index(0, 0), "Call")
    dialog.model.add("Call", 2)
    assert not dialog.save()
    assert "same text" in dialog.error.text()
    assert services.stages.playbook(stage) == []
    # Switching stage saves valid edits and keeps invalid ones in place.
    other = services.stages.pipeline_stages(1)[1][0]
    dialog.set_stage(other)
    assert dialog.stage_id == stage
    dialog.model.remove(1)
    dialog.set_stage(other)
    assert dialog.stage_id == other
    assert [t for _, t, _ in services.stages.playbook(stage)] == ["Call"]
