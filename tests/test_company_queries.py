"""Companies table, contacts and next-actions queries on a real database (no Qt)."""

import datetime as dt

from app.domain.periods import last_12_months
from app.services import next_actions as na
from app.services.company_queries import SORT_KEYS, Cohort, CompanyFilter, CompanyQueries
from app.services.next_actions import NextActionQueries
from app.services.reports import FunnelFilter

TODAY = dt.date.today()


def funnel(services):
    return [s for s, _ in services.stages.funnel_stages()]


def make(services):
    aw, interest, consideration, _eng, conv = funnel(services)
    a = services.companies.create("Acme", group="SMB", source="Webinar", tags=["call back"])
    b = services.companies.create("Beta", group="Enterprise", source="Ads")
    c = services.companies.create("Gamma", group="SMB", source="Ads", funnel_stage_id=conv)
    services.catalog.set_action_tag("call back", True)
    services.companies.set_funnel_stage([b], consideration)
    services.companies.create_contact(b, "Berta Bauer", email="berta@beta.example")
    q = services.stages.pipeline_stages(1)[0][0]
    services.deals.create("Beta deal", stage_id=q, company_id=b, value_minor=500_00)
    services.deals.create("Beta deal 2", stage_id=q, company_id=b, value_minor=250_00)
    services.activities.log("Intro call", company_id=c)
    services.activities.schedule("Send offer", TODAY + dt.timedelta(days=2), company_id=c)
    return a, b, c


def test_rows_derive_last_contact_next_action_and_open_deals(services):
    a, b, c = make(services)
    q = CompanyQueries(services)
    rows = {r.company_id: r for r in q.page()}
    assert [r.name for r in q.page()] == ["Acme", "Beta", "Gamma"]
    assert rows[a].next_action == "call back" and rows[a].next_is_tag
    assert rows[b].open_deals == 2 and rows[b].open_value_minor == 750_00
    assert rows[b].funnel_stage == "Consideration"
    assert rows[c].last_contact is not None
    assert (rows[c].next_action, rows[c].next_due) == ("Send offer", TODAY + dt.timedelta(days=2))
    assert rows[a].tags == ("call back",)


def test_filters(services):
    a, b, c = make(services)
    q = CompanyQueries(services)

    def ids(**kw):
        return set(q.ids(CompanyFilter(**kw)))

    assert ids(text="bert") == {b}  # a contact's name finds the company
    assert ids(text="webinar") == {a}
    assert ids(group="SMB") == {a, c}
    assert ids(source="Ads") == {b, c}
    assert ids(tag="call back") == {a}
    assert ids(funnel_stage_id=funnel(services)[2]) == {b}
    assert ids(no_next_action=True) == {b}  # a has an action tag, c a scheduled activity
    assert ids(no_contact_days=30) == {a, b}
    assert q.count(CompanyFilter(group="SMB")) == 2
    assert q.groups() == ["Enterprise", "SMB"] and q.sources() == ["Ads", "Webinar"]


def test_every_sort_key_orders_all_rows(services):
    make(services)
    q = CompanyQueries(services)
    for key in SORT_KEYS:
        for desc in (False, True):
            assert len(q.ids(sort=key, descending=desc)) == 3
    assert q.page(sort="open_value", descending=True)[0].name == "Beta"
    # Paging: offsets continue where the previous page stopped.
    assert q.ids(limit=2) + q.ids(offset=2, limit=2) == q.ids()


def test_row_number_is_the_place_in_ids_for_every_sort_and_filter(services):
    make(services)
    for i in range(12):  # ties in every key but the name: the id decides
        services.companies.create(f"Firma {i % 4}", group="SMB" if i % 2 else "")
    q = CompanyQueries(services)
    for f in (CompanyFilter(), CompanyFilter(group="SMB"), CompanyFilter(text="firma 1")):
        for key in SORT_KEYS:
            for desc in (False, True):
                ids = q.ids(f, key, desc)
                assert [q.row_number(i, f, key, desc) for i in ids] == list(range(len(ids)))
    beta = q.ids(CompanyFilter(text="Beta"))[0]
    assert q.row_number(beta, CompanyFilter(group="SMB")) is None  # hidden by the filter


def test_cohort_equals_funnel_report_counts(services):
    make(services)
    old = services.companies.create("Old", entered_on=TODAY - dt.timedelta(days=800))
    services.companies.set_funnel_stage([old], funnel(services)[-1])
    q = CompanyQueries(services)
    period = last_12_months(TODAY)
    for flt in (FunnelFilter(), FunnelFilter(group="SMB"), FunnelFilter(source="Ads")):
        report = services.reports.funnel(period, flt)
        for stage_id, row in zip(funnel(services), report["stages"], strict=True):
            cohort = Cohort(period.start, period.end, stage_id)
            f = CompanyFilter(group=flt.group, source=flt.source, cohort=cohort)
            assert q.count(f) == row["reached"] == len(q.ids(f))


def test_cohort_counts_the_highest_stage_ever_reached(services):
    """A company that moved on and back still counts at the stage it once reached."""
    aw, interest, consideration, *_ = funnel(services)
    company = services.companies.create("Back", entered_on=TODAY - dt.timedelta(days=5))
    services.companies.set_funnel_stage([company], consideration)
    services.companies.set_funnel_stage([company], interest)
    period = last_12_months(TODAY)
    q = CompanyQueries(services)
    third = CompanyFilter(cohort=Cohort(period.start, period.end, consideration))
    assert q.ids(third) == [company]
    assert services.reports.funnel(period)["stages"][2]["reached"] == 1


def test_detail_contacts_deals_timeline(services):
    a, b, c = make(services)
    q = CompanyQueries(services)
    d = q.detail(b)
    assert d["name"] == "Beta" and d["funnel_stage_name"] == "Consideration"
    assert [r[1] for r in q.contacts_of(b)] == ["Berta Bauer"]
    assert [r[1] for r in q.deals_of(b)] == ["Beta deal", "Beta deal 2"]
    timeline = q.timeline(c)
    assert [r[2] for r in timeline] == ["Send offer", "Intro call"]  # open first
    assert q.detail(10_000) is None
    contacts = q.contacts("beta")
    assert [(r.name, r.company_id) for r in contacts] == [("Berta Bauer", b)]
    assert q.contact_count("nobody") == 0


def test_next_actions_sections(services):
    a, b, c = make(services)
    services.activities.schedule("Late", TODAY - dt.timedelta(days=3), company_id=b)
    services.activities.schedule("Now", TODAY, company_id=b)
    services.activities.schedule("Whenever", None, company_id=b)
    n = NextActionQueries(services)
    counts = n.counts(TODAY)
    assert counts == {na.OVERDUE: 1, na.TODAY: 1, na.TAGGED: 1, na.UPCOMING: 1, na.UNDATED: 1}
    assert [i.subject for i in n.items(na.OVERDUE)] == ["Late"]
    assert [i.subject for i in n.items(na.TODAY)] == ["Now"]
    assert [i.subject for i in n.items(na.UNDATED)] == ["Whenever"]
    assert [(i.kind, i.subject, i.company_id) for i in n.items(na.TAGGED)] == [
        ("tag", "call back", a)
    ]
    assert [i.subject for i in n.items(na.UPCOMING)] == ["Send offer"]
    services.companies.delete([b])  # trashed companies leave the list
    assert n.counts(TODAY)[na.OVERDUE] == 0
