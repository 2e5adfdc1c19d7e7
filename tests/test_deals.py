"""Deal use cases on a real database: moves with history, win/lose/reopen, trash, undo images."""

import datetime as dt

import peewee as pw
import pytest

from app.services import ServiceError, state
from app.storage.models import Activity, Company, Deal, FunnelStage, StageHistory


def stage_ids(services):
    return [s for s, *_ in services.stages.pipeline_stages(services.stages.pipeline_id(None))]


def history(deal_id):
    return list(
        StageHistory.select(StageHistory.stage, StageHistory.status, StageHistory.left_at.is_null())
        .where(StageHistory.deal == deal_id)
        .order_by(StageHistory.id)
        .tuples()
    )


def test_create_writes_first_history_row(services):
    q, *_ = stage_ids(services)
    deal = services.deals.create("Website relaunch", value_minor=1_234_56)
    row = Deal.get_by_id(deal)
    assert (row.stage_id, row.status, row.value_minor) == (q, "open", 123456)
    assert history(deal) == [(q, "open", True)]


def test_move_is_one_history_row_and_reorder_is_none(services):
    q, _m, p, _c = stage_ids(services)
    deal = services.deals.create("A")
    services.deals.move([deal], p)
    assert history(deal) == [(q, "open", False), (p, "open", True)]
    other = services.deals.create("B", stage_id=p)
    services.deals.move([other], p, index=0)  # reorder within the column
    assert history(other) == [(p, "open", True)]
    column = [
        d for (d,) in Deal.select(Deal.id).where(Deal.stage == p).order_by(Deal.position).tuples()
    ]
    assert column == [other, deal]


def test_backwards_then_forwards(services):
    _q, m, p, _c = stage_ids(services)
    deal = services.deals.create("A", stage_id=p)
    services.deals.move([deal], m)
    services.deals.move([deal], p)
    assert [s for s, _, _ in history(deal)] == [p, m, p]
    assert sum(1 for *_, current in history(deal) if current) == 1


def test_drop_between_cards_keeps_order(services):
    q, *_ = stage_ids(services)
    a, b, c = (services.deals.create(t) for t in "abc")
    new = services.deals.create("new", stage_id=stage_ids(services)[1])
    services.deals.move([new], q, index=1)
    order = [
        d for (d,) in Deal.select(Deal.id).where(Deal.stage == q).order_by(Deal.position).tuples()
    ]
    assert order == [a, new, b, c]
    for _ in range(60):  # many drops into the same gap force a renumbering
        services.deals.move([c], q, index=1)
        services.deals.move([b], q, index=1)
    order = [
        d for (d,) in Deal.select(Deal.id).where(Deal.stage == q).order_by(Deal.position).tuples()
    ]
    assert len(set(order)) == 4 and order[0] == a


def test_win_makes_company_a_customer(services):
    company = services.companies.create("Müller GmbH")
    deal = services.deals.create("A", company_id=company)
    services.deals.win([deal])
    conversion = FunnelStage.select().order_by(FunnelStage.position.desc()).get()
    assert Company.get_by_id(company).funnel_stage_id == conversion.id
    assert Deal.get_by_id(deal).status == "won"
    assert history(deal)[-1][1:] == ("won", True)


def test_lose_needs_reason_and_reopen(services):
    _q, m, *_ = stage_ids(services)
    deal = services.deals.create("A", stage_id=m)
    with pytest.raises(ServiceError):
        services.deals.lose([deal], "  ")
    assert Deal.get_by_id(deal).status == "open"
    services.deals.lose([deal], "Preis zu hoch")
    assert services.deals.lost_reasons() == ["Preis zu hoch"]
    services.deals.reopen(deal)
    row = Deal.get_by_id(deal)
    assert (row.status, row.stage_id, row.lost_reason, row.closed_at) == ("open", m, "", None)
    assert [st for _, st, _ in history(deal)] == ["open", "lost", "open"]


def test_manual_probability_survives_stage_changes(services):
    _q, _m, p, c = stage_ids(services)
    deal = services.deals.create("A", probability=75)
    services.deals.move([deal], p)
    services.deals.move([deal], c)
    assert Deal.get_by_id(deal).probability == 75
    report = services.reports.pipeline(services.stages.pipeline_id(None))
    assert report["total"]["weighted_value_minor"] == 0
    services.deals.update(deal, value_minor=10_000)
    report = services.reports.pipeline(services.stages.pipeline_id(None))
    assert report["stages"][3]["weighted_value_minor"] == 7_500


