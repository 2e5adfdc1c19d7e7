"""Demo data: a deterministic, plausible 18-month sales history written into a new database."""

from __future__ import annotations

import datetime as dt
import math
import random
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Sequence
from itertools import accumulate
from typing import TypeVar

import peewee as pw

from app.domain.periods import add_months, month_start, period_of
from app.storage.bulk import indexes_rebuilt, insert_rows, page_cache
from app.storage.models import (
    LOST,
    OPEN,
    WON,
    Activity,
    Company,
    CompanyTag,
    Contact,
    Deal,
    DealTag,
    FunnelStage,
    Pipeline,
    PipelineStage,
    Setting,
    Spend,
    StageHistory,
    Tag,
    Target,
    User,
)

T = TypeVar("T")
DAY = 86_400
HISTORY_MONTHS = 18
MIN_DEALS, MAX_DEALS = 50, 100_000

# Funnel: chance to move on from stage k to k+1 (Awareness→Interest, ... Engagement→Conversion),
# and the mean days that step takes. Conversion itself happens when a deal is won.
FUNNEL_STEP_CHANCE = (0.70, 0.65, 0.60, 0.55)
FUNNEL_STEP_DAYS = (14, 21, 28)
# Pipeline, by stage position: mean days in the stage, and where lost deals were lost. Open
# deals are where these put them (time spent there): they thin out towards Close.
STAGE_DAYS = (15, 11, 10, 7)
LOST_AT = (38, 30, 20, 12)
# Outcomes. Deals come at a steady pace and are open five to seven weeks, so the open ones
# are what the last weeks brought and did not close yet: about an eighth of the history's
# deals. (A larger open share would need the last weeks to bring more deals than any month
# before.) Won / (won + lost) stays about 41 %.
WON_SHARE, LOST_SHARE = 0.365, 0.52
MIN_OPEN = 40  # but a small demo still fills a board: this many open (at most a third)
STALL = 0.06  # chance that a lost deal sat 20–90 days in its last stage before it was lost
DEALS_PER_COMPANY = 2.2
# The pace of new leads and deals: up by GROWTH over the history, by calendar month a little
# seasonal (quiet summer holidays and Christmas), little at weekends.
GROWTH = 0.5
SEASON = (1.0, 1.0, 1.05, 1.0, 1.0, 0.95, 0.9, 0.85, 1.0, 1.05, 1.05, 0.85)
WEEKEND = 0.15
RAMP_DAYS = 60  # deals ramp up while the first leads reach Consideration, over ~this many days
# Days after reaching Consideration in which a company gets new deals (a customer: more), so
# that the first leads do not collect the deals of the whole history.
DEAL_WINDOW, REPEAT_WINDOW = 180, 270
FIRST_DEAL_DAYS = 20  # mean days from Consideration to a customer's first (won) deal
BUSY = 8  # a company with this many deals takes another at half the chance
# Done activities of a deal: each follow-up before its stage's rotting threshold passes comes
# at this chance (else the chain breaks and the deal rots); a last word shortly before it
# closes at that (always, if there was no other).
FOLLOW_UP, CLOSE_CONTACT = 0.8, 0.35
BULK_CACHE_KIB = 65_536  # page cache while loading, KiB (64 MiB)
ROWS_PER_STATEMENT = 100  # x 10 columns stays far below SQLite's 32,766 variables

SEGMENTS = (
    ("Mittelstand", 45, 1.0),
    ("Enterprise", 12, 2.6),
    ("Startup", 18, 0.5),
    ("Öffentliche Hand", 8, 1.5),
    ("Agency", 17, 0.7),
)
# Channel: share of leads, fixed spend per month (EUR, at ~900 companies), spend per lead (EUR).
CHANNELS = (
    ("Webinar", 14, 300, 35),
    ("Messe", 12, 0, 120),
    ("Empfehlung", 15, 0, 20),
    ("LinkedIn", 17, 400, 70),
    ("Google Ads", 18, 600, 55),
    ("Newsletter", 12, 150, 8),
    ("Kaltakquise", 12, 250, 25),
)
TRADE_FAIR_MONTHS = (3, 6, 9, 11)
LOST_REASONS = (
    ("Preis zu hoch", 26),
    ("Kein Budget", 20),
    ("Wettbewerber gewählt", 22),
    ("Timing", 14),
    ("No decision", 12),
    ("Kein Bedarf mehr", 6),
)
MANUAL_PROBABILITIES = (15, 20, 25, 40, 50, 65, 75, 80, 90)
TAGS = (
    ("Rückruf", True),
    ("VIP", False),
    ("Upsell", False),
    ("Wichtig", False),
    ("Referenz", False),
)


def _words(text: str) -> tuple[str, ...]:
    """A word list written as one comma-separated string (it keeps the tables short)."""
    return tuple(w.strip() for w in text.split(",") if w.strip())


def _actions(text: str) -> tuple[tuple[str, str], ...]:
    """ "kind: subject; kind: subject" → ((kind, subject), ...)."""
    return tuple(
        (kind.strip(), subject.strip())
        for kind, subject in (item.split(":", 1) for item in text.split(";"))
    )


