"""Board columns from SQL on a real database: the order and pages with closed deals shown."""

from app.services import demo
from app.services.board import BoardFilter


def column_reference(services, stage_id, text=""):
    """Open deals by position, then closed ones by position, read plainly and sorted here."""
    rows = services.db.execute_sql(
        "SELECT d.id, d.status, d.position, LOWER(d.title || ' ' || COALESCE(c.name, '') || "
        "' ' || COALESCE((SELECT GROUP_CONCAT(t.name, ' ') FROM deal_tag dt "
        "JOIN tag t ON t.id = dt.tag_id WHERE dt.deal_id = d.id), '')) "
        "FROM deal d LEFT JOIN company c ON c.id = d.company_id "
        "WHERE d.stage_id = ? AND d.deleted_at IS NULL",
        (stage_id,),
    ).fetchall()
    rows = [r for r in rows if text.lower() in r[3]]
    return [r[0] for r in sorted(rows, key=lambda r: (r[1] != "open", r[2], r[0]))]


def test_show_closed_pages_follow_open_then_closed_by_position(services):
    demo.generate(services.db, deals=300, seed=5)
    stages = [sid for sid, *_ in services.stages.pipeline_stages(1)]
    # A few deals of every status moved by hand, so positions interleave across statuses.
    some = [d for (d,) in services.db.execute_sql("SELECT id FROM deal LIMIT 9").fetchall()]
    services.deals.move(some[:3], stages[-1], 0)
    services.deals.win(some[3:5])
    services.deals.lose(some[5:7], "Zu teuer")
    for text in ("", "ag", "vip"):
        f = BoardFilter(text=text, show_closed=True)
        for stage_id in stages:
            paged = []
            while len(page := services.board.page(stage_id, len(paged), 17, f)) > 0:
                paged += [card.deal_id for card in page]
            assert paged == column_reference(services, stage_id, text)
            statuses = [
                card.status for card in services.board.page(stage_id, 0, len(paged) or 1, f)
            ]
            assert statuses == sorted(statuses, key=lambda s: s != "open")