def test_bad_values_write_nothing(services):
    with pytest.raises(ServiceError, match="Title"):
        services.deals.create("  ")
    with pytest.raises(ServiceError, match="Probability"):
        services.deals.create("x", probability=150)
    with pytest.raises(ServiceError, match="Value"):
        services.deals.create("x", value_minor=-5)
    assert Deal.select().count() == 0


def test_trash_and_restore_and_empty(services):
    company = services.companies.create("ACME")
    deal = services.deals.create("A", company_id=company)
    services.activities.schedule("Call back", dt.date.today(), deal_id=deal)
    services.deals.delete([deal])
    assert services.reports.pipeline(1)["total"]["count"] == 0
    assert [(k, i) for k, i, *_ in services.trash.items()] == [("deal", deal)]
    services.trash.restore([("deal", deal)])
    assert services.reports.pipeline(1)["total"]["count"] == 1
    services.deals.delete([deal])
    assert services.trash.empty() == 1
    assert Deal.select().count() == 0 and Activity.select().count() == 0
    assert StageHistory.select().where(StageHistory.deal.is_null(False)).count() == 0


def test_trash_restores_several_items_at_once_or_none(services):
    company = services.companies.create("ACME")
    deals = [services.deals.create(title, company_id=company) for title in ("A", "B")]
    services.deals.delete(deals)
    services.companies.delete([company])
    items = [("deal", deals[0]), ("deal", deals[1]), ("company", company)]
    # The database refuses the company (a real SQLite trigger): the deals stay trashed too.
    services.db.execute_sql(
        "CREATE TEMP TRIGGER refuse BEFORE UPDATE OF deleted_at ON company "
        "BEGIN SELECT RAISE(ABORT, 'refused'); END"
    )
    with pytest.raises(pw.IntegrityError):
        services.trash.restore(items)
    assert sorted((k, i) for k, i, *_ in services.trash.items()) == sorted(items)
    services.db.execute_sql("DROP TRIGGER temp.refuse")
    services.trash.restore(items)
    assert services.trash.items() == []
    assert services.reports.pipeline(1)["total"]["count"] == 2


def test_playbook_runs_once_per_stage(services):
    _q, m, p, _c = stage_ids(services)
    services.stages.set_playbook(p, [("Send offer", 0), ("Follow up", 3)])
    deal = services.deals.create("A")
    services.deals.move([deal], p)
    services.deals.move([deal], m)
    services.deals.move([deal], p)
    subjects = sorted(
        s for (s,) in Activity.select(Activity.subject).where(Activity.deal == deal).tuples()
    )
    assert subjects == ["Follow up", "Send offer"]
    due = dict(Activity.select(Activity.subject, Activity.due_on).tuples())
    assert due["Follow up"] - due["Send offer"] == dt.timedelta(days=3)


def test_changes_are_announced_after_commit(services):
    seen = []
    services.changed.connect(seen.append)
    q, m, *_ = stage_ids(services)
    deal = services.deals.create("A")
    services.deals.move([deal], m)
    assert seen[-1].kind == "deal" and seen[-1].ids == (deal,)
    assert set(seen[-1].stage_ids) == {q, m}


def test_state_image_restores_exactly(services):
    _q, _m, p, _c = stage_ids(services)
    company = services.companies.create("ACME")
    deal = services.deals.create("A", company_id=company, tags=["VIP"])
    services.stages.set_playbook(p, [("Send offer", 0)])

    def dump():
        return (
            list(Deal.select().dicts()),
            list(StageHistory.select().dicts()),
            list(Activity.select().dicts()),
            list(Company.select().dicts()),
        )

    before = dump()
    image = state.capture([deal], [company])
    services.deals.move([deal], p)
    services.deals.update(deal, title="B", tags=["Upsell"])
    services.deals.win([deal])
    after_image = state.capture([deal], [company])
    after = dump()
    state.restore(services, image)
    assert dump() == before
    state.restore(services, after_image)
    assert dump() == after