GERMAN = {
    "stems": _words(
        "Müller, Schneider, Becker, Hoffmann, Nordwind, Alpen, Weber, Fischer, Wagner, Keller,"
        "Brandt, Lindner, Bergmann, Sonnenfeld, Elbtal, Isar, Hansa, Spree, Rheinland,"
        "Schwarzwald, Falken, Lorenz, Vogt, Kraft, Seeberger, Adler, Eichenhof, Heider, Ostsee,"
        "Westfalen"
    ),
    "sectors": _words(
        "Logistik, Software, Maschinenbau, Medien, Bau, Consulting, Systeme, Energie, Technik,"
        "Handel, Druck, Automation, Immobilien, Digital, Elektro, Gastro"
    ),
    "forms": _words("GmbH, GmbH, GmbH, AG, KG, GmbH & Co. KG, & Co., e.K., UG"),
    "cities": _words(
        "Berlin, Hamburg, München, Köln, Frankfurt, Stuttgart, Düsseldorf, Leipzig, Dresden,"
        "Hannover, Nürnberg, Bremen, Essen, Dortmund, Bonn, Münster, Freiburg, Augsburg,"
        "Mannheim, Kiel, Rostock, Regensburg, Ulm, Potsdam, Wiesbaden, Mainz, Karlsruhe, Erfurt,"
        "Bielefeld, Kassel"
    ),
    "tld": ".de",
    "first": _words(
        "Anna, Lukas, Julia, Felix, Laura, Jonas, Sophie, Maximilian, Lea, Paul, Marie, Tobias,"
        "Katharina, Stefan, Sabine, Thomas, Claudia, Andreas, Jana, Matthias, Nina, Jan, Miriam,"
        "Florian, Jürgen, Birgit"
    ),
    "last": _words(
        "Müller, Schmidt, Schneider, Fischer, Weber, Meyer, Wagner, Becker, Schulz, Hoffmann,"
        "Koch, Richter, Klein, Wolf, Schröder, Neumann, Schwarz, Zimmermann, Braun, Krüger,"
        "Hartmann, Lange, Schmitt, Werner, Krause, Meier, Lehmann, Köhler, Jäger, Groß"
    ),
    "roles": _words(
        "Geschäftsführung, Einkauf, IT-Leitung, Vertriebsleitung, Marketingleitung,"
        "Projektleitung, Assistenz der Geschäftsführung, Bereichsleitung Operations"
    ),
    "phone": _words("+49 30, +49 40, +49 89, +49 221, +49 69, +49 711, +49 211, +49 341"),
    "products": _words(
        "Softwarelizenzen, Wartungsvertrag, Rollout Phase 2, Beratungspaket, Vertriebsschulung,"
        "Cloud-Migration, Support-Verlängerung, Pilotprojekt, Rahmenvertrag,"
        "Erweiterung Nutzerlizenzen, Hardware-Paket, ERP-Anbindung"
    ),
    "done": {
        "call": _words(
            "Telefonat: Bedarf besprochen, Rückruf erledigt, Telefonat mit Entscheider,"
            "Kurzes Update am Telefon"
        ),
        "meeting": _words(
            "Termin vor Ort, Produktdemo, Workshop Anforderungen, Videocall mit dem Team"
        ),
        "email": _words(
            "Unterlagen per E-Mail gesendet, Nachfass-E-Mail, Referenzen gesendet,"
            "Angebot per E-Mail geschickt"
        ),
        "note": _words(
            "Budget erst im nächsten Quartal, Entscheidung liegt beim Vorstand,"
            "Wettbewerber ist im Gespräch"
        ),
    },
    # Next actions by pipeline stage (Qualification, Meeting, Proposal, Close).
    "next": (
        _actions("call: Bedarf klären; call: Budget erfragen; task: Entscheider identifizieren"),
        _actions("meeting: Termin vereinbaren; task: Demo vorbereiten; email: Agenda versenden"),
        _actions("task: Angebot erstellen; call: Angebot nachfassen; meeting: Einwände klären"),
        _actions(
            "email: Vertrag senden; call: Unterschrift nachfassen;"
            "meeting: Konditionen final abstimmen"
        ),
    ),
    "company_done": _actions(
        "call: Erstkontakt; email: Infomaterial gesendet; email: Webinar-Einladung;"
        "note: Lead auf der Messe erfasst; call: Qualifizierungsgespräch"
    ),
    "company_next": _actions(
        "call: Nachfassen; email: Case Study senden; task: Lead qualifizieren"
    ),
    "notes": _words(
        "Bevorzugt Kontakt per E-Mail., Rahmenvertrag läuft bis Jahresende.,"
        "Entscheidungen fallen im Quartalsmeeting."
    ),
}
ENGLISH = {
    "stems": _words(
        "Smith, Bright, Harbor, Summit, Oakridge, Blue River, Northstar, Redwood, Pioneer, Atlas,"
        "Crescent, Evergreen, Kingsley, Silverline, Greenfield, Westbrook, Ashford, Beacon,"
        "Cobalt, Maple"
    ),
    "sectors": _words(
        "Solutions, Software, Logistics, Analytics, Labs, Consulting, Systems, Media, Partners,"
        "Health, Engineering, Retail"
    ),
    "forms": _words("Ltd, Ltd, Inc, LLC, Group, plc"),
    "cities": _words(
        "London, Manchester, Leeds, Bristol, Dublin, Edinburgh, Glasgow, Birmingham, Boston,"
        "Chicago, Austin, Denver, Seattle, Toronto, Cork"
    ),
    "tld": ".co.uk",
    "first": _words(
        "James, Emma, Oliver, Olivia, Harry, Amelia, George, Sophia, Jack, Emily, Noah, Grace,"
        "Liam, Chloe, Daniel, Hannah, Michael, Sarah, David, Rachel"
    ),
    "last": _words(
        "Smith, Jones, Taylor, Brown, Williams, Wilson, Johnson, Davies, Robinson, Wright,"
        "Thompson, Evans, Walker, White, Roberts, Green, Hall, Wood, Clarke, Harris"
    ),
    "roles": _words(
        "CEO, Head of Procurement, CTO, Head of Sales, Marketing Manager, Project Manager,"
        "Operations Director, Office Manager"
    ),
    "phone": _words("+44 20, +44 161, +44 113, +44 117, +353 1, +1 617"),
    "products": _words(
        "Software licenses, Maintenance contract, Phase 2 rollout, Consulting package,"
        "Sales training, Cloud migration, Support renewal, Pilot project, Framework agreement,"
        "Seat expansion, Hardware bundle, ERP integration"
    ),
    "done": {
        "call": _words(
            "Call: needs discussed, Returned call, Call with decision maker, Quick status call"
        ),
        "meeting": _words(
            "On-site meeting, Product demo, Requirements workshop, Video call with the team"
        ),
        "email": _words(
            "Sent brochure by email, Follow-up email, Sent references, Emailed the proposal"
        ),
        "note": _words("Budget only next quarter, Board decides, Competitor in the running"),
    },
    "next": (
        _actions("call: Clarify needs; call: Ask about budget; task: Identify decision maker"),
        _actions("meeting: Book a meeting; task: Prepare demo; email: Send agenda"),
        _actions("task: Write proposal; call: Follow up on proposal; meeting: Handle objections"),
        _actions("email: Send contract; call: Chase signature; meeting: Agree final terms"),
    ),
    "company_done": _actions(
        "call: First contact; email: Sent information pack; email: Webinar invitation;"
        "note: Lead captured at trade fair; call: Qualification call"
    ),
    "company_next": _actions("call: Follow up; email: Send case study; task: Qualify lead"),
    "notes": _words(
        "Prefers email., Framework contract ends this year.,"
        "Decisions are made in the quarterly meeting."
    ),
}
DONE_KINDS = ("call", "email", "meeting", "note")
DONE_KIND_CUM = tuple(accumulate((40, 30, 20, 10)))
ASCII = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", " ": "-"})
# The columns each bulk insert fills, in the order of the row tuples built below.
COLUMNS = {
    Company: _words(
        "id, name, group, funnel_stage, source, entered_on, notes, owner, created_at,"
        "reached_position, converted_at"
    ),
    Contact: _words("id, company, name, role, email, phone, created_at"),
    Deal: _words(
        "id, title, company, contact, value_minor, pipeline, stage, position, status,"
        "lost_reason, probability, expected_close, notes, owner, created_at, closed_at,"
        "reached_position, stage_entered_at"
    ),
    StageHistory: _words("id, deal, stage, status, company, funnel_stage, entered_at, left_at"),
    Activity: _words(
        "id, kind, subject, company, deal, contact, due_on, done_at, notes, created_at"
    ),
    Tag: _words("id, name, is_action"),
    DealTag: _words("deal, tag"),
    CompanyTag: _words("company, tag"),
    Spend: _words("channel, month, amount_minor"),
    Target: _words("metric, period_kind, period_start, amount, owner"),
}


