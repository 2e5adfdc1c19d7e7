"""Bulk actions on more ids than one SQLite statement may bind, on a real file.

Python's own SQLite builds (Windows, macOS installers) bind at most 32,766 variables a
statement and SQLite before 3.32 at most 999; a user may select more companies or deals than
that. Every test lowers the connection's limit to 999 and works on 1,200 of them.
"""

from __future__ import annotations

import sqlite3

import pytest

from app.services import importer, state
from app.services.company_queries import CompanyQueries
from app.storage import database
from app.storage.models import (
    Activity,
    Company,
    CompanyTag,
    Deal,
    DealTag,
    PipelineStage,
    StageHistory,
)

SMALL_LIMIT = 999  # SQLite before 3.32
MANY = 1200


def small_limit(db) -> None:
    db.connection().setlimit(sqlite3.SQLITE_LIMIT_VARIABLE_NUMBER, SMALL_LIMIT)


@pytest.fixture
def small(services):
    """The services over a connection that binds at most 999 variables a statement, holding
    MANY companies tagged "vip" and one open deal each in the first stage, tagged "hot"."""
    small_limit(services.db)
    stage = PipelineStage.select(PipelineStage.name).order_by(PipelineStage.position).scalar()
    companies = "name;tags\n" + "".join(f"Firma {i:04d};vip\n" for i in range(MANY))
    importer.import_csv(services, companies.encode(), "companies")
    deals = "title;company;stage;value;tags\n" + "".join(
        f"Deal {i:04d};Firma {i:04d};{stage};{i + 1}00;hot\n" for i in range(MANY)
    )
    importer.import_csv(services, deals.encode(), "deals")
    return services


def company_ids() -> list[int]:
    return [c for (c,) in Company.select(Company.id).order_by(Company.name).tuples()]


def deal_ids() -> list[int]:
    return [d for (d,) in Deal.select(Deal.id).order_by(Deal.title).tuples()]


def stage_ids() -> list[int]:
    return [
        s
        for (s,) in PipelineStage.select(PipelineStage.id).order_by(PipelineStage.position).tuples()
    ]


def column(stage_id: int) -> list[int]:
    """The open deals of a stage in board order."""
    query = Deal.select(Deal.id).where(
        (Deal.stage == stage_id) & (Deal.status == "open") & Deal.deleted_at.is_null()
    )
    return [d for (d,) in query.order_by(Deal.position, Deal.id).tuples()]


def dump() -> tuple:
    return tuple(
        list(model.select().order_by(*model._meta.sorted_fields[:2]).tuples())
        for model in (Company, CompanyTag, Deal, DealTag, StageHistory, Activity)
    )


def run_undoable(services, action, deal_ids=(), company_ids=()) -> tuple:
    """What the views' undo step does (app.ui.undo.run_undoable) without Qt: an image of the
    rows before and after the action, which runs in one transaction."""
    company_ids = [*company_ids, *services.deals.company_ids(deal_ids)]
    before = state.capture(deal_ids, company_ids)
    with services.transaction():
        action()
    return before, state.capture(before.deal_ids, before.company_ids)


def undo_and_redo(services, images: tuple, before: tuple) -> None:
    after = dump()
    state.restore(services, images[0])
    assert dump() == before
    state.restore(services, images[1])
    assert dump() == after


COMPANY_ACTIONS = {
    "set group": (
        lambda s, ids: s.companies.set_group(ids, "Key accounts"),
        lambda ids: Company.select().where(Company.group == "Key accounts").count() == MANY,
    ),
    "add tag": (
        lambda s, ids: s.companies.add_tag(ids, "call back"),
        lambda ids: CompanyTag.select().count() == 2 * MANY,
    ),
    "remove tag": (
        lambda s, ids: s.companies.remove_tag(ids, "vip"),
        lambda ids: CompanyTag.select().count() == 0,
    ),
    "set funnel stage": (
        lambda s, ids: s.companies.set_funnel_stage(ids, s.stages.funnel_stages()[2][0]),
        lambda ids: (
            StageHistory.select().where(StageHistory.company.is_null(False)).count() == 2 * MANY
        ),
    ),
    "delete": (
        lambda s, ids: s.companies.delete(ids),
        lambda ids: Company.select().where(Company.deleted_at.is_null()).count() == 0,
    ),
}


