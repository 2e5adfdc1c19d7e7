"""The trigger-kept tallies equal the aggregates they replace, after every kind of write."""

import datetime as dt
import random

import pytest

from app.domain.periods import Period
from app.services import demo, importer, state
from app.services.reports import FunnelFilter
from app.storage import database, tallies


def board_reference(services, pipeline_id):
    """Column headers aggregated from the deals themselves (what the board read before)."""
    rows = services.db.execute_sql(
        "SELECT s.id, COUNT(d.id), COALESCE(SUM(d.value_minor), 0), "
        "COALESCE(SUM(d.value_minor * COALESCE(d.probability, s.probability)), 0) "
        "FROM pipeline_stage s LEFT JOIN deal d ON d.stage_id = s.id "
        "AND d.status = 'open' AND d.deleted_at IS NULL WHERE s.pipeline_id = ? GROUP BY s.id",
        (pipeline_id,),
    ).fetchall()
    return {sid: (n, v, round(w / 100)) for sid, n, v, w in rows}


def assert_tallies_agree(services, periods):
    for pipeline_id, _name in services.stages.pipelines():
        assert services.board.summaries(pipeline_id) == board_reference(services, pipeline_id)
    for period in periods:
        fast = services.reports._funnel_counts(period, FunnelFilter())
        slow = services.reports.funnel_counts_direct(period, FunnelFilter())
        assert sorted(fast) == sorted(slow)


PERIODS = [
    Period(dt.date(2000, 1, 1), dt.date(2100, 1, 1)),
    Period(dt.date.today() - dt.timedelta(days=90), dt.date.today()),
]


def test_a_new_database_starts_with_empty_tallies(services):
    assert services.board.summaries(1) == {
        sid: (0, 0, 0) for sid, *_ in services.stages.pipeline_stages(1)
    }
    assert_tallies_agree(services, PERIODS)


def test_tallies_follow_random_writes_undo_trash_and_import(services):
    demo.generate(services.db, deals=200, seed=3)
    assert_tallies_agree(services, PERIODS)
    rand = random.Random(7)
    stages = [sid for sid, *_ in services.stages.pipeline_stages(1)]
    funnel = [sid for sid, _name in services.stages.funnel_stages()]

    def deal_ids(where="1=1"):
        return [r[0] for r in services.db.execute_sql(f"SELECT id FROM deal WHERE {where}")]

    def company_ids(where="1=1"):
        return [r[0] for r in services.db.execute_sql(f"SELECT id FROM company WHERE {where}")]

    for step in range(300):
        live = deal_ids("deleted_at IS NULL")
        open_ = deal_ids("deleted_at IS NULL AND status = 'open'")
        companies = company_ids("deleted_at IS NULL")
        action = rand.choice(
            [
                "move",
                "win",
                "lose",
                "edit",
                "delete",
                "restore",
                "create",
                "undo",
                "funnel",
                "company_delete",
                "company_restore",
                "entered",
                "reopen",
            ]
        )
        picked = rand.sample(open_, min(len(open_), rand.randint(1, 3)))
        if action == "move" and picked:
            services.deals.move(picked, rand.choice(stages))
        elif action == "win" and picked:
            services.deals.win(picked)
        elif action == "lose" and picked:
            services.deals.lose(picked, "Price")
        elif action == "reopen":
            closed = deal_ids("deleted_at IS NULL AND status <> 'open'")
            if closed:
                services.deals.reopen(rand.choice(closed))
        elif action == "edit" and live:
            services.deals.update(
                rand.choice(live),
                value_minor=rand.randint(0, 10**7),
                probability=rand.choice([None, 0, 35, 100]),
            )
        elif action == "delete" and picked:
            services.deals.delete(picked)
        elif action == "restore":
            gone = deal_ids("deleted_at IS NOT NULL")
            if gone:
                services.deals.restore([rand.choice(gone)])
        elif action == "create":
            services.deals.create(
                f"New {step}", stage_id=rand.choice(stages), value_minor=rand.randint(0, 10**6)
            )
        elif action == "undo" and live:
            # Undo's row images write deals back through plain inserts, updates and deletes.
            chosen = rand.sample(live, min(3, len(live)))
            image = state.capture(chosen, services.deals.company_ids(chosen))
            services.deals.move(chosen, rand.choice(stages))
            services.deals.update(chosen[0], value_minor=1)
            state.restore(services, image)
        elif action == "funnel" and companies:
            services.companies.set_funnel_stage(rand.sample(companies, 2), rand.choice(funnel))
        elif action == "company_delete" and companies:
            services.companies.delete([rand.choice(companies)])
        elif action == "company_restore":
            gone = company_ids("deleted_at IS NOT NULL")
            if gone:
                services.companies.restore([rand.choice(gone)])
        elif action == "entered" and companies:
            services.companies.update(
                rand.choice(companies),
                entered_on=dt.date.today() - dt.timedelta(days=rand.randint(0, 400)),
            )
        if step % 25 == 0:
            assert_tallies_agree(services, PERIODS)
    assert_tallies_agree(services, PERIODS)

    # Stage-order and stage changes rewrite derived columns and stage ids in bulk.
    services.stages.reorder_funnel_stages(list(reversed(funnel)))
    services.stages.remove_stage(stages[1], rehome_to=stages[2])
    services.stages.edit_stage(stages[0], probability=55)
    assert_tallies_agree(services, PERIODS)

    # Emptying the trash deletes rows for good.
    services.trash.empty()
    assert_tallies_agree(services, PERIODS)