def generate(
    db: pw.Database,
    deals: int = 2000,
    seed: int = 1,
    today: dt.date | None = None,
    companies: int | None = None,
) -> dict[str, int]:
    """Fill a new database with `deals` deals and everything around them; return the counts.

    `companies` defaults to one per DEALS_PER_COMPANY deals; the funnel benchmarks ask for
    as many companies as deals (up to MAX_DEALS of each).

    The same seed and `today` give the same rows. The history covers the 18 months up to
    `today` (default: today in UTC) and every stored instant lies before `today` 00:00 UTC, so
    none is in the future. One transaction: on an error nothing is written. Raises ValueError
    if `deals` is outside 50..100,000 or the database already holds records.
    """
    if not MIN_DEALS <= deals <= MAX_DEALS:
        raise ValueError(f"deals must be between {MIN_DEALS} and {MAX_DEALS}, not {deals}")
    if companies is not None and not 20 <= companies <= MAX_DEALS:
        raise ValueError(f"companies must be between 20 and {MAX_DEALS}, not {companies}")
    if today is None:
        today = dt.datetime.now(dt.UTC).date()
    with db.atomic():
        for model in (Company, Contact, Deal, Activity, StageHistory, Spend, Target):
            if model.select().bind(db).exists():
                raise ValueError("demo data goes into a new database; this one holds records")
        return _Demo(db, deals, seed, today, companies).run()


def _cum(weights: Sequence[float]) -> list[float]:
    return list(accumulate(weights))


# Random.choice/choices/randint cost microseconds each (argument checks); these cost a draw.
def _pick(rand: Callable[[], float], seq: Sequence[T]) -> T:
    return seq[int(rand() * len(seq))]


def _weighted(rand: Callable[[], float], cum: Sequence[float]) -> int:
    """An index drawn with the weights whose running sums are `cum`."""
    return min(bisect_right(cum, rand() * cum[-1]), len(cum) - 1)


def _between(rand: Callable[[], float], lo: int, hi: int) -> int:
    """An integer in lo..hi, both included."""
    return lo + int(rand() * (hi - lo + 1))


def _pad(values: Sequence[float], n: int, fill: float) -> list[float]:
    """`values` cut or extended to n entries (a pipeline or funnel with other stage counts)."""
    return [values[k] if k < len(values) else fill for k in range(n)]


