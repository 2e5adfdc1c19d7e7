"""Companies view, company detail and contacts list under pytest-qt on a real database."""

import datetime as dt

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtTest import QTest

from app.services.company_queries import Cohort, CompanyFilter
from app.storage.models import Activity, Company, CompanyTag, StageHistory
from app.ui.companies import CompaniesView, ContactsView
from app.ui.companies.model import COLUMN

TODAY = dt.date.today()


def populate(services):
    aw, interest, consideration, _eng, _conv = [s for s, _ in services.stages.funnel_stages()]
    ids = {}
    for i, (name, group, source) in enumerate(
        [
            ("Acme", "SMB", "Webinar"),
            ("Beta", "Enterprise", "Ads"),
            ("Gamma", "SMB", "Ads"),
            ("Delta", "Agency", "Webinar"),
            ("Epsilon", "SMB", "Fair"),
        ]
    ):
        ids[name] = services.companies.create(
            name, group=group, source=source, entered_on=TODAY - dt.timedelta(days=10 + i)
        )
    services.companies.set_funnel_stage([ids["Beta"], ids["Gamma"]], interest)
    services.companies.create_contact(ids["Beta"], "Berta Bauer", email="berta@beta.example")
    services.companies.create_contact(ids["Delta"], "Dora Diaz", role="CEO")
    services.activities.log("Intro", company_id=ids["Gamma"], done_at=dt.datetime(2020, 1, 1))
    services.deals.create("Beta deal", company_id=ids["Beta"], value_minor=500_00)
    return ids


@pytest.fixture
def view(qtbot, services):
    ids = populate(services)
    stack = QUndoStack()
    v = CompaniesView(services, stack)
    qtbot.addWidget(v)
    v.resize(1280, 800)
    v.show()
    qtbot.waitExposed(v)
    v.ids, v.stack = ids, stack
    return v


def row_of(view, name):
    for row in range(view.model.rowCount()):
        if view.model.company_at(row).name == name:
            return row
    raise AssertionError(name)


def cell(view, name, key):
    return view.model.index(row_of(view, name), COLUMN[key]).data()


def dump():
    return (
        list(Company.select().order_by(Company.id).dicts()),
        list(StageHistory.select().order_by(StageHistory.id).dicts()),
        list(CompanyTag.select().order_by(CompanyTag.company, CompanyTag.tag).dicts()),
    )


def test_models_pass_qtmodeltester(view, qtmodeltester):
    qtmodeltester.check(view.model)
    view.show_company(view.ids["Beta"])
    detail = view.detail
    assert detail.company_id == view.ids["Beta"]
    for model in (detail.timeline_model, detail.contacts_model, detail.deals_model):
        qtmodeltester.check(model)
    contacts = ContactsView(view._services)
    qtmodeltester.check(contacts.model)


def test_columns_and_paging(view, services):
    assert view.model.total == 5 and view.model.rowCount() == 5
    assert cell(view, "Beta", "funnel_stage") == "Interest"
    assert cell(view, "Beta", "open_deals") == "1"
    assert "500" in cell(view, "Beta", "open_value")
    assert cell(view, "Gamma", "last_contact") != ""
    # 450 more companies: the table loads them in pages as it scrolls.
    with services.db.atomic():
        for i in range(450):
            services.companies.create(f"Zeta {i:03}")
    view.refresh()
    assert view.model.total == 455
    assert view.model.rowCount() < 455 and view.model.canFetchMore()
    view.table.scrollToBottom()
    view.model.fetch_all()
    assert view.model.rowCount() == 455


def test_sorting_by_header(view):
    header = view.table.horizontalHeader()
    header.setSortIndicator(COLUMN["open_value"], Qt.SortOrder.DescendingOrder)
    assert view.model.company_at(0).name == "Beta"
    header.setSortIndicator(COLUMN["name"], Qt.SortOrder.DescendingOrder)
    assert [view.model.company_at(r).name for r in range(5)] == [
        "Gamma",
        "Epsilon",
        "Delta",
        "Beta",
        "Acme",
    ]


def test_filters(view, services):
    def names():
        return {view.model.company_at(r).name for r in range(view.model.rowCount())}

    view.group_filter.refill()  # what opening the combo does
    view.group_filter.setCurrentIndex(view.group_filter.findData("SMB"))
    view.group_filter.activated.emit(view.group_filter.currentIndex())
    assert names() == {"Acme", "Gamma", "Epsilon"}
    view.source_filter.refill()
    view.source_filter.setCurrentIndex(view.source_filter.findData("Ads"))
    view.source_filter.activated.emit(view.source_filter.currentIndex())
    assert names() == {"Gamma"}
    view.set_filter(CompanyFilter())
    assert len(names()) == 5
    view.stage_filter.setCurrentIndex(view.stage_filter.findText("Interest"))
    view.stage_filter.activated.emit(view.stage_filter.currentIndex())
    assert names() == {"Beta", "Gamma"}
    view.set_filter(CompanyFilter())
    view.no_contact.setChecked(True)  # Gamma's contact was in 2020: it counts as no contact
    assert names() == {"Acme", "Beta", "Gamma", "Delta", "Epsilon"}
    view.no_contact_days.setValue(36500)
    assert "Gamma" not in names()
    view.set_filter(CompanyFilter())
    services.activities.schedule("Call", TODAY, company_id=view.ids["Acme"])
    view.refresh()
    view.no_next_action.setChecked(True)
    assert "Acme" not in names() and len(names()) == 4
    view.set_filter(CompanyFilter())
    view.search.setText("berta")  # a contact's name
    QTest.keyClick(view.search, Qt.Key.Key_Return)
    view._apply_filter()
    assert names() == {"Beta"}


