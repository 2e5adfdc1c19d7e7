"""Running totals that SQLite triggers keep: board column headers and funnel counts.

A board header (open deals, value, weighted value of one stage) and the funnel report (live
companies by entry day and reach) were aggregates over every matching row: 1.5 ms per column
at 100,000 deals, on every drop. The tallies hold those sums for a few rows each. Triggers
rather than service code keep them because every path that writes deals or companies — the
services, undo's row images, the trash, imports, migrations — then updates them in the same
statement, so they cannot drift. The reference aggregates stay in the services for the
filtered cases and the tests compare the two.

The trigger bodies are SQLite's dialect (UPSERT, WHEN); like the pragmas they stay here.
"""

from __future__ import annotations

import peewee as pw

_OPEN_DEAL = "{row}.status = 'open' AND {row}.deleted_at IS NULL"
_LIVE_COMPANY = "{row}.deleted_at IS NULL"


def _add_deal(row: str) -> str:
    return (
        "INSERT INTO stage_tally (stage_id, deals, value_minor, default_value_minor, "
        "weighted_percent_minor) "
        f"SELECT {row}.stage_id, 1, {row}.value_minor, "
        f"CASE WHEN {row}.probability IS NULL THEN {row}.value_minor ELSE 0 END, "
        f"COALESCE({row}.value_minor * {row}.probability, 0) "
        f"WHERE {_OPEN_DEAL.format(row=row)} "
        "ON CONFLICT (stage_id) DO UPDATE SET deals = deals + excluded.deals, "
        "value_minor = value_minor + excluded.value_minor, "
        "default_value_minor = default_value_minor + excluded.default_value_minor, "
        "weighted_percent_minor = weighted_percent_minor + excluded.weighted_percent_minor;"
    )


def _remove_deal(row: str) -> str:
    return (
        "UPDATE stage_tally SET deals = deals - 1, "
        f"value_minor = value_minor - {row}.value_minor, "
        "default_value_minor = default_value_minor - "
        f"(CASE WHEN {row}.probability IS NULL THEN {row}.value_minor ELSE 0 END), "
        "weighted_percent_minor = weighted_percent_minor - "
        f"COALESCE({row}.value_minor * {row}.probability, 0) "
        f"WHERE stage_id = {row}.stage_id AND {_OPEN_DEAL.format(row=row)};"
    )


def _add_company(row: str) -> str:
    return (
        "INSERT INTO funnel_tally (entered_on, reached_position, funnel_stage_id, companies) "
        f"SELECT {row}.entered_on, {row}.reached_position, {row}.funnel_stage_id, 1 "
        f"WHERE {_LIVE_COMPANY.format(row=row)} "
        "ON CONFLICT (entered_on, reached_position, funnel_stage_id) "
        "DO UPDATE SET companies = companies + 1;"
    )


def _remove_company(row: str) -> str:
    # Emptied rows go: the tally stays as small as the combinations that exist.
    key = (
        f"entered_on = {row}.entered_on AND reached_position = {row}.reached_position "
        f"AND funnel_stage_id = {row}.funnel_stage_id"
    )
    return (
        f"UPDATE funnel_tally SET companies = companies - 1 WHERE {key} "
        f"AND {_LIVE_COMPANY.format(row=row)}; "
        f"DELETE FROM funnel_tally WHERE {key} AND companies = 0;"
    )


# (name, table, event, body): each trigger removes the old row's share and adds the new one's.
_TRIGGERS = (
    ("stage_tally_deal_insert", "deal", "AFTER INSERT", _add_deal("NEW")),
    ("stage_tally_deal_delete", "deal", "AFTER DELETE", _remove_deal("OLD")),
    (
        "stage_tally_deal_update",
        "deal",
        "AFTER UPDATE OF stage_id, status, deleted_at, value_minor, probability",
        _remove_deal("OLD") + " " + _add_deal("NEW"),
    ),
    ("funnel_tally_company_insert", "company", "AFTER INSERT", _add_company("NEW")),
    ("funnel_tally_company_delete", "company", "AFTER DELETE", _remove_company("OLD")),
    (
        "funnel_tally_company_update",
        "company",
        "AFTER UPDATE OF entered_on, reached_position, funnel_stage_id, deleted_at",
        _remove_company("OLD") + " " + _add_company("NEW"),
    ),
)
TALLY_TABLES = {"deal": "stage_tally", "company": "funnel_tally"}

_REFILL = {
    "stage_tally": (
        "INSERT INTO stage_tally (stage_id, deals, value_minor, default_value_minor, "
        "weighted_percent_minor) "
        "SELECT stage_id, COUNT(*), SUM(value_minor), "
        "SUM(CASE WHEN probability IS NULL THEN value_minor ELSE 0 END), "
        "COALESCE(SUM(value_minor * probability), 0) "
        "FROM deal WHERE status = 'open' AND deleted_at IS NULL GROUP BY stage_id"
    ),
    "funnel_tally": (
        "INSERT INTO funnel_tally (entered_on, reached_position, funnel_stage_id, companies) "
        "SELECT entered_on, reached_position, funnel_stage_id, COUNT(*) FROM company "
        "WHERE deleted_at IS NULL GROUP BY entered_on, reached_position, funnel_stage_id"
    ),
}


def install(db: pw.Database) -> None:
    """Create the triggers (if missing) and recompute both tallies from the rows."""
    for name, table, event, body in _TRIGGERS:
        db.execute_sql(
            f'CREATE TRIGGER IF NOT EXISTS "{name}" {event} ON "{table}" BEGIN {body} END'
        )
    refill(db, TALLY_TABLES.values())


def refill(db: pw.Database, tables) -> None:
    """Recompute tallies from scratch (one aggregate each): after a bulk insert without them."""
    for table in tables:
        db.execute_sql(f'DELETE FROM "{table}"')
        db.execute_sql(_REFILL[table])


def triggers_of(table: str) -> list[str]:
    """Names of the tally triggers on `table` (a bulk insert drops and recreates them)."""
    return [name for name, on, _event, _body in _TRIGGERS if on == table]
