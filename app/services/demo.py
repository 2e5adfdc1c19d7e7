"""Demo data: a deterministic, plausible 18-month sales history written into a new database."""

from __future__ import annotations

import datetime as dt
import math
import random
from bisect import bisect_right
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
# Pipeline, by stage position: mean days in the stage, where lost deals were lost and where the
# open ones are now (both thin out towards Close).
STAGE_DAYS = (8, 12, 14, 9)
LOST_AT = (35, 30, 22, 13)
OPEN_AT = (36, 28, 21, 15)
WON_SHARE, LOST_SHARE = 0.25, 0.35
DEALS_PER_COMPANY = 2.2
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
        # More leads lately: a power below 1 pushes the entry dates towards today.
        entered = sorted(int((now - DAY) * rand() ** 0.8) for _ in range(n))
        seg_cum = _cum([w for _, w, _ in SEGMENTS])
        src_cum = _cum([w for _, w, _, _ in CHANNELS])
        n_funnel = len(self.funnel)
        chances = _pad(FUNNEL_STEP_CHANCE, n_funnel - 1, 0.5)
        step_days = _pad(FUNNEL_STEP_DAYS, n_funnel - 2, 21)
        horizon = now - 2 * DAY  # room left for deals after the last natural funnel step
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
            for k in range(n_funnel - 2):
                gap = int(step_days[k] * DAY * (0.2 + rng.expovariate(1.0)))
                if rand() >= chances[k] or path[-1] + gap >= horizon:
                    break
                path.append(path[-1] + gap)
            self.buyer.append(len(path) == n_funnel - 1 and rand() < chances[-1])
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
        """Each deal's company, outcome, stage path and instants; sorted by creation."""
        rng = self.rng
        rand = rng.random
        expo = rng.expovariate
        now = self.clock.now
        n = self.n_deals
        ns = len(self.stage_ids)
        paths = self.paths
        eligible = [i for i, p in enumerate(paths) if len(p) >= 2] or list(range(len(paths)))
        buyers = [i for i, b in enumerate(self.buyer) if b]
        n_won = round(n * WON_SHARE) if buyers else 0
        for i in buyers[n_won:]:  # tiny data sets: every customer needs a won deal
            self.buyer[i] = False
        buyers = buyers[:n_won]
        n_lost = round(n * LOST_SHARE)
        # Open and lost deals: more at companies further down the funnel, and at big ones.
        depth = (0.0, 0.35, 1.0, 1.6)
        weights = [
            self.size[i] * (2.0 if self.buyer[i] else depth[min(len(paths[i]) - 1, 3)])
            for i in eligible
        ]
        if not any(weights):
            weights = [1.0] * len(eligible)
        companies = buyers[:]
        if buyers:
            sizes = [self.size[i] for i in buyers]
            companies += rng.choices(buyers, weights=sizes, k=n_won - len(buyers))
        companies += rng.choices(eligible, cum_weights=_cum(weights), k=n - n_won)
        outcomes = [WON] * n_won + [LOST] * n_lost + [OPEN] * (n - n_won - n_lost)
        days = _pad(STAGE_DAYS, ns, 10)
        lost_cum = _cum(_pad(LOST_AT, ns, 10))
        open_cum = _cum(_pad(OPEN_AT, ns, 10))
        back = min(2, ns - 1)  # the stage a deal may step back from (Proposal → Meeting)
        plans = []
        for k in range(n):
            outcome, c = outcomes[k], companies[k]
            # Deals start at Consideration (sales calls scheduled), early ones at Interest.
            lo = paths[c][min(len(paths[c]) - 1, 2)]
            first = 1 if rand() < 0.1 else 0
            if outcome == WON:
                last = ns - 1
            else:
                cum = lost_cum if outcome == LOST else open_cum
                last = max(first, _weighted(rand, cum))
            path = list(range(first, last + 1))
            if last >= back > first and rand() < 0.12:  # one step back, then on again
                at = path.index(back) + 1
                path[at:at] = [back - 1, back]
            durations = [int(days[s] * DAY * (0.15 + expo(1.0))) + 3600 for s in path]
            if outcome == OPEN and rand() < 0.1:
                durations[-1] += _between(rand, 20, 90) * DAY  # stuck in its stage for weeks
            total = sum(durations)
            room = now - 3600 - lo
            if total > room:  # a young lead: squeeze the timeline into the time there was
                scale = room * (0.3 + 0.6 * rand()) / total
                durations = [max(60, int(d * scale)) for d in durations]
                total = sum(durations)
            # Open deals run up to now; closed ones lie anywhere in the time the company had.
            # Closed deals lean towards the company's early time: leads reach Consideration
            # late in the window, and without this lean the closings crowd the last months.
            created = (
                now - 60 - total if outcome == OPEN else lo + int(rand() ** 3 * (room - total))
            )
            times = [created]  # entry of each stage period, then the closing instant
            for d in durations if outcome != OPEN else durations[:-1]:
                times.append(times[-1] + d)
            plans.append((created, k, c, outcome, path, times))
        plans.sort()
        self.plans = plans
        self.first_win: dict[int, int] = {}  # company → its first won deal's closing instant
        for _, _, c, outcome, _, times in plans:
            if outcome == WON and times[-1] < self.first_win.get(c, now):
                self.first_win[c] = times[-1]

    def _company_history(self) -> None:
        """Funnel rows per company; a customer reaches Conversion when it first wins a deal."""
        rng = self.rng
        stamp = self.clock.stamp
        funnel = self.funnel
        history = self.history
        for i, path in enumerate(self.paths):
            won_at = self.first_win.get(i)
            if won_at is not None:
                if len(path) >= 4:  # Engagement moves between Consideration and the win
                    lo = path[-2]
                    path[-1] = lo + 60 + int((won_at - lo - 120) * (0.3 + 0.6 * rng.random()))
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
        reasons = [r for r, _ in LOST_REASONS]
        reason_cum = _cum([w for _, w in LOST_REASONS])
        positions = [0.0] * len(stage_ids)
        self.deal_rows: list[tuple] = []
        self.deal_facts: list[tuple[str, int, bool]] = []  # status, value, after the first win
        self.won_by_month = [0] * HISTORY_MONTHS
        self.won_value_by_month = [0] * HISTORY_MONTHS
        self.status_counts = {WON: 0, LOST: 0, OPEN: 0}
        mu = math.log(9000)
        for deal_id, (created, _, c, status, path, times) in enumerate(self.plans, start=1):
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
            marks = [stamp(t) for t in times]
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
                positions[stage] += 1.0
                position = positions[stage]
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

            # Completed contacts: recent for most open deals, older than the stage's rotting
            # threshold for some that have sat in their stage that long.
            latest = end - 60
            if status == OPEN:
                rot = self.rotting[stage]
                if times[-1] < now - (rot + 2) * DAY and rand() < 0.35:
                    latest = now - (rot + _between(rand, 2, 30)) * DAY
                else:  # well inside the threshold, whatever the hour the app is opened
                    fresh = max(created + 60, now - max(1, rot - 2) * DAY)
                    latest = fresh + int(rand() * (now - 60 - fresh))
            latest = max(latest, created + 30)
            done = (rand() < 0.55) + (rand() < 0.2)
            spots = sorted(created + int(rand() * (latest - created)) for _ in range(done))
            spots.append(latest)
            for t in spots:
                kind = DONE_KINDS[_weighted(rand, DONE_KIND_CUM)]
                made = stamp(max(created, t - int(rand() * 2 * DAY)))
                add_activity(
                    kind,
                    _pick(rand, words["done"][kind]),
                    company_id,
                    deal_id,
                    contact,
                    t // DAY,
                    t,
                    made,
                )
            # The next action: most open deals have one, overdue, due today or ahead.
            if status == OPEN and rand() < 0.9:
                kind, subject = _pick(rand, words["next"][min(stage, 3)])
                r = rand()
                due = (
                    -_between(rand, 1, 14) if r < 0.22 else 0 if r < 0.37 else _between(rand, 1, 21)
                )
                made = stamp(max(times[-1], latest))
                add_activity(kind, subject, company_id, deal_id, contact, today + due, None, made)

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
                t = t0 + 60 + int(rand() * min(30 * DAY, now - t0 - 120))
                kind, subject = _pick(rand, words["company_done"])
                self._add_activity(kind, subject, i + 1, None, contact, t // DAY, t, clock.stamp(t))
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