def test_bulk_funnel_stage_change_writes_history_and_is_one_undo_step(view, services):
    stages = dict((n, s) for s, n in services.stages.funnel_stages())
    before = dump()
    sel = view.table.selectionModel()
    for name in ("Acme", "Beta", "Delta"):
        sel.select(
            view.model.index(row_of(view, name), 0),
            QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
        )
    chosen = view.selected_ids()
    assert sorted(chosen) == sorted(view.ids[n] for n in ("Acme", "Beta", "Delta"))
    assert view.stage_button.isEnabled()
    # Through the button's menu, as a user does it.
    action = next(a for a in view.stage_menu.actions() if a.text() == "Engagement")
    action.trigger()
    assert view.stack.count() == 1
    for company_id in chosen:
        assert Company.get_by_id(company_id).funnel_stage_id == stages["Engagement"]
        current = (
            StageHistory.select()
            .where((StageHistory.company == company_id) & StageHistory.left_at.is_null())
            .get()
        )
        assert current.funnel_stage_id == stages["Engagement"]
    QTest.qWait(1)
    view.refresh()
    assert cell(view, "Acme", "funnel_stage") == "Engagement"
    assert sorted(view.selected_ids()) == sorted(chosen)  # the selection survives the refresh
    after = dump()
    view.stack.undo()
    assert dump() == before
    view.stack.redo()
    assert dump() == after


def test_bulk_group_and_tags_are_undoable(view):
    ids = [view.ids["Acme"], view.ids["Gamma"]]
    before = dump()
    assert view.set_group(ids, "Key accounts")
    assert view.add_tag(ids, "call back")
    assert {Company.get_by_id(i).group for i in ids} == {"Key accounts"}
    assert CompanyTag.select().count() == 2
    assert view.remove_tag([ids[0]], "call back")
    assert CompanyTag.select().count() == 1
    assert view.stack.count() == 3
    for _ in range(3):
        view.stack.undo()
    assert dump() == before


def test_logging_an_activity_updates_last_contact_and_next_action(view, qtbot):
    beta = view.ids["Beta"]
    assert cell(view, "Beta", "last_contact") == ""
    # Click 1: the row. Click 2: "Call".
    rect = view.table.visualRect(view.model.index(row_of(view, "Beta"), 0))
    QTest.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.detail.company_id == beta
    call = view.detail.log_buttons["call"]
    qtbot.waitUntil(lambda: call.width() > 0)  # the pane opens (and lays out) on that click
    QTest.mouseClick(call, Qt.MouseButton.LeftButton)
    assert Activity.select().where(Activity.company == beta).count() == 1
    qtbot.waitUntil(lambda: cell(view, "Beta", "last_contact") != "", timeout=2000)
    assert view.detail.timeline_model.rowCount() == 1

    due = TODAY + dt.timedelta(days=3)
    assert view.detail.schedule_next("Send offer", due)
    qtbot.waitUntil(lambda: cell(view, "Beta", "next_action") == "Send offer", timeout=2000)
    from app.ui import format as fmt

    assert cell(view, "Beta", "next_due") == fmt.date(due)
    # Completing it: no next action any more, and the contact counts.
    activity_id = (
        Activity.select(Activity.id)
        .where((Activity.company == beta) & Activity.done_at.is_null())
        .scalar()
    )
    assert view.detail.complete_activity(activity_id)
    qtbot.waitUntil(lambda: cell(view, "Beta", "next_due") == "", timeout=2000)
    # Each write was one undo step; undoing all three restores the company's activities.
    assert view.stack.count() == 3
    for _ in range(3):
        view.stack.undo()
    assert Activity.select().where(Activity.company == beta).count() == 0
    qtbot.waitUntil(lambda: cell(view, "Beta", "last_contact") == "", timeout=2000)


def test_detail_edits_fields_stage_and_contacts(view, services):
    acme = view.ids["Acme"]
    view.show_company(acme)
    d = view.detail
    d.name_edit.setText("Acme Corp")
    d.tags_edit.setText("VIP, call back")
    assert d.save_fields()
    assert Company.get_by_id(acme).name == "Acme Corp"
    assert services.companies  # tags written
    assert CompanyTag.select().where(CompanyTag.company == acme).count() == 2
    stage = d.stage_combo.findText("Consideration")
    d.stage_combo.setCurrentIndex(stage)
    d.stage_combo.activated.emit(stage)
    assert Company.get_by_id(acme).funnel_stage_id == d.stage_combo.itemData(stage)
    assert d.add_contact("Ann Admin", role="CFO", email="ann@acme.example")
    assert not d.add_contact("Bad", email="no-at-sign")  # refused, with the service's message
    assert "not an email" in d.message.text()
    d.reload()
    assert d.contacts_model.rowCount() == 1
    view.stack.undo()  # the contact
    view.stack.undo()  # the stage
    view.stack.undo()  # name and tags
    assert Company.get_by_id(acme).name == "Acme"
    assert CompanyTag.select().where(CompanyTag.company == acme).count() == 0


