"""Select all in the companies table and in a board column, on an SQLite that binds at most
999 variables a statement (before 3.32; Python's Windows and macOS builds: 32,766)."""

import sqlite3

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QUndoStack

from app.services import importer
from app.storage.models import Company, CompanyTag, Deal, PipelineStage
from app.ui.board.model import DealIdRole
from app.ui.board.view import BoardView
from app.ui.companies import CompaniesView

MANY = 1200


def small_limit(services) -> None:
    services.db.connection().setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, 999)


def import_many(services) -> None:
    """MANY companies tagged "vip", each with an open deal in the first stage."""
    stage = PipelineStage.select(PipelineStage.name).order_by(PipelineStage.position).scalar()
    companies = "name;tags\n" + "".join(f"Firma {i:04d};vip\n" for i in range(MANY))
    importer.import_csv(services, companies.encode(), "companies")
    deals = "title;company;stage;tags\n" + "".join(
        f"Deal {i:04d};Firma {i:04d};{stage};hot\n" for i in range(MANY)
    )
    importer.import_csv(services, deals.encode(), "deals")


def test_all_companies_selected_get_a_group_and_a_tag_as_undo_steps(qtbot, services):
    small_limit(services)
    import_many(services)
    stack = QUndoStack()
    view = CompaniesView(services, stack)
    qtbot.addWidget(view)
    view.resize(1280, 800)
    view.show()
    qtbot.waitExposed(view)
    view.model.fetch_all()
    view.table.selectAll()
    ids = view.selected_ids()
    assert len(ids) == MANY

    assert view.set_group(ids, "Key accounts")
    assert view.add_tag(ids, "call back")
    assert view.message.isHidden()
    assert Company.select().where(Company.group == "Key accounts").count() == MANY
    assert CompanyTag.select().count() == 2 * MANY
    view.refresh()  # re-reads every loaded row
    assert view.model.rowCount() == MANY
    assert len(view.selected_ids()) == MANY
    stack.undo()
    stack.undo()
    assert Company.select().where(Company.group == "").count() == MANY
    assert CompanyTag.select().count() == MANY


def test_a_whole_board_column_is_moved_and_trashed_as_undo_steps(qtbot, services):
    small_limit(services)
    import_many(services)
    stack = QUndoStack()
    board = BoardView(services, stack)
    qtbot.addWidget(board)
    board.resize(1300, 800)
    board.show()
    qtbot.waitExposed(board)
    column = board.columns[0]
    while column.model.canFetchMore(QModelIndex()):
        column.model.fetchMore(QModelIndex())
    column.view.selectAll()
    ids = column.view.selected_ids()
    assert len(ids) == MANY

    # To the top of its own column: the column re-reads all its loaded cards.
    assert board.move_deals(ids[100:], column.model.stage_id, 0)
    assert [column.model.index(r).data(DealIdRole) for r in range(3)] == ids[100:103]
    assert board.delete_deals(ids)
    assert Deal.select().where(Deal.deleted_at.is_null()).count() == 0
    stack.undo()
    stack.undo()
    assert Deal.select().where(Deal.deleted_at.is_null()).count() == MANY
    assert [d for (d,) in Deal.select(Deal.id).order_by(Deal.position, Deal.id).tuples()] == ids
