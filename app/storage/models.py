"""peewee models: the tables a Dealboard database holds (schema version in database.py)."""

from __future__ import annotations

import datetime as dt

import peewee as pw

# Bound at open time (database.connect); models never reach for a global connection.
database_proxy = pw.DatabaseProxy()


def utc_now() -> dt.datetime:
    """Naive UTC timestamp; stored as ISO text so ordering is lexicographic and portable."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


class BaseModel(pw.Model):
    class Meta:
        database = database_proxy
        legacy_table_names = False


class Setting(BaseModel):
    key = pw.CharField(primary_key=True)
    value = pw.TextField()


class User(BaseModel):
    name = pw.CharField()
    email = pw.CharField(default="")
    created_at = pw.DateTimeField(default=utc_now)


class FunnelStage(BaseModel):
    """One step of the funnel; the stage with the highest position is Conversion."""

    name = pw.CharField(unique=True)
    position = pw.IntegerField()


class Pipeline(BaseModel):
    name = pw.CharField(unique=True)
    position = pw.IntegerField(default=0)


class PipelineStage(BaseModel):
    pipeline = pw.ForeignKeyField(Pipeline, backref="stages", on_delete="CASCADE")
    name = pw.CharField()
    position = pw.IntegerField()
    probability = pw.IntegerField(default=0)  # percent 0..100, the stage default
    rotting_days = pw.IntegerField(default=14)

    class Meta:
        indexes = ((("pipeline", "name"), True),)


class PlaybookAction(BaseModel):
    """A planned action of a stage: becomes an activity when a deal enters the stage."""

    stage = pw.ForeignKeyField(PipelineStage, backref="playbook", on_delete="CASCADE")
    text = pw.CharField()
    due_in_days = pw.IntegerField(default=0)
    position = pw.IntegerField(default=0)


class Company(BaseModel):
    name = pw.CharField()
    group = pw.CharField(default="", column_name="segment")
    funnel_stage = pw.ForeignKeyField(FunnelStage, backref="companies")
    source = pw.CharField(default="")
    entered_on = pw.DateField()
    notes = pw.TextField(default="")
    owner = pw.ForeignKeyField(User, backref="companies")
    created_at = pw.DateTimeField(default=utc_now)
    deleted_at = pw.DateTimeField(null=True)
    # Derived from the stage history, kept in the same transaction as each history row
    # (services.history), so funnel reports read one index instead of grouping the history.
    # Highest funnel stage position ever reached; a SQL default too, for bulk inserts.
    reached_position = pw.IntegerField(default=0, constraints=[pw.SQL("DEFAULT 0")])
    converted_at = pw.DateTimeField(null=True)  # first time the company reached Conversion

    class Meta:
        indexes = (
            # Funnel report filtered by group, source or tag, and the FunnelTally recount: the
            # cohort and all-time counts from this index, in group-by order (unfiltered, the
            # report reads the tally).
            (("deleted_at", "reached_position", "funnel_stage", "entered_on"), False),
            (("deleted_at", "converted_at"), False),
            # New leads per period (targets): a range of entry days, index-only.
            (("deleted_at", "entered_on"), False),
        )


# The companies table sorts by name case-insensitively; without this, 45,000 names are sorted
# on every page at 100k deals.
Company.add_index(Company.deleted_at, pw.SQL("name COLLATE NOCASE"))


class Contact(BaseModel):
    company = pw.ForeignKeyField(Company, backref="contacts", on_delete="CASCADE")
    name = pw.CharField()
    role = pw.CharField(default="")
    email = pw.CharField(default="")
    phone = pw.CharField(default="")
    created_at = pw.DateTimeField(default=utc_now)
    deleted_at = pw.DateTimeField(null=True)


OPEN, WON, LOST = "open", "won", "lost"
DEAL_STATUSES = (OPEN, WON, LOST)


class Deal(BaseModel):
    title = pw.CharField()
    company = pw.ForeignKeyField(Company, backref="deals", null=True, on_delete="CASCADE")
    contact = pw.ForeignKeyField(Contact, backref="deals", null=True, on_delete="SET NULL")
    value_minor = pw.BigIntegerField(default=0)
    pipeline = pw.ForeignKeyField(Pipeline, backref="deals", index=False)  # leads an index
    stage = pw.ForeignKeyField(PipelineStage, backref="deals", index=False)
    position = pw.FloatField(default=0.0)  # order within the stage column
    status = pw.CharField(default=OPEN)
    lost_reason = pw.CharField(default="")
    probability = pw.IntegerField(null=True)  # manual override in percent; None = stage default
    expected_close = pw.DateField(null=True)
    notes = pw.TextField(default="")
    # No index: nothing selects deals by owner (one user per database), and every index is
    # one more sort in a 100k-row import. Deleting a user, which the app never does, scans.
    owner = pw.ForeignKeyField(User, backref="deals", index=False)
    created_at = pw.DateTimeField(default=utc_now)
    closed_at = pw.DateTimeField(null=True)
    deleted_at = pw.DateTimeField(null=True)
    # Derived from the stage history like Company.reached_position (services.history keeps
    # them in the same transaction as each history row): the highest position among the
    # deal's history rows in its pipeline's stages, and when its current row (left_at None)
    # was entered; None without history rows (a bulk insert that leaves them out).
    reached_position = pw.IntegerField(null=True)
    stage_entered_at = pw.DateTimeField(null=True)

    class Meta:
        indexes = (
            # Board columns: open deals of a stage in board order, straight from the index.
            (("stage", "status", "deleted_at", "position"), False),
            # (The live pipeline report and column headers read StageTally: no index of theirs.)
            # Win rate, cycle, won value per month and targets: closed deals by date, index-only.
            (("status", "closed_at", "deleted_at", "pipeline", "value_minor", "created_at"), False),
            # Forecast (by expected close, in index order) and the deals needing attention:
            # a pipeline's open deals with their stage, value and time in the stage,
            # index-only.
            (
                (
                    "status",
                    "deleted_at",
                    "pipeline",
                    "expected_close",
                    "stage",
                    "value_minor",
                    "probability",
                    "stage_entered_at",
                ),
                False,
            ),
            # Pipeline conversion: a cohort's deals counted per status and highest stage, each
            # count one range of created_at.
            (("pipeline", "deleted_at", "status", "reached_position", "created_at"), False),
        )


ACTIVITY_KINDS = ("call", "meeting", "email", "task", "note")


class Activity(BaseModel):
    """A call, meeting, email, task or note; open ones are next actions, done ones contacts."""

    kind = pw.CharField(default="task")
    subject = pw.CharField()
    company = pw.ForeignKeyField(
        Company, backref="activities", null=True, on_delete="CASCADE", index=False
    )
    deal = pw.ForeignKeyField(
        Deal, backref="activities", null=True, on_delete="CASCADE", index=False
    )
    contact = pw.ForeignKeyField(Contact, null=True, on_delete="SET NULL")
    due_on = pw.DateField(null=True)
    done_at = pw.DateTimeField(null=True)
    notes = pw.TextField(default="")
    playbook_action = pw.ForeignKeyField(PlaybookAction, null=True, on_delete="SET NULL")
    created_at = pw.DateTimeField(default=utc_now)

    class Meta:
        indexes = (
            (("deal", "done_at", "due_on"), False),
            (("company", "done_at", "due_on"), False),
            # Activities done per period (targets), and the open ones (done_at IS NULL) by due
            # date with their deal: overdue and no-next-action lists read only this index.
            (("done_at", "due_on", "deal"), False),
        )


class StageHistory(BaseModel):
    """Each period a deal spent in a stage/status, or a company in a funnel stage.

    A row is valid from ``entered_at`` until ``left_at`` (None while current), so a report
    "as of T" selects the rows with entered_at <= T < left_at: one range scan, no group-by.
    """

    # No single-column indexes on these: each leads one of the composite indexes below.
    deal = pw.ForeignKeyField(Deal, null=True, on_delete="CASCADE", index=False)
    stage = pw.ForeignKeyField(PipelineStage, null=True, on_delete="CASCADE", index=False)
    status = pw.CharField(null=True)
    company = pw.ForeignKeyField(Company, null=True, on_delete="CASCADE", index=False)
    funnel_stage = pw.ForeignKeyField(FunnelStage, null=True, on_delete="CASCADE", index=False)
    entered_at = pw.DateTimeField()
    left_at = pw.DateTimeField(null=True)


# A row belongs to a deal (deal, stage set) or to a company (company, funnel_stage set), never
# both: each index covers only its own kind of row (partial, on its leading column), so a
# deal's move maintains two indexes, not four, and the company indexes are a sixth of the
# size. Queries filter the leading column with = or a join, which implies IS NOT NULL, so
# SQLite may use them (tests/test_storage.py checks the plans).
# A deal's current row and when it entered it (rotting), index-only.
StageHistory.add_index(
    StageHistory.index(
        StageHistory.deal,
        StageHistory.left_at,
        StageHistory.entered_at,
        where=StageHistory.deal.is_null(False),
    )
)
# Stages as of a past instant (pipeline report, drill-down).
StageHistory.add_index(
    StageHistory.index(
        StageHistory.stage,
        StageHistory.entered_at,
        StageHistory.left_at,
        where=StageHistory.stage.is_null(False),
    )
)
# Funnel: highest stage per company, index-only; a funnel stage's rows.
StageHistory.add_index(
    StageHistory.index(
        StageHistory.company,
        StageHistory.funnel_stage,
        StageHistory.entered_at,
        where=StageHistory.company.is_null(False),
    )
)
StageHistory.add_index(
    StageHistory.index(
        StageHistory.funnel_stage,
        StageHistory.entered_at,
        where=StageHistory.funnel_stage.is_null(False),
    )
)


class Tag(BaseModel):
    name = pw.CharField(unique=True)
    is_action = pw.BooleanField(default=False)  # e.g. "Rückruf": counts as a next action


class DealTag(BaseModel):
    deal = pw.ForeignKeyField(Deal, on_delete="CASCADE", index=False)  # leads the primary key
    tag = pw.ForeignKeyField(Tag, on_delete="CASCADE")

    class Meta:
        primary_key = pw.CompositeKey("deal", "tag")


class CompanyTag(BaseModel):
    company = pw.ForeignKeyField(Company, on_delete="CASCADE", index=False)
    tag = pw.ForeignKeyField(Tag, on_delete="CASCADE")

    class Meta:
        primary_key = pw.CompositeKey("company", "tag")


class Spend(BaseModel):
    """Acquisition spend of one channel in one month (month = its first day)."""

    channel = pw.CharField()
    month = pw.DateField()
    amount_minor = pw.BigIntegerField()

    class Meta:
        indexes = ((("month", "channel"), True),)


TARGET_METRICS = ("won_value", "won_deals", "new_leads", "activities")
PERIOD_KINDS = ("month", "quarter", "year")


class Target(BaseModel):
    metric = pw.CharField()
    period_kind = pw.CharField()
    period_start = pw.DateField()
    amount = pw.BigIntegerField()  # minor units for won_value, a count otherwise
    owner = pw.ForeignKeyField(User, null=True, on_delete="CASCADE")  # None = team target

    class Meta:
        indexes = ((("metric", "period_kind", "period_start", "owner"), True),)


class PipelineSnapshot(BaseModel):
    pipeline = pw.ForeignKeyField(Pipeline, on_delete="CASCADE")
    made_at = pw.DateTimeField(default=utc_now)
    note = pw.CharField(default="")


class SnapshotStage(BaseModel):
    snapshot = pw.ForeignKeyField(PipelineSnapshot, backref="stages", on_delete="CASCADE")
    stage_name = pw.CharField()
    position = pw.IntegerField()
    count = pw.IntegerField()
    value_minor = pw.BigIntegerField()
    weighted_value_minor = pw.BigIntegerField()


class StageTally(BaseModel):
    """Open, live deals per pipeline stage: what a board column's header shows.

    Kept by the triggers in storage/tallies.py, never written by the services. The weighted
    value is split so a change of the stage's default probability needs no rewrite:
    SUM(value × probability) over deals with their own probability, and SUM(value) over the
    deals that take the stage's.
    """

    stage_id = pw.IntegerField(primary_key=True)
    deals = pw.IntegerField(default=0)
    value_minor = pw.BigIntegerField(default=0)
    default_value_minor = pw.BigIntegerField(default=0)
    weighted_percent_minor = pw.BigIntegerField(default=0)


class FunnelTally(BaseModel):
    """Live companies per entry day, highest funnel position reached and current funnel
    stage: the funnel report's cohort and all-time counts (storage/tallies.py keeps it)."""

    entered_on = pw.DateField()
    reached_position = pw.IntegerField()
    funnel_stage_id = pw.IntegerField()
    companies = pw.IntegerField(default=0)

    class Meta:
        primary_key = pw.CompositeKey("entered_on", "reached_position", "funnel_stage_id")


ALL_MODELS = [
    Setting,
    User,
    FunnelStage,
    Pipeline,
    PipelineStage,
    PlaybookAction,
    Company,
    Contact,
    Deal,
    Activity,
    StageHistory,
    Tag,
    DealTag,
    CompanyTag,
    Spend,
    Target,
    PipelineSnapshot,
    SnapshotStage,
    StageTally,
    FunnelTally,
]