def test_unsaved_edits_survive_logging_a_call(view, qtbot):
    """Typing notes, then clicking "Call": the refresh the call causes keeps the typing."""
    acme = view.ids["Acme"]
    view.show_company(acme)
    d = view.detail
    d.notes_edit.insertPlainText("Rückruf am Montag")  # as typing does: textChanged
    assert d.save_button.isEnabled()
    assert d.log_activity("call")
    d.reload()  # what the change notification does
    assert d.notes_edit.toPlainText() == "Rückruf am Montag"
    assert d.save_button.isEnabled() and d.timeline_model.rowCount() == 1
    assert d.save_fields()
    assert Company.get_by_id(acme).notes == "Rückruf am Montag"
    assert not d.save_button.isEnabled()
    view.show_company(view.ids["Beta"])  # another company: its own fields
    assert d.notes_edit.toPlainText() == Company.get_by_id(view.ids["Beta"]).notes


def test_contacts_list_opens_the_company(view, qtbot, services):
    contacts = ContactsView(services)
    qtbot.addWidget(contacts)
    contacts.show()
    contacts.companyRequested.connect(view.show_company)
    contacts.search.setText("dora")
    contacts.apply_search()
    assert contacts.model.rowCount() == 1
    view.set_filter(CompanyFilter(group="SMB"))  # Delta is not in it: the filter gives way
    index = contacts.model.index(0, 0)
    rect = contacts.table.visualRect(index)
    # Qt 6 item views take a double click only after a press on the same item.
    QTest.mouseClick(contacts.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    QTest.mouseDClick(contacts.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert view.detail.company_id == view.ids["Delta"]
    assert view.selected_ids() == [view.ids["Delta"]]


def test_counts_use_plural_forms(view, qapp):
    """ "1 company", "1 Firma": the catalogues' plural forms, not "%1 companies"."""
    from app.ui import i18n

    try:
        for lang, one, many in (("en", "1 company", "5 companies"), ("de", "1 Firma", "5 Firmen")):
            i18n.apply_language(qapp, lang)
            view.set_filter(CompanyFilter(text="Gamma"))
            assert view.status.text() == one
            view.set_filter(CompanyFilter())
            assert view.status.text() == many
    finally:
        i18n.apply_language(qapp, None)
        i18n.remove_translators(qapp)


def test_a_write_the_file_refuses_is_told_not_raised(view, services):
    """Companies, like the board, say why a write failed (here: a read-only connection)
    instead of passing the database error to the crash dialog; nothing was written."""
    acme = view.ids["Acme"]
    services.db.execute_sql("PRAGMA query_only = ON")
    try:
        assert not view.set_group([acme], "Enterprise")
    finally:
        services.db.execute_sql("PRAGMA query_only = OFF")
    assert "could not be saved" in view.message.text()
    assert Company.get_by_id(acme).group != "Enterprise"
    assert view.stack.count() == 0


def test_show_company_far_down_a_long_list_searches_instead_of_reading_every_page(qtbot, services):
    """Hundreds of companies: one near the top is reached by reading a page or two more, one
    at the bottom by its name in the search box, never by loading every row before it."""
    from app.services import importer
    from app.ui.companies.common import PAGE
    from app.ui.companies.view import FAR_PAGES

    count = (FAR_PAGES + 5) * PAGE
    names = "name\n" + "".join(f"Firma {i:04d}\n" for i in range(count))
    importer.import_csv(services, names.encode(), "companies")
    view = CompaniesView(services, QUndoStack())
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    near = Company.get(Company.name == f"Firma {PAGE + 10:04d}").id
    view.show_company(near)
    assert view.search.text() == ""
    assert PAGE + 10 < view.model.rowCount() <= 3 * PAGE
    assert view.selected_ids() == [near]
    last = Company.get(Company.name == f"Firma {count - 1:04d}").id
    # Coming from a funnel bar: the cohort goes with the other filters, and its bar too.
    awareness = services.stages.funnel_stages()[0][0]
    everyone = Cohort(dt.date(2000, 1, 1), dt.date(2100, 1, 1), awareness)
    view.show_cohort(CompanyFilter(cohort=everyone), "All of them")
    assert view.cohort_bar.isVisible()
    view.show_company(last)
    assert not view.cohort_bar.isVisible()
    assert view.search.text() == f"Firma {count - 1:04d}"
    assert view.model.rowCount() == 1
    assert view.selected_ids() == [last]
    assert view.detail.company_id == last