@pytest.mark.parametrize("name", COMPANY_ACTIONS)
def test_a_company_bulk_action_on_many_and_its_undo(small, name):
    action, done = COMPANY_ACTIONS[name]
    ids = company_ids()
    before = dump()
    images = run_undoable(small, lambda: action(small, ids), company_ids=ids)
    assert done(ids)
    undo_and_redo(small, images, before)


def test_many_companies_and_deals_come_back_from_the_trash(small):
    companies, deals = company_ids(), deal_ids()
    small.companies.delete(companies)
    small.deals.delete(deals)
    small.companies.restore(companies)
    small.deals.restore(deals)
    assert Company.select().where(Company.deleted_at.is_null(False)).count() == 0
    assert Deal.select().where(Deal.deleted_at.is_null(False)).count() == 0
    assert len(column(stage_ids()[0])) == MANY


def test_many_deals_move_to_the_end_and_to_the_top_of_another_stage(small):
    ids, stages = deal_ids(), stage_ids()
    before = dump()
    images = run_undoable(small, lambda: small.deals.move(ids[:1100], stages[1]), ids[:1100])
    assert column(stages[1]) == ids[:1100]
    assert column(stages[0]) == ids[1100:]
    undo_and_redo(small, images, before)
    small.deals.move(ids[1100:], stages[1], 0)
    assert column(stages[1]) == ids[1100:] + ids[:1100]


def test_many_deals_are_reordered_within_their_stage(small):
    """The index counts the column's other deals: the moved ones are skipped in Python,
    not by a NOT IN of every moved id."""
    ids, first = deal_ids(), stage_ids()[0]
    small.deals.move(ids[100:], first, 50)
    assert column(first) == ids[:50] + ids[100:] + ids[50:100]
    small.deals.move(ids[:1150], first, None)
    assert column(first) == ids[1150:] + ids[:1150]


@pytest.mark.parametrize("outcome", ["win", "lose"])
def test_many_deals_are_won_or_lost_and_undone(small, outcome):
    ids = deal_ids()
    before = dump()
    if outcome == "win":
        images = run_undoable(small, lambda: small.deals.win(ids), ids)
        customers = Company.select().where(Company.converted_at.is_null(False)).count()
        assert customers == MANY  # every company was won over: its image was taken too
    else:
        images = run_undoable(small, lambda: small.deals.lose(ids, "Price"), ids)
    assert Deal.select().where(Deal.status == "open").count() == 0
    undo_and_redo(small, images, before)


def test_many_deals_go_to_the_trash_and_back_by_undo(small):
    ids = deal_ids()
    before = dump()
    images = run_undoable(small, lambda: small.deals.delete(ids), ids)
    assert column(stage_ids()[0]) == []
    undo_and_redo(small, images, before)


def test_a_table_or_column_read_to_its_end_gets_every_row(small):
    """A view that scrolled to the end re-reads every loaded row after each write."""
    ids = company_ids()
    rows = CompanyQueries(small).rows(ids)
    assert [r.company_id for r in rows] == ids
    assert all(r.tags == ("vip",) and r.open_deals == 1 for r in rows)
    first = stage_ids()[0]
    cards = small.board.page(first, 0, MANY)
    assert [c.deal_id for c in cards] == column(first)
    assert all(c.tags == ("hot",) for c in cards)


def test_demo_data_is_loaded_within_a_small_variable_limit(tmp_path):
    """The bulk loader puts up to 100 rows in one statement: fewer where SQLite allows fewer
    variables (18 deal columns x 100 rows would need 1,800)."""
    from app.services.demo import generate

    db = database.connect(tmp_path / "demo.sqlite")
    try:
        small_limit(db)
        counts = generate(db, deals=200)
        assert Deal.select().count() == counts["deals"] == 200
    finally:
        database.close(db)
