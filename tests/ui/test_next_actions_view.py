"""Next actions list: sections, quick done and reschedule (undoable), action tags."""

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest

from app.services import next_actions as na
from app.storage.models import Activity, CompanyTag
from app.ui.actions import NextActionsView
from app.ui.actions.view import ITEM_ROLE

TODAY = dt.date.today()


@pytest.fixture
def view(qtbot, services):
    acme = services.companies.create("Acme", tags=["call back"])
    services.catalog.set_action_tag("call back", True)
    beta = services.companies.create("Beta")
    deal = services.deals.create("Beta deal", company_id=beta)
    services.activities.schedule("Late call", TODAY - dt.timedelta(days=2), company_id=beta)
    services.activities.schedule("Today", TODAY, kind="email", deal_id=deal)
    services.activities.schedule("Later", TODAY + dt.timedelta(days=5), company_id=acme)
    stack = QUndoStack()
    v = NextActionsView(services, stack)
    qtbot.addWidget(v)
    v.resize(1000, 600)
    v.show()
    qtbot.waitExposed(v)
    v.stack, v.acme, v.beta, v.deal = stack, acme, beta, deal
    return v


def subjects(view, section):
    parent = view.model.section_index(section)
    return [
        view.model.index(r, 0, parent).data(ITEM_ROLE).subject
        for r in range(view.model.rowCount(parent))
    ]


def select(view, section, subject):
    parent = view.model.section_index(section)
    for r in range(view.model.rowCount(parent)):
        index = view.model.index(r, 0, parent)
        if index.data(ITEM_ROLE).subject == subject:
            view.tree.setCurrentIndex(index)
            return index.data(ITEM_ROLE)
    raise AssertionError(subject)


def test_model_and_sections(view, qtmodeltester):
    qtmodeltester.check(view.model)
    assert subjects(view, na.OVERDUE) == ["Late call"]
    assert subjects(view, na.TODAY) == ["Today"]
    assert subjects(view, na.UPCOMING) == ["Later"]
    assert subjects(view, na.TAGGED) == ["call back"]
    assert view.chips[na.OVERDUE].text().endswith("(1)")
    assert view.chips[na.OVERDUE].isChecked()
    view.chips[na.UPCOMING].setChecked(False)
    assert not view.tree.isExpanded(view.model.section_index(na.UPCOMING))


def test_quick_done_and_undo(view, qtbot):
    select(view, na.OVERDUE, "Late call")
    QTest.mouseClick(view.done_button, Qt.MouseButton.LeftButton)
    assert Activity.get(Activity.subject == "Late call").done_at is not None
    qtbot.waitUntil(lambda: subjects(view, na.OVERDUE) == [], timeout=2000)
    view.stack.undo()
    assert Activity.get(Activity.subject == "Late call").done_at is None
    qtbot.waitUntil(lambda: subjects(view, na.OVERDUE) == ["Late call"], timeout=2000)
    # An activity of a deal: the deal's image carries it.
    item = select(view, na.TODAY, "Today")
    assert view.mark_done(item)
    view.stack.undo()
    assert Activity.get(Activity.subject == "Today").done_at is None


def test_reschedule(view, qtbot):
    item = select(view, na.OVERDUE, "Late call")
    assert view.reschedule(item, TODAY + dt.timedelta(days=1))
    assert Activity.get(Activity.subject == "Late call").due_on == TODAY + dt.timedelta(days=1)
    qtbot.waitUntil(lambda: "Late call" in subjects(view, na.UPCOMING), timeout=2000)
    # Through the button's menu: "Tomorrow".
    select(view, na.UPCOMING, "Later")
    menu = view.reschedule_button.menu()
    menu.actions()[0].trigger()
    assert Activity.get(Activity.subject == "Later").due_on == TODAY + dt.timedelta(days=1)
    view.stack.undo()
    view.stack.undo()
    assert Activity.get(Activity.subject == "Late call").due_on == TODAY - dt.timedelta(days=2)


def test_action_tags_done_and_rescheduled(view, qtbot):
    item = select(view, na.TAGGED, "call back")
    assert view.reschedule(item, TODAY + dt.timedelta(days=2))
    task = Activity.get(Activity.subject == "call back")
    assert (task.company_id, task.due_on) == (view.acme, TODAY + dt.timedelta(days=2))
    assert CompanyTag.select().count() == 0
    view.stack.undo()  # one step: the task goes, the tag comes back
    assert CompanyTag.select().count() == 1
    assert not Activity.select().where(Activity.subject == "call back").exists()
    qtbot.waitUntil(lambda: subjects(view, na.TAGGED) == ["call back"], timeout=2000)
    item = select(view, na.TAGGED, "call back")
    assert view.mark_done(item)
    assert CompanyTag.select().count() == 0