@pytest.mark.parametrize("rows", [50, 12_000])
def test_tallies_after_an_import_big_enough_to_drop_triggers_and_indexes(services, rows):
    lines = ["Title;Value;Stage;Status;Company;Probability"]
    for i in range(rows):
        stage = ["Qualification", "Meeting", "Proposal", "Close"][i % 4]
        status = ["open", "open", "won", "lost"][i % 4 if i % 3 else 0]
        lines.append(f"Deal {i};{i % 97},50;{stage};{status};Firm {i % 500};{'' if i % 2 else 40}")
    importer.import_csv(services, "\n".join(lines).encode(), "deals")
    assert_tallies_agree(services, PERIODS)
    names = [
        r[0]
        for r in services.db.execute_sql("SELECT name FROM sqlite_master WHERE type = 'trigger'")
    ]
    assert sorted(names) == sorted(n for t in tallies.TALLY_TABLES for n in tallies.triggers_of(t))


def test_an_old_database_gets_its_tallies_when_migrated(tmp_path):
    from app.services import Services

    path = tmp_path / "old.sqlite"
    services = Services.open(path)
    demo.generate(services.db, deals=120, seed=5)
    expected = board_reference(services, 1)
    # Make it a version-1 file: no tally tables, no triggers.
    db = services.db
    for (name,) in db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'trigger'"
    ).fetchall():
        db.execute_sql(f'DROP TRIGGER "{name}"')
    db.execute_sql("DROP TABLE stage_tally")
    db.execute_sql("DROP TABLE funnel_tally")
    db.execute_sql("PRAGMA user_version = 1")
    services.close()

    services = Services.open(path)
    try:
        assert db_version(services) == database.SCHEMA_VERSION
        assert services.board.summaries(1) == expected
        assert_tallies_agree(services, PERIODS)
    finally:
        services.close()


def db_version(services):
    return services.db.execute_sql("PRAGMA user_version").fetchone()[0]


def test_adding_a_funnel_stage_keeps_what_companies_reached(services):
    """A new stage before Conversion moves Conversion's position; a customer must still
    count as converted (and as having passed the new stage)."""
    funnel = [sid for sid, _name in services.stages.funnel_stages()]
    customer = services.companies.create("Kunde GmbH", funnel_stage_id=funnel[-1])
    services.companies.create("Lead AG")
    services.stages.add_funnel_stage("Verhandlung")
    period = Period(dt.date.today() - dt.timedelta(days=1), dt.date.today())
    report = services.reports.funnel(period)
    reached = {row["stage"]: row["reached"] for row in report["stages"]}
    assert reached == {
        "Awareness": 2,
        "Interest": 1,
        "Consideration": 1,
        "Engagement": 1,
        "Verhandlung": 1,
        "Conversion": 1,
    }
    assert services.db.execute_sql(
        "SELECT reached_position FROM company WHERE id = ?", (customer,)
    ).fetchone() == (5,)
    assert_tallies_agree(services, [*PERIODS, period])