class _Clock:
    """Seconds since the start of the history → the stored text of timestamps and dates.

    Each day's 24 hours are squeezed monotonically into 07:00–17:00 UTC: the order of
    instants is kept (distinct whenever they are 3 s apart) and every stamp is office hours.
    """

    PAD = 400  # days of dates before the start and after today (due dates, expected closes)

    def __init__(self, start: dt.date, today: dt.date):
        self.days = (today - start).days
        self.now = self.days * DAY  # today 00:00: every stored instant lies before it
        first = start - dt.timedelta(days=self.PAD)
        self.dates = [
            (first + dt.timedelta(days=d)).isoformat() for d in range(self.days + 2 * self.PAD)
        ]
        self.prefix = [d + " " for d in self.dates]
        self.clock = []
        for s in range(DAY):
            office = 7 * 3600 + s * 10 // 24
            self.clock.append(f"{office // 3600:02d}:{office // 60 % 60:02d}:{office % 60:02d}")

    def stamp(self, t: int) -> str:
        return self.prefix[t // DAY + self.PAD] + self.clock[t % DAY]

    def date(self, day: int) -> str:
        """The date `day` days after the start (negative and future days allowed)."""
        return self.dates[day + self.PAD]


def _spread(rand: Callable[[], float], n: int) -> list[float]:
    """n numbers in [0, 1), one in each n-th of it, ascending: drawn through a distribution's
    running sums they follow it closely, so even a small demo's months do not look random."""
    return [(k + rand()) / n for k in range(n)]


class _Chooser:
    """Who gets a deal made at an instant: a company that reached its deal stage
    (Consideration) within `window` days before, drawn by weight; and the days deals close on,
    at the flow's pace, ramping up `lag` days after the first companies reach that stage."""

    def __init__(self, members, weights, starts, flow: list[float], window: int, lag: int):
        order = sorted(range(len(members)), key=lambda k: starts[members[k]])
        self.members = [members[k] for k in order]
        self.starts = [starts[m] for m in self.members]
        self.cum = [0.0, *_cum([weights[k] for k in order])]
        self.window = window * DAY
        ready = [
            bisect_left(self.starts, d * DAY) - bisect_left(self.starts, d * DAY - self.window)
            for d in range(len(flow))
        ]
        full = max(1, max(ready[: RAMP_DAYS + 1]))
        self.days = _cum([f * min(1.0, ready[max(0, d - lag)] / full) for d, f in enumerate(flow)])

    def day(self, u: float, lo: int, hi: int) -> int | None:
        """The day at quantile u of the flow between days lo and hi (excluded); None if the
        flow has nothing there."""
        lo, hi = max(lo, 0), min(hi, len(self.days))
        if hi <= lo:  # also a range starting after the flow's last day
            return None
        base = self.days[lo - 1] if lo > 0 else 0.0
        if self.days[hi - 1] <= base:
            return None
        x = base + u * (self.days[hi - 1] - base)
        return min(max(bisect_right(self.days, x), lo), hi - 1)

    def company(self, rand: Callable[[], float], t: int) -> int | None:
        """A company that reached its deal stage before instant `t`, and within the window
        before it if any did; drawn by weight. None if none did."""
        j = bisect_left(self.starts, t)
        i = bisect_left(self.starts, t - self.window)
        if i >= j:
            i = 0
        if j == 0:
            return None
        cum = self.cum
        k = bisect_right(cum, cum[i] + rand() * (cum[j] - cum[i])) - 1
        return self.members[i if k < i else j - 1 if k >= j else k]


class _Demo:
    """One run: draws everything in a fixed order from one Random, then inserts."""

    def __init__(
        self, db: pw.Database, deals: int, seed: int, today: dt.date, companies: int | None
    ):
        self.db = db
        self.n_deals = deals
        self.n_companies = companies
        self.rng = random.Random(seed)
        self.today = today
        start = add_months(month_start(today), -(HISTORY_MONTHS - 1))
        self.clock = _Clock(start, today)
        self.months = [add_months(start, k) for k in range(HISTORY_MONTHS)]
        self.month_of_day: list[int] = []  # month index (0..17) of every day of the history
        for k, first in enumerate(self.months):
            end = add_months(first, 1) if k + 1 < HISTORY_MONTHS else today
            self.month_of_day.extend([k] * (end - first).days)
        self.flow = []  # each history day's weight in the pace of new leads and deals
        for d in range(self.clock.days):
            day = start + dt.timedelta(days=d)
            weight = (1 + GROWTH * d / self.clock.days) * SEASON[day.month - 1]
            self.flow.append(weight * WEEKEND if day.weekday() >= 5 else weight)
        # Queries are bound to `db`, whichever database the models' proxy points at.
        setting = Setting.select(Setting.value).where(Setting.key == "default_user").bind(db)
        user = setting.scalar() or User.select(pw.fn.MIN(User.id)).bind(db).scalar()
        self.user_id = int(user)
        query = FunnelStage.select(FunnelStage.id, FunnelStage.position)
        funnel = list(query.order_by(FunnelStage.position).bind(db).tuples())
        self.funnel = [fid for fid, _ in funnel]
        self.funnel_positions = [pos for _, pos in funnel]
        self.pipeline_id = (
            Pipeline.select(Pipeline.id).where(Pipeline.name == "Sales").bind(db).scalar()
        )
        stages = list(
            PipelineStage.select(
                PipelineStage.id, PipelineStage.rotting_days, PipelineStage.position
            )
            .where(PipelineStage.pipeline == self.pipeline_id)
            .order_by(PipelineStage.position)
            .bind(db)
            .tuples()
        )
        if len(self.funnel) < 3 or len(stages) < 2:
            raise ValueError("demo data needs at least 3 funnel stages and 2 pipeline stages")
        self.stage_ids = [sid for sid, _, _ in stages]
        self.rotting = [rot for _, rot, _ in stages]
        self.stage_positions = [pos for _, _, pos in stages]
        self.history: list[tuple] = []
        self.activities: list[tuple] = []
        self.done_per_month = [0] * HISTORY_MONTHS

    def run(self) -> dict[str, int]:
        self._companies()
        self._plan_deals()
        self._company_history()
        self._deals()
        self._company_activities()
        tags, deal_tags, company_tags = self._tags()
        tables = (
            ("companies", Company, self.company_rows),
            ("contacts", Contact, self.contact_rows),
            ("deals", Deal, self.deal_rows),
            ("stage_history", StageHistory, self.history),
            ("activities", Activity, self.activities),
            ("tags", Tag, tags),
            ("deal_tags", DealTag, deal_tags),
            ("company_tags", CompanyTag, company_tags),
            ("spend", Spend, self._spend()),
            ("targets", Target, self._targets()),
        )
        # One sort per index instead of a B-tree insert per row: about half the time at 100k;
        # and the board's and funnel's tallies counted once after, not by a trigger per row.
        big = [m._meta.table_name for m in (Company, Deal, StageHistory, Activity)]
        tallied = [Deal._meta.table_name, Company._meta.table_name]
        with page_cache(self.db, BULK_CACHE_KIB), indexes_rebuilt(self.db, big, tallied=tallied):
            counts = {
                label: insert_rows(
                    self.db, model, COLUMNS[model], rows, rows_per_statement=ROWS_PER_STATEMENT
                )
                for label, model, rows in tables
            }
        counts.update(self.status_counts)
        return counts

    # ---- companies and their funnel path -------------------------------------------------
    def _companies(self) -> None:
        rng = self.rng
        rand = rng.random
        clock = self.clock
        now = clock.now
        n = self.n_companies or max(20, round(self.n_deals / DEALS_PER_COMPANY))
        days = _cum(self.flow[:-1])  # leads enter at the flow's pace, before yesterday
        entered = []
        for u in _spread(rand, n):
            day = min(bisect_right(days, u * days[-1]), len(days) - 1)
            entered.append(day * DAY + int(rand() * DAY))
        seg_cum = _cum([w for _, w, _ in SEGMENTS])
        src_cum = _cum([w for _, w, _, _ in CHANNELS])
        n_funnel = len(self.funnel)
        chances = _pad(FUNNEL_STEP_CHANCE, n_funnel - 1, 0.5)
        step_days = _pad(FUNNEL_STEP_DAYS, n_funnel - 2, 21)
        horizon = now - 2 * DAY  # room left for deals after the last natural funnel step
        deal_stage = min(2, n_funnel - 2)  # Consideration: where a lead's deals begin
        used: set[str] = set()
        self.company_rows: list[tuple] = []
        self.contact_rows: list[tuple] = []
        self.paths: list[list[int]] = []  # funnel entry instants, one per stage reached
        self.buyer: list[bool] = []  # will reach Conversion, through its first won deal
        self.words: list[dict] = []
        self.size: list[float] = []
        self.segment_factor: list[float] = []
        self.contacts_of: list[tuple[int, ...]] = []
        contact_id = 0
        for i, t0 in enumerate(entered):
            company_id = i + 1
            words = GERMAN if rand() < 0.72 else ENGLISH
            segment, _, factor = SEGMENTS[_weighted(rand, seg_cum)]
            source = CHANNELS[_weighted(rand, src_cum)][0]
            name, domain = self._company_name(words, used)
            path = [t0]
            reach = 1  # the stages it gets to in time, some of them only after today
            for k in range(n_funnel - 2):
                gap = int(step_days[k] * DAY * (0.2 + rng.expovariate(1.0)))
                if rand() >= chances[k]:
                    break
                if len(path) == reach and path[-1] + gap < horizon:
                    path.append(path[-1] + gap)
                reach += 1
            # Will buy, once at its deal stage: if its first deal is won before today
            # (_plan_deals decides), with the stages up to then placed before the win.
            self.buyer.append(
                reach == n_funnel - 1 and rand() < chances[-1] and len(path) > deal_stage
            )
            self.paths.append(path)
            self.words.append(words)
            self.size.append(rng.lognormvariate(0.0, 0.6))
            self.segment_factor.append(factor)
            notes = _pick(rand, words["notes"]) if rand() < 0.08 else ""
            created = clock.stamp(t0)
            entered_on = clock.date(t0 // DAY)
            self.company_rows.append(
                (company_id, name, segment, None, source, entered_on, notes, self.user_id, created)
            )
            ids = []
            for _ in range(1 if rand() < 0.6 else 2):
                contact_id += 1
                ids.append(contact_id)
                first, last = _pick(rand, words["first"]), _pick(rand, words["last"])
                role = _pick(rand, words["roles"])
                email = f"{first}.{last}@{domain}".lower().translate(ASCII)
                phone = f"{_pick(rand, words['phone'])} {_between(rand, 100_000, 9_999_999)}"
                self.contact_rows.append(
                    (contact_id, company_id, f"{first} {last}", role, email, phone, created)
                )
            self.contacts_of.append(tuple(ids))

    def _company_name(self, words: dict, used: set[str]) -> tuple[str, str]:
        """A name and web domain; a taken name gets a city, then a number, so most differ."""
        rand = self.rng.random
        stem, sector = _pick(rand, words["stems"]), _pick(rand, words["sectors"])
        form, other = _pick(rand, words["forms"]), _pick(rand, words["stems"])
        if rand() < 0.15 and other != stem and form != "& Co.":
            name = f"{stem} & {other} {form}"
        else:
            name = f"{stem} {sector} {form}"
        domain = f"{stem}-{sector}".lower().translate(ASCII) + words["tld"]
        if name in used:
            city = _pick(rand, words["cities"])
            name = f"{stem} {sector} {city} {form}"
            k = 2
            while name in used:
                name = f"{stem} {sector} {city} {k} {form}"
                k += 1
        used.add(name)
        return name, domain

    # ---- deals: outcome, company and timeline --------------------------------------------
    def _plan_deals(self) -> None:
        """Each deal's company, outcome, stage path and instants; sorted by creation.

        Deals are created at the flow's pace, so each month brings about as many as the one
        before: a closed deal on a day drawn from the flow among those that leave room for its
        whole life before today, then a company that had reached Consideration by then; an
        open deal as long ago as it has spent in its stages so far. Only each customer's first
        won deal is placed from its company: after its Consideration, so that it converts.
        """
        rng = self.rng
        rand = rng.random
        expo = rng.expovariate
        log = math.log
        now = self.clock.now
        n = self.n_deals
        ns = len(self.stage_ids)
        paths = self.paths
        # Deals start at Consideration (sales calls scheduled), or the stage a lead got to.
        deal_stage = min(2, len(self.funnel) - 2)
        starts = [p[min(len(p) - 1, deal_stage)] for p in paths]
        eligible = [i for i, p in enumerate(paths) if len(p) >= 2] or list(range(len(paths)))
        n_open = max(n - round(n * WON_SHARE) - round(n * LOST_SHARE), min(MIN_OPEN, n // 3))
        n_won = round((n - n_open) * WON_SHARE / (WON_SHARE + LOST_SHARE))
        n_lost = n - n_open - n_won
        days = [d * DAY for d in _pad(STAGE_DAYS, ns, 10)]
        lost_cum = _cum(_pad(LOST_AT, ns, 10))
        back = min(2, ns - 1)  # the stage a deal may step back from (Proposal → Meeting)

        def lifecycle(outcome: str) -> tuple[list[int], list[int], bool, int]:
            """The stages a deal passes (the last: where it closed or is now), the time in each,
            whether it stalled in the last, and the time in all."""
            first = 1 if rand() < 0.1 else 0  # some start at Meeting
            last = ns - 1 if outcome == WON else max(first, _weighted(rand, lost_cum))
            path = list(range(first, last + 1))
            if last >= back > first and rand() < 0.12:  # one step back, then on again
                at = path.index(back) + 1
                path[at:at] = [back - 1, back]
            # days × (0.15 + expovariate(1.0)), the draw written out (a third of the time)
            durations = [int(days[s] * (0.15 - log(1.0 - rand()))) + 3600 for s in path]
            stalled = outcome == LOST and rand() < STALL
            if stalled:
                durations[-1] += _between(rand, 20, 90) * DAY  # stuck in its stage for weeks
            return path, durations, stalled, sum(durations)

        def squeeze(durations: list[int], room: int) -> tuple[list[int], int]:
            """A young lead's deal: its timeline squeezed into the time there was."""
            scale = room * (0.3 + 0.6 * rand()) / sum(durations)
            durations = [max(60, int(d * scale)) for d in durations]
            return durations, sum(durations)

        # Customers-to-be: each gets a first deal soon after its Consideration, placed now if it
        # is won before today. They take the other won deals too; whoever has one by today is
        # a customer (its first won deal converts it), the rest are not yet.
        plans = []
        candidates = [i for i, b in enumerate(self.buyer) if b]
        for c in candidates[n_won:]:  # tiny data sets: fewer won deals than customers-to-be
            self.buyer[c] = False
        candidates = candidates[:n_won]
        for c in candidates:
            path, durations, _, total = lifecycle(WON)
            created = starts[c] + 60 + int(expo(1.0) * FIRST_DEAL_DAYS * DAY)
            if created + total > now - 3600:
                if plans or c != candidates[-1]:
                    continue
                created = starts[c] + 60  # tiny data sets: one customer at least
                durations, total = squeeze(durations, now - 3600 - created)
            times = list(accumulate(durations, initial=created))
            plans.append((created, len(plans), c, WON, path, times, False))
        deal_count = [0] * len(paths)
        for plan in plans:
            deal_count[plan[2]] += 1
        if not candidates:  # no lead got far enough to buy: those deals are still open
            n_open, n_won = n_open + n_won, 0
        # Open and lost deals: more at companies further down the funnel, and at big ones;
        # more won deals at a customer the bigger it is, but not in proportion.
        depth = (0.0, 0.35, 1.0, 1.6)
        weights = [
            self.size[i] * (2.0 if self.buyer[i] else depth[min(len(paths[i]) - 1, 3)])
            for i in eligible
        ]
        if not any(weights):
            weights = [1.0] * len(eligible)
        won = [lifecycle(WON) for _ in range(n_won - len(plans))]
        lost = [lifecycle(LOST) for _ in range(n_lost)]
        # An open deal is a life like theirs caught at a random moment of it: a long life is
        # caught more often, so the open deals' stages, ages and stalls are those of a steady
        # flow (in a few weeks they will be the closed deals of those weeks).
        lives = won + lost
        ends = _cum([total for *_, total in lives])
        still_open = []
        for _ in range(n_open):
            path, durations, stalled, total = lives[_weighted(rand, ends)]
            age = int(rand() * total)
            j = 0
            while age >= durations[j]:
                age -= durations[j]
                j += 1
            so_far = [*durations[:j], max(600, age)]
            stalled = stalled and j == len(path) - 1
            still_open.append((path[: j + 1], so_far, stalled, sum(so_far)))
        starts_eligible = (eligible, weights, starts, self.flow, DEAL_WINDOW)

        def company(chooser: _Chooser, t: int) -> int | None:
            """A company for a deal made at `t`; one with many deals already is mostly drawn
            again: the first leads would otherwise collect the deals of the early weeks."""
            for _ in range(4):
                c = chooser.company(rand, t)
                if c is None or rand() * (BUSY + deal_count[c]) < BUSY:
                    break
            if c is not None:
                deal_count[c] += 1
            return c

        sizes = [self.size[i] ** 0.5 for i in candidates]
        for outcome, group in ((WON, won), (LOST, lost), (OPEN, still_open)):
            if outcome == WON:
                lag = sum(total for *_, total in group) // max(1, len(group)) // DAY
                chooser = _Chooser(candidates, sizes, starts, self.flow, REPEAT_WINDOW, lag)
            elif outcome == LOST:  # the ramp: creation lags the close by a typical life
                lag = sum(total for *_, total in group) // max(1, len(group)) // DAY
                chooser = _Chooser(*starts_eligible, lag)  # open deals: the same companies
            first_start = chooser.starts[0] if chooser.members else now
            m = len(group)
            for k, (path, durations, stalled, total) in enumerate(group):
                c = None
                if outcome == OPEN:
                    created = now - 60 - total  # `total` is the time it has had so far
                    c = company(chooser, created)
                else:  # its close at quantile k of the flow, so months follow it closely
                    first = (first_start + total) // DAY + 1  # a company was in talks then
                    day = chooser.day((k + rand()) / m, first, self.clock.days)
                    if day is not None:
                        created = day * DAY + int(rand() * (DAY - 3600)) - total
                        c = company(chooser, created)
                if c is None:  # no company had got that far then: any, squeezed in after
                    c = company(chooser, now - 3600)
                    room = now - 3600 - starts[c]
                    if total > room:
                        durations, total = squeeze(durations, room)
                    if outcome == OPEN:
                        created = now - 60 - total
                    else:
                        created = starts[c] + 60 + int(rand() * max(0, room - total - 60))
                ends_at = durations[:-1] if outcome == OPEN else durations
                times = list(accumulate(ends_at, initial=created))
                plans.append((created, len(plans), c, outcome, path, times, stalled))
        plans.sort()
        self.plans = plans
        self.first_win: dict[int, int] = {}  # company → its first won deal's closing instant
        for _, _, c, outcome, _, times, _ in plans:
            if outcome == WON and times[-1] < self.first_win.get(c, now):
                self.first_win[c] = times[-1]
        for c in candidates:
            self.buyer[c] = c in self.first_win

    def _company_history(self) -> None:
        """Funnel rows per company; a customer reaches Conversion when it first wins a deal."""
        rng = self.rng
        stamp = self.clock.stamp
        funnel = self.funnel
        history = self.history
        deal_stage = min(2, len(funnel) - 2)
        for i, path in enumerate(self.paths):
            won_at = self.first_win.get(i)
            if won_at is not None:
                # The stages after the deal stage (Engagement) lie between it and the win.
                lo = path[deal_stage]
                path[deal_stage + 1 :] = sorted(
                    lo + 60 + int((won_at - lo - 120) * (0.3 + 0.6 * rng.random()))
                    for _ in range(len(funnel) - 2 - deal_stage)
                )
                path.append(won_at)
            marks = [stamp(t) for t in path]
            marks.append(None)
            for k in range(len(path)):
                history.append(
                    (len(history) + 1, None, None, None, i + 1, funnel[k], *marks[k : k + 2])
                )
            last = len(path) - 1
            converted = marks[last] if won_at is not None else None
            row = self.company_rows[i]
            self.company_rows[i] = (
                *row[:3], funnel[last], *row[4:], self.funnel_positions[last], converted
            )  # fmt: skip

    def _deals(self) -> None:
        """Deal rows in creation order, with their stage history and activities."""
        rng = self.rng
        rand = rng.random
        clock = self.clock
        stamp = clock.stamp
        now = clock.now
        today = clock.days
        stage_ids = self.stage_ids
        stage_positions = self.stage_positions
        history = self.history
        month_of_day = self.month_of_day
        add_activity = self._add_activity
        activities = self.activities
        done_per_month = self.done_per_month
        prefix, hours, dates, pad = clock.prefix, clock.clock, clock.dates, clock.PAD
        reasons = [r for r, _ in LOST_REASONS]
        reason_cum = _cum([w for _, w in LOST_REASONS])
        columns: list[list[int]] = [[] for _ in stage_ids]  # open deals' rows per stage
        self.deal_rows: list[tuple] = []
        self.deal_facts: list[tuple[str, int, bool]] = []  # status, value, after the first win
        self.won_by_month = [0] * HISTORY_MONTHS
        self.won_value_by_month = [0] * HISTORY_MONTHS
        self.status_counts = {WON: 0, LOST: 0, OPEN: 0}
        mu = math.log(9000)
        # Follow-ups inside the rotting threshold, less the day: fresh all of today.
        gaps = [
            (0.75 * max(1, rot - 1) * DAY, 0.25 * max(1, rot - 1) * DAY) for rot in self.rotting
        ]
        for deal_id, plan in enumerate(self.plans, start=1):
            created, _, c, status, path, times, stalled = plan
            self.status_counts[status] += 1
            company_id = c + 1
            words = self.words[c]
            contact = _pick(rand, self.contacts_of[c]) if rand() < 0.75 else None
            euros = rng.lognormvariate(mu, 0.85) * self.segment_factor[c]
            value = min(250_000, max(500, round(euros / 10) * 10)) * 100
            title = _pick(rand, words["products"])
            if rand() < 0.35:
                title = f"{title} {clock.date(created // DAY + 60)[:4]}"
            stage = path[-1]
            # Stage periods, then (closed deals) the won/lost row in the stage it closed in;
            # each row leaves at the instant the next one enters.
            marks = [prefix[t // DAY + pad] + hours[t % DAY] for t in times]  # stamp(t)
            marks.append(None)
            hid = len(history)
            for j, s in enumerate(path):
                hid += 1
                history.append(
                    (hid, deal_id, stage_ids[s], OPEN, None, None, marks[j], marks[j + 1])
                )
            closed = None
            reason = ""
            position = 0.0
            if status == OPEN:
                columns[stage].append(len(self.deal_rows))  # its board position: see below
                end = now
            else:
                end = times[-1]
                closed = marks[-2]
                history.append(
                    (hid + 1, deal_id, stage_ids[stage], status, None, None, closed, None)
                )
                if status == LOST:
                    reason = reasons[_weighted(rand, reason_cum)]
                else:
                    month = month_of_day[end // DAY]
                    self.won_by_month[month] += 1
                    self.won_value_by_month[month] += value
            probability = _pick(rand, MANUAL_PROBABILITIES) if rand() < 0.05 else None
            expected = None
            if status == OPEN:
                if rand() < 0.85:  # mostly the next four months, some already slipped
                    ahead = -_between(rand, 1, 20) if rand() < 0.1 else int(125 * rand() ** 1.4)
                    expected = clock.date(today + ahead)
            elif rand() < 0.6:
                expected = clock.date(end // DAY + _between(rand, -20, 20))
            self.deal_rows.append(
                (
                    deal_id, title, company_id, contact, value, self.pipeline_id,
                    stage_ids[stage], position, status, reason, probability, expected, "",
                    self.user_id, marks[0], closed, max(stage_positions[s] for s in path),
                    closed or marks[len(path) - 1],  # when its current history row began
                )
            )  # fmt: skip
            won_at = self.first_win.get(c)
            self.deal_facts.append((status, value, won_at is not None and created > won_at))

            # Done activities over the deal's open life. While it sits in a stage, a follow-up
            # comes before the stage's rotting threshold passes, and another, as long as the
            # salesperson keeps at it (FOLLOW_UP each time; a stalled deal is left alone).
            # Open deals have had just the same, so the last weeks count like any other and
            # the board shows the ones the chain has broken for as rotting.
            spots = []
            stops = times[1:] if status != OPEN else [*times[1:], now - 60]
            del stops[len(path) - stalled :]  # a stalled deal's last stage has none
            for start, stop, s in zip(times, stops, path, strict=False):
                least, spread = gaps[s]  # the next one 75–100 % of the threshold later
                t = start + int(least + spread * rand())
                while t < stop and rand() < FOLLOW_UP:
                    spots.append(t)
                    t += int(least + spread * rand())
            if status != OPEN and (not spots or rand() < CLOSE_CONTACT):
                spots.append(max(created, end - 60 - int(rand() * min(2 * DAY, end - created))))
            spots.sort()
            done_words = words["done"]
            for t in spots:  # _add_activity written out: a quarter of a million at 100k
                kind = DONE_KINDS[_weighted(rand, DONE_KIND_CUM)]
                subject = _pick(rand, done_words[kind])
                made = max(created, t - int(rand() * 2 * DAY))
                day = t // DAY
                done_per_month[month_of_day[day]] += 1
                activities.append(
                    (len(activities) + 1, kind, subject, company_id, deal_id, contact,
                     dates[day + pad], prefix[day + pad] + hours[t % DAY], "",
                     prefix[made // DAY + pad] + hours[made % DAY])
                )  # fmt: skip
            # The next action: most open deals have one, overdue, due today or ahead.
            if status == OPEN and rand() < 0.9:
                kind, subject = _pick(rand, words["next"][min(stage, 3)])
                r = rand()
                due = (
                    -_between(rand, 1, 14) if r < 0.22 else 0 if r < 0.37 else _between(rand, 1, 21)
                )
                made = stamp(max(times[-1], spots[-1] if spots else created))
                add_activity(kind, subject, company_id, deal_id, contact, today + due, None, made)
        # Board order: as the salesperson arranged the cards, not oldest first (the oldest
        # are the stalled ones, and a column would open with a wall of rotting deals).
        for rows in columns:
            order = list(range(1, len(rows) + 1))
            rng.shuffle(order)
            for k, position in zip(rows, order, strict=True):
                row = self.deal_rows[k]
                self.deal_rows[k] = (*row[:7], float(position), *row[8:])

    def _add_activity(self, kind, subject, company_id, deal_id, contact_id, due_day, done, made):
        """One activity row; `done` is an instant (counted for its month) or None if open."""
        if done is not None:
            self.done_per_month[self.month_of_day[done // DAY]] += 1
            done = self.clock.stamp(done)
        due_on = self.clock.date(due_day)
        self.activities.append(
            (len(self.activities) + 1, kind, subject, company_id, deal_id, contact_id, due_on,
             done, "", made)
        )  # fmt: skip

    def _company_activities(self) -> None:
        """Lead work without a deal: first contacts, and follow-ups for open leads."""
        rng = self.rng
        rand = rng.random
        clock = self.clock
        now = clock.now
        for i, path in enumerate(self.paths):
            words = self.words[i]
            contact = self.contacts_of[i][0]
            t0 = path[0]
            for _ in range((rand() < 0.75) + (rand() < 0.3)):
                t = t0 + 60 + int(rand() * 30 * DAY)  # in its first month; for a new lead
                kind, subject = _pick(rand, words["company_done"])  # maybe not yet
                if t < now - 60:
                    stamp = clock.stamp(t)
                    self._add_activity(kind, subject, i + 1, None, contact, t // DAY, t, stamp)
            if not self.buyer[i] and len(path) >= 2 and rand() < 0.25:
                kind, subject = _pick(rand, words["company_next"])
                due = clock.days + _between(rand, -10, 20)
                made = clock.stamp(path[-1])
                self._add_activity(kind, subject, i + 1, None, contact, due, None, made)

    def _tags(self) -> tuple[list[tuple], list[tuple], list[tuple]]:
        """New Tag rows, and the tags of deals and companies."""
        rand = self.rng.random
        existing = dict(Tag.select(Tag.name, Tag.id).bind(self.db).tuples())
        next_id = max(existing.values(), default=0)
        new = []
        for name, is_action in TAGS:
            if name not in existing:
                next_id += 1
                existing[name] = next_id
                new.append((next_id, name, int(is_action)))
        callback, vip, upsell, important, reference = (existing[name] for name, _ in TAGS)
        deal_tags = []
        for deal_id, (status, value, after_win) in enumerate(self.deal_facts, start=1):
            if status == OPEN and rand() < 0.05:
                deal_tags.append((deal_id, callback))
            if value >= 60_000_00 and rand() < 0.5:
                deal_tags.append((deal_id, vip))
            if after_win:
                deal_tags.append((deal_id, upsell))
            if rand() < 0.05:
                deal_tags.append((deal_id, important))
        company_tags = []
        for i, path in enumerate(self.paths):
            if self.segment_factor[i] > 2 and rand() < 0.3:
                company_tags.append((i + 1, vip))
            if self.buyer[i] and rand() < 0.2:
                company_tags.append((i + 1, reference))
            if not self.buyer[i] and len(path) >= 2 and rand() < 0.06:
                company_tags.append((i + 1, callback))
            if rand() < 0.04:
                company_tags.append((i + 1, important))
        return new, deal_tags, company_tags

    # ---- money: spend per channel and month, and targets ---------------------------------
    def _spend(self) -> list[tuple]:
        """Fixed costs plus a cost per lead the channel brought; trade fairs in some months."""
        rng = self.rng
        scale = max(0.2, len(self.paths) / 900)
        channel_index = {name: k for k, (name, _, _, _) in enumerate(CHANNELS)}
        leads = [[0] * len(CHANNELS) for _ in range(HISTORY_MONTHS)]
        for row, path in zip(self.company_rows, self.paths, strict=True):
            leads[self.month_of_day[path[0] // DAY]][channel_index[row[4]]] += 1
        rows = []
        for m, first in enumerate(self.months):
            for k, (channel, _, fixed, per_lead) in enumerate(CHANNELS):
                euros = fixed * scale + per_lead * leads[m][k]
                if channel == "Messe" and first.month in TRADE_FAIR_MONTHS:
                    euros += 8000 * scale
                amount = round(euros * (0.85 + 0.3 * rng.random()) / 10) * 10 * 100
                if amount > 0:
                    rows.append((channel, first.isoformat(), amount))
        return rows

    def _targets(self) -> list[tuple]:
        """Team targets near what was reached lately, a little higher each month ahead."""
        leads = [0] * HISTORY_MONTHS
        for path in self.paths:
            leads[self.month_of_day[path[0] // DAY]] += 1
        recent = slice(HISTORY_MONTHS - 7, HISTORY_MONTHS - 1)  # the last six whole months
        monthly = {
            "won_value": sum(self.won_value_by_month[recent]) / 6,
            "won_deals": sum(self.won_by_month[recent]) / 6,
            "new_leads": sum(leads[recent]) / 6,
            "activities": sum(self.done_per_month[recent]) / 6,
        }

        def goal(metric: str, factor: float) -> int:
            amount = monthly[metric] * factor
            if metric == "won_value":  # whole thousands of euros
                return max(1_000_00, round(amount / 1_000_00) * 1_000_00)
            return max(1, round(amount))

        this_month = month_start(self.today)
        rows = []
        for offset in range(-6, 4):
            first = add_months(this_month, offset).isoformat()
            factor = 1.1 * 1.02 ** max(0, offset)
            rows.extend((metric, "month", first, goal(metric, factor), None) for metric in monthly)
        quarter = period_of("quarter", self.today).start.isoformat()
        year = period_of("year", self.today).start.isoformat()
        for metric in monthly:
            rows.append((metric, "quarter", quarter, goal(metric, 3.3), None))
            rows.append((metric, "year", year, goal(metric, 13.2), None))
        return rows
