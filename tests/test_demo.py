"""Demo data: deterministic, and consistent the way reports expect (history, funnel, money)."""

import datetime as dt
from itertools import pairwise

import pytest

from app.services.demo import generate
from app.storage import database

TODAY = dt.date(2025, 11, 26)
MIDNIGHT = "2025-11-26 00:00:00"


def _make(path, deals, seed=1, today=TODAY):
    db = database.connect(path)
    counts = generate(db, deals=deals, seed=seed, today=today)
    return db, counts


def _dump(db) -> dict:
    tables = [
        name
        for (name,) in db.execute_sql(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'user' ORDER BY name"
        ).fetchall()
    ]  # the default user's row is stamped by connect(), not by the generator
    return {t: sorted(db.execute_sql(f'SELECT * FROM "{t}"').fetchall(), key=repr) for t in tables}


def _rows(db, sql, params=()):
    return db.execute_sql(sql, params).fetchall()


def _one(db, sql, params=()):
    return db.execute_sql(sql, params).fetchone()[0]


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """One 3000-deal database shared by the read-only checks below."""
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    db = database.connect(path)
    schema = _rows(db, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name")
    counts = generate(db, deals=3000, seed=7, today=TODAY)
    yield db, counts, schema
    db.close()


def test_same_seed_same_rows_other_seed_other_rows(tmp_path):
    a, _ = _make(tmp_path / "a.sqlite", 300, seed=1)
    b, _ = _make(tmp_path / "b.sqlite", 300, seed=1)
    c, _ = _make(tmp_path / "c.sqlite", 300, seed=2)
    try:
        dump_a = _dump(a)
        assert dump_a == _dump(b)
        dump_c = _dump(c)
        assert dump_a["deal"] != dump_c["deal"]
        assert dump_a["company"] != dump_c["company"]
    finally:
        for db in (a, b, c):
            db.close()


@pytest.mark.parametrize("deals", [50, 3000])
def test_makes_the_deals_asked_for(tmp_path, deals, demo):
    if deals == 3000:
        db, counts, _ = demo
    else:
        db, counts = _make(tmp_path / "small.sqlite", deals)
    assert counts["deals"] == _one(db, "SELECT COUNT(*) FROM deal") == deals
    for status in ("won", "lost", "open"):
        assert counts[status] == _one(db, "SELECT COUNT(*) FROM deal WHERE status = ?", (status,))
    # Won 36.5 %, lost 52 %, open the rest, the deals of the last weeks; a small demo keeps
    # enough open ones to fill a board (at most a third), closed ones at the same win rate.
    assert (counts["won"], counts["lost"], counts["open"]) == {
        50: (14, 20, 16),
        3000: (1095, 1560, 345),
    }[deals]
    companies = _one(db, "SELECT COUNT(*) FROM company")
    assert counts["companies"] == companies
    assert deals / 3 <= companies <= deals / 2 or companies == 20
    assert _one(db, "SELECT COUNT(DISTINCT name) FROM company") >= 0.95 * companies
    contacts = _rows(db, "SELECT company_id, COUNT(*) FROM contact GROUP BY company_id")
    assert len(contacts) == companies and {n for _, n in contacts} <= {1, 2}
    for table in ("stage_history", "activity", "spend", "target"):
        assert counts[{"activity": "activities", "target": "targets"}.get(table, table)] == _one(
            db, f"SELECT COUNT(*) FROM {table}"
        )
    if deals == 50:
        db.close()


def test_refuses_bad_sizes_and_used_databases(tmp_path, demo):
    db = database.connect(tmp_path / "x.sqlite")
    try:
        for deals in (49, 100_001):
            with pytest.raises(ValueError):
                generate(db, deals=deals)
    finally:
        db.close()
    with pytest.raises(ValueError, match="new database"):
        generate(demo[0], deals=50)


def test_database_is_sound_and_schema_unchanged(demo):
    db, _, schema = demo
    assert _rows(db, "PRAGMA foreign_key_check") == []
    assert _rows(db, "PRAGMA integrity_check") == [("ok",)]
    after = _rows(db, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY name")
    assert after == schema


def test_deal_history_is_one_gapless_timeline_per_deal(demo):
    db = demo[0]
    # Exactly one current row per deal, and it says what the deal says.
    assert (
        _rows(
            db,
            "SELECT d.id FROM deal d LEFT JOIN (SELECT deal_id, COUNT(*) AS n FROM stage_history"
            " WHERE deal_id IS NOT NULL AND left_at IS NULL GROUP BY deal_id) c ON c.deal_id = d.id"
            " WHERE c.n IS NOT 1",
        )
        == []
    )
    assert (
        _rows(
            db,
            "SELECT d.id FROM deal d JOIN stage_history h ON h.deal_id = d.id AND h.left_at IS NULL"
            " WHERE h.stage_id != d.stage_id OR h.status != d.status",
        )
        == []
    )
    # Rows follow each other without gap or overlap; every row but the last is open-status.
    timeline = """
        SELECT deal_id, status, entered_at, left_at,
               LEAD(entered_at) OVER w AS next_entered, LEAD(id) OVER w AS next_id
        FROM stage_history WHERE deal_id IS NOT NULL
        WINDOW w AS (PARTITION BY deal_id ORDER BY entered_at, id)
    """
    assert (
        _rows(
            db,
            f"SELECT * FROM ({timeline}) WHERE left_at IS NOT next_entered"
            " OR entered_at >= COALESCE(left_at, 'open-ended')"
            " OR (next_id IS NOT NULL AND status != 'open')",
        )
        == []
    )
    assert _rows(db, "SELECT * FROM stage_history WHERE deal_id IS NOT NULL AND company_id IS NOT NULL"
                 " OR deal_id IS NULL AND company_id IS NULL"
                 " OR funnel_stage_id IS NOT NULL AND deal_id IS NOT NULL") == []  # fmt: skip
    # created_at is the first row's start, closed_at the won/lost row's start.
    assert (
        _rows(
            db,
            "SELECT d.id FROM deal d WHERE d.created_at != (SELECT MIN(entered_at) FROM stage_history"
            " WHERE deal_id = d.id) OR (d.status = 'open') != (d.closed_at IS NULL)"
            " OR (d.status != 'open' AND d.closed_at != (SELECT entered_at FROM stage_history"
            " WHERE deal_id = d.id AND left_at IS NULL))",
        )
        == []
    )
    # Won deals closed in the last stage; nothing lies in the future.
    close_id = _one(db, "SELECT id FROM pipeline_stage ORDER BY position DESC LIMIT 1")
    assert (
        _one(db, "SELECT COUNT(*) FROM deal WHERE status = 'won' AND stage_id != ?", (close_id,))
        == 0
    )
    assert _one(db, "SELECT COUNT(*) FROM deal WHERE status = 'lost' AND lost_reason = ''") == 0
    latest = _one(
        db,
        "SELECT MAX(t) FROM (SELECT MAX(COALESCE(left_at, entered_at)) AS t FROM stage_history"
        " UNION ALL SELECT MAX(done_at) FROM activity UNION ALL SELECT MAX(created_at) FROM"
        " activity UNION ALL SELECT MAX(created_at) FROM deal UNION ALL SELECT MAX(closed_at)"
        " FROM deal UNION ALL SELECT MAX(created_at) FROM company)",
    )
    assert latest < MIDNIGHT


def test_pipeline_thins_out_and_some_deals_step_back(demo):
    db = demo[0]
    reached = [
        n
        for _, n in _rows(
            db,
            "SELECT s.position, COUNT(DISTINCT h.deal_id) FROM stage_history h"
            " JOIN pipeline_stage s ON s.id = h.stage_id GROUP BY s.position ORDER BY s.position",
        )
    ]
    assert len(reached) == 4 and all(a > b for a, b in pairwise(reached))
    open_per_stage = [
        n
        for _, n in _rows(
            db,
            "SELECT s.position, COUNT(*) FROM deal d JOIN pipeline_stage s ON s.id = d.stage_id"
            " WHERE d.status = 'open' GROUP BY s.position ORDER BY s.position",
        )
    ]
    assert all(a > b for a, b in pairwise(open_per_stage))
    back_moves = _one(
        db,
        "SELECT COUNT(DISTINCT deal_id) FROM (SELECT h.deal_id, s.position,"
        " LAG(s.position) OVER (PARTITION BY h.deal_id ORDER BY h.entered_at, h.id) AS before"
        " FROM stage_history h JOIN pipeline_stage s ON s.id = h.stage_id) WHERE position < before",
    )
    assert 0.02 * 3000 < back_moves < 0.15 * 3000
    # Board order: distinct positions within each open column.
    assert (
        _rows(
            db,
            "SELECT stage_id, position FROM deal WHERE status = 'open'"
            " GROUP BY stage_id, position HAVING COUNT(*) > 1",
        )
        == []
    )
    # Open deals are recent; closed ones spread over the whole history.
    assert _one(db, "SELECT MIN(created_at) FROM deal WHERE status != 'open'") < "2024-08-01"
    recent = _one(db, "SELECT AVG(created_at >= '2025-08-01') FROM deal WHERE status = 'open'")
    assert recent > 0.6


# The last twelve whole months before TODAY, and TODAY's month so far (26 of its 30 days).
LAST_YEAR = [
    f"{y}-{m:02d}" for y, m in [(2024, 11), (2024, 12)] + [(2025, m) for m in range(1, 11)]
]
THIS_MONTH = "2025-11"
PER_MONTH = {
    "leads": "SELECT substr(entered_on, 1, 7), COUNT(*) FROM company GROUP BY 1",
    "deals": "SELECT substr(created_at, 1, 7), COUNT(*) FROM deal GROUP BY 1",
    "won": "SELECT substr(closed_at, 1, 7), COUNT(*) FROM deal WHERE status = 'won' GROUP BY 1",
    "lost": "SELECT substr(closed_at, 1, 7), COUNT(*) FROM deal WHERE status = 'lost' GROUP BY 1",
    "activities": "SELECT substr(done_at, 1, 7), COUNT(*) FROM activity"
    " WHERE done_at IS NOT NULL GROUP BY 1",
}


def test_months_bring_a_steady_flow_up_to_today(demo):
    """Leads, new deals, wins, losses and done activities come at a steady pace, growing a
    little over the year, and the last weeks are no exception: the generator once made a
    quarter of all deals and activities in the last month, 500 % of the activity target."""
    db = demo[0]
    for name, sql in PER_MONTH.items():
        per_month = dict(_rows(db, sql))
        year = [per_month.get(m, 0) for m in LAST_YEAR]
        assert min(year) > 0.55 * max(year), (name, year)
        pace = per_month.get(THIS_MONTH, 0) * 30 / 26
        assert 0.7 * min(year) < pace < 1.3 * max(year), (name, pace, year)


def test_this_months_targets_are_within_reach(demo):
    """The reports' target bars: TODAY's month so far at 60–120 % of each monthly target."""
    db = demo[0]
    actual = {
        "won_value": "SELECT SUM(value_minor) FROM deal WHERE status = 'won' AND closed_at >= ?",
        "won_deals": "SELECT COUNT(*) FROM deal WHERE status = 'won' AND closed_at >= ?",
        "new_leads": "SELECT COUNT(*) FROM company WHERE entered_on >= ?",
        "activities": "SELECT COUNT(*) FROM activity WHERE done_at >= ?",
    }
    first = f"{THIS_MONTH}-01"
    for metric, sql in actual.items():
        target = _one(
            db,
            "SELECT amount FROM target WHERE owner_id IS NULL AND period_kind = 'month'"
            " AND metric = ? AND period_start = ?",
            (metric, first),
        )
        assert 0.6 <= _one(db, sql, (first,)) / target <= 1.2, metric


def test_deals_have_contacts_all_their_open_life(demo):
    """Closed deals were worked on while open, not only the open ones; open deals are of all
    ages, the oldest the stalled ones."""
    db = demo[0]
    closed = _one(db, "SELECT COUNT(*) FROM deal WHERE status != 'open'")
    worked = _one(
        db,
        "SELECT COUNT(*) FROM deal d WHERE status != 'open' AND EXISTS (SELECT 1 FROM activity a"
        " WHERE a.deal_id = d.id AND a.done_at >= d.created_at AND a.done_at < d.closed_at)",
    )
    assert worked == closed
    # Done activities per deal grow with the time it was open: won deals took longest.
    per_deal = dict(
        _rows(
            db,
            "SELECT d.status, COUNT(a.id) * 1.0 / COUNT(DISTINCT d.id) FROM deal d"
            " LEFT JOIN activity a ON a.deal_id = d.id AND a.done_at IS NOT NULL GROUP BY 1",
        )
    )
    assert per_deal["won"] > per_deal["lost"] > 1
    ages = [
        age
        for (age,) in _rows(
            db,
            "SELECT julianday(?) - julianday(created_at) FROM deal WHERE status = 'open'",
            (MIDNIGHT,),
        )
    ]
    young = sum(age < 30 for age in ages) / len(ages)
    assert 0.3 < young < 0.8
    assert 0.05 < sum(age > 60 for age in ages) / len(ages) < 0.3


def test_funnel_narrows_and_customers_are_won_deals(demo):
    db = demo[0]
    reached = _rows(
        db,
        "SELECT f.position, COUNT(DISTINCT h.company_id) FROM funnel_stage f"
        " LEFT JOIN stage_history h ON h.funnel_stage_id = f.id GROUP BY f.id ORDER BY f.position",
    )
    counts = [n for _, n in reached]
    assert len(counts) == 5 and all(a > b > 0 for a, b in pairwise(counts))
    assert counts[0] == _one(db, "SELECT COUNT(*) FROM company")
    # Each company passes the stages in order, one current row matching Company.funnel_stage.
    assert (
        _rows(
            db,
            "SELECT company_id FROM (SELECT h.company_id, f.position, h.entered_at, h.left_at,"
            " ROW_NUMBER() OVER w - 1 AS k, LEAD(h.entered_at) OVER w AS next_entered"
            " FROM stage_history h JOIN funnel_stage f ON f.id = h.funnel_stage_id"
            " WINDOW w AS (PARTITION BY h.company_id ORDER BY h.entered_at))"
            " WHERE position != k OR left_at IS NOT next_entered OR entered_at >= COALESCE(left_at, 'open-ended')",
        )
        == []
    )
    assert (
        _rows(
            db,
            "SELECT c.id FROM company c JOIN stage_history h ON h.company_id = c.id"
            " AND h.left_at IS NULL JOIN funnel_stage f ON f.id = c.funnel_stage_id"
            " WHERE h.funnel_stage_id != c.funnel_stage_id OR c.reached_position != f.position"
            " OR c.entered_on != substr((SELECT MIN(entered_at) FROM stage_history"
            " WHERE company_id = c.id), 1, 10)",
        )
        == []
    )
    # Won deals make customers: the company converts exactly when its first deal is won.
    conversion = _one(db, "SELECT id FROM funnel_stage ORDER BY position DESC LIMIT 1")
    assert (
        _rows(
            db,
            "SELECT c.id FROM company c JOIN deal d ON d.company_id = c.id AND d.status = 'won'"
            " WHERE c.funnel_stage_id != ?",
            (conversion,),
        )
        == []
    )
    assert (
        _rows(
            db,
            "SELECT c.id FROM company c WHERE (c.funnel_stage_id = ?) != (c.converted_at IS NOT NULL)"
            " OR c.converted_at IS NOT (SELECT MIN(closed_at) FROM deal"
            " WHERE company_id = c.id AND status = 'won')"
            " OR c.converted_at IS NOT (SELECT entered_at FROM stage_history"
            " WHERE company_id = c.id AND funnel_stage_id = ?)",
            (conversion, conversion),
        )
        == []
    )
    # Deals start once the company is in talks (Interest or beyond), never before it entered.
    assert (
        _rows(
            db,
            "SELECT d.id FROM deal d JOIN company c ON c.id = d.company_id"
            " WHERE c.reached_position < 1 OR d.created_at < c.created_at",
        )
        == []
    )


def test_next_actions_rotting_and_dates(demo):
    db = demo[0]
    today = TODAY.isoformat()
    open_deals = _one(db, "SELECT COUNT(*) FROM deal WHERE status = 'open'")
    without = _one(
        db,
        "SELECT COUNT(*) FROM deal d WHERE status = 'open' AND NOT EXISTS (SELECT 1 FROM"
        " activity a WHERE a.deal_id = d.id AND a.done_at IS NULL)",
    )
    assert 0.05 < without / open_deals < 0.15
    due = dict(
        _rows(
            db,
            "SELECT CASE WHEN due_on < ? THEN 'overdue' WHEN due_on = ? THEN 'today'"
            " ELSE 'later' END, COUNT(*) FROM activity WHERE done_at IS NULL GROUP BY 1",
            (today, today),
        )
    )
    assert min(due.get(k, 0) for k in ("overdue", "today", "later")) > 20
    assert _one(db, "SELECT COUNT(*) FROM activity WHERE done_at IS NULL AND deal_id IN"
                " (SELECT id FROM deal WHERE status != 'open')") == 0  # fmt: skip
    # Rotting as the board defines it: no activity and no stage change within the threshold.
    rotting = _one(
        db,
        "SELECT COUNT(*) FROM deal d JOIN pipeline_stage s ON s.id = d.stage_id"
        " JOIN stage_history h ON h.deal_id = d.id AND h.left_at IS NULL"
        " WHERE d.status = 'open' AND h.entered_at < datetime(?, '-' || s.rotting_days || ' days')"
        " AND NOT EXISTS (SELECT 1 FROM activity a WHERE a.deal_id = d.id AND a.done_at >="
        " datetime(?, '-' || s.rotting_days || ' days'))",
        (MIDNIGHT, MIDNIGHT),
    )
    assert 0.03 < rotting / open_deals < 0.3
    per_deal = _one(db, "SELECT COUNT(*) FROM activity") / 3000
    assert 2 <= per_deal <= 3
    assert _one(db, "SELECT COUNT(*) FROM activity WHERE deal_id IS NULL") > 0
    # Expected close: mostly the next four months for open deals.
    ahead = _one(
        db,
        "SELECT AVG(expected_close BETWEEN ? AND date(?, '+4 months')) FROM deal"
        " WHERE status = 'open' AND expected_close IS NOT NULL",
        (today, today),
    )
    assert ahead > 0.8
    manual = _one(db, "SELECT AVG(probability IS NOT NULL) FROM deal")
    assert 0.02 < manual < 0.08
    values = _rows(db, "SELECT MIN(value_minor), MAX(value_minor) FROM deal")[0]
    assert values[0] >= 500_00 and values[1] <= 250_000_00
    assert _one(db, "SELECT COUNT(*) FROM deal WHERE value_minor % 1000 != 0") == 0


def test_tags_spend_and_targets(demo):
    db = demo[0]
    tags = dict(_rows(db, "SELECT name, is_action FROM tag"))
    assert tags["Rückruf"] == 1 and tags["VIP"] == 0
    assert _one(db, "SELECT COUNT(DISTINCT tag_id) FROM deal_tag") >= 4
    assert _one(db, "SELECT COUNT(DISTINCT tag_id) FROM company_tag") >= 3
    assert (
        _rows(db, "SELECT month, channel FROM spend GROUP BY month, channel HAVING COUNT(*) > 1")
        == []
    )
    months = [m for (m,) in _rows(db, "SELECT DISTINCT month FROM spend ORDER BY month")]
    assert len(months) == 18 and months[0] == "2024-06-01" and months[-1] == "2025-11-01"
    assert _one(db, "SELECT COUNT(DISTINCT channel) FROM spend") == 7
    assert _one(db, "SELECT MIN(amount_minor) FROM spend") > 0
    targets = _rows(
        db, "SELECT period_kind, COUNT(DISTINCT period_start), COUNT(DISTINCT metric) FROM target"
        " WHERE owner_id IS NULL GROUP BY period_kind ORDER BY period_kind"
    )  # fmt: skip
    assert targets == [("month", 10, 4), ("quarter", 1, 4), ("year", 1, 4)]
    assert _one(db, "SELECT MIN(amount) FROM target") > 0


def test_today_defaults_to_the_utc_date(tmp_path):
    db = database.connect(tmp_path / "now.sqlite")
    try:
        generate(db, deals=50)
        now = dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(" ")
        assert _one(db, "SELECT MAX(COALESCE(left_at, entered_at)) FROM stage_history") < now
    finally:
        db.close()


def test_companies_can_be_asked_for_apart_from_deals(tmp_path):
    """The funnel benchmarks' databases: as many companies as deals, each a sound demo."""
    db = database.connect(tmp_path / "wide.sqlite")
    try:
        counts = generate(db, deals=400, companies=400)
        assert counts["companies"] == _one(db, "SELECT COUNT(*) FROM company") == 400
        assert counts["deals"] == _one(db, "SELECT COUNT(*) FROM deal") == 400
        assert counts["won"] == 146
        # Every customer still has a won deal behind it.
        assert (
            _one(
                db,
                "SELECT COUNT(*) FROM company c WHERE c.converted_at IS NOT NULL AND NOT EXISTS "
                "(SELECT 1 FROM deal d WHERE d.company_id = c.id AND d.status = 'won')",
            )
            == 0
        )
        for companies in (19, 100_001):
            with pytest.raises(ValueError, match="companies"):
                generate(db, deals=50, companies=companies)
    finally:
        db.close()


@pytest.mark.parametrize(("deals", "seed"), [(50, 9), (51, 9), (60, 14)])
def test_small_demos_of_any_seed_are_made(tmp_path, deals, seed):
    """Seeds whose last deals would close after the flow's last day (an IndexError once)."""
    db, counts = _make(tmp_path / "small.sqlite", deals, seed=seed, today=dt.date(2026, 11, 26))
    try:
        assert counts["deals"] == deals
    finally:
        db.close()