def test_remove_stage_rehomes_deals(services):
    q, m, p, c = stage_ids(services)
    deal = services.deals.create("A", stage_id=m)
    with pytest.raises(ServiceError, match="still has deals"):
        services.stages.remove_stage(m)
    services.stages.remove_stage(m, rehome_to=p)
    assert Deal.get_by_id(deal).stage_id == p
    assert [s for s, *_ in services.stages.pipeline_stages(1)] == [q, p, c]
    assert {s for s, _, _ in history(deal)} == {p}


def test_second_pipeline_and_move_by_steps(services):
    renewals = services.stages.add_pipeline("Renewals", [("Due", 50, 30), ("Renewed", 90, 30)])
    due, renewed = [s for s, *_ in services.stages.pipeline_stages(renewals)]
    deal = services.deals.create("Renewal 2027", stage_id=due)
    assert services.deals.move_by_steps(deal, 1) == renewed
    assert services.deals.move_by_steps(deal, 1) is None
    assert Deal.get_by_id(deal).pipeline_id == renewals
    with pytest.raises(ServiceError):
        services.stages.add_pipeline("renewals", [("x", 1, 1)])


def test_editor_save_is_one_transaction(services):
    seen = []
    services.changed.connect(seen.append)
    result = services.deals.save(
        None,
        title="Relaunch",
        company_name="Neue Firma GmbH",
        contact_name="Eva Roth",
        value_minor=500_00,
        next_action=("Call Eva", dt.date.today()),
    )
    deal = Deal.get_by_id(result["deals"][0])
    assert deal.company.name == "Neue Firma GmbH" and deal.contact.name == "Eva Roth"
    assert result["companies"] == [deal.company_id]
    assert Activity.get(Activity.deal == deal.id).subject == "Call Eva"
    assert len(seen) >= 3  # announced after the single commit
    # An invalid edit (bad probability) rolls back everything, the new company included.
    with pytest.raises(ServiceError):
        services.deals.save(deal.id, title="X", company_name="Another Ltd", probability=101)
    assert Company.select().count() == 1 and Deal.get_by_id(deal.id).title == "Relaunch"


def test_values_beyond_the_largest_amount_are_refused(services):
    """Column sums stay inside SQLite's 64-bit integers (app.domain.money.MAX_MINOR)."""
    from app.domain.money import MAX_MINOR
    from app.services import ServiceError

    deal = services.deals.create("Großprojekt", value_minor=MAX_MINOR)
    with pytest.raises(ServiceError, match="too large"):
        services.deals.create("Zu groß", value_minor=MAX_MINOR + 1)
    with pytest.raises(ServiceError, match="too large"):
        services.deals.update(deal, value_minor=MAX_MINOR + 1)
    assert Deal.get_by_id(deal).value_minor == MAX_MINOR
    with pytest.raises(ServiceError, match="too large"):
        services.catalog.set_spend("Messe", dt.date(2026, 1, 1), MAX_MINOR + 1)


def test_no_write_path_writes_into_a_file_found_damaged(services):
    """Service writes, undo's row images and the CSV import all refuse once the background
    integrity check has reported damage (services.damage, set by the session)."""
    from app.services import importer

    deal = services.deals.create("Vorher")
    image = state.capture([deal])
    services.damage = "row 7 missing from index deal_company_id"
    with pytest.raises(ServiceError, match="damaged"):
        services.deals.create("Nachher")
    with pytest.raises(ServiceError, match="damaged"):
        state.restore(services, image)
    with pytest.raises(ServiceError, match="damaged"):
        importer.import_csv(services, b"title\nImportiert\n", "deals")
    assert [d.title for d in Deal.select()] == ["Vorher"]


def test_lost_reasons_offered_own_list_first_then_those_used(services):
    a, b = services.deals.create("A"), services.deals.create("B")
    services.deals.lose([a], "Kein Budget")
    services.deals.lose([b], "Preis zu hoch")
    services.deals.set_own_lost_reasons([" Preis zu hoch ", "Timing", "timing", ""])
    assert services.deals.own_lost_reasons() == ["Preis zu hoch", "Timing"]
    assert services.deals.offered_lost_reasons() == ["Preis zu hoch", "Timing", "Kein Budget"]
