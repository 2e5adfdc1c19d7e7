"""Check 7: random moves, wins, losses, edits, creations, undos and redos against a plain model.

A hypothesis state machine drives the real services and the real undo stack (QUndoStack with
the app's image commands) and keeps a plain Python reference model of every deal (stage,
status, title, value, lost reason) plus its own undo history. After every step the database
must equal the model, and every deal must have exactly one current stage-history row that
agrees with it. At least 1,000 steps in CI (10,000 with --long).
"""

from __future__ import annotations

import itertools

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)
from PySide6.QtGui import QUndoStack

from app.services import Services
from app.storage.models import Deal, PipelineStage
from app.ui.undo import run_undoable
from tests.reliability.helpers import copy_template, health, history_consistent

picks = st.lists(st.integers(0, 10_000), min_size=1, max_size=3)
titles = st.text(st.characters(categories=["L", "N"]), min_size=1, max_size=12)
values = st.integers(0, 10**9)


class UndoAgainstModel(RuleBasedStateMachine):
    template = None
    folder = None
    counter = itertools.count()
    steps = 0
    checks = 0

    def __init__(self):
        super().__init__()
        path = copy_template(self.template, self.folder / f"m{next(self.counter)}.sqlite")
        self.s = Services.open(path)
        self.stack = QUndoStack()
        self.stages = [i for (i,) in PipelineStage.select(PipelineStage.id).tuples()]
        self.model = self.read_db()
        self.history, self.index = [dict(self.model)], 0

    # ---- the reference model -------------------------------------------------------------
    @staticmethod
    def read_db() -> dict:
        return {
            d: (stage, status, title, value, reason)
            for d, stage, status, title, value, reason in Deal.select(
                Deal.id, Deal.stage, Deal.status, Deal.title, Deal.value_minor, Deal.lost_reason
            ).tuples()
        }

    def pick(self, numbers: list[int]) -> list[int]:
        ids = sorted(self.model)
        return list(dict.fromkeys(ids[n % len(ids)] for n in numbers))

    def pushed(self) -> None:
        del self.history[self.index + 1 :]
        self.history.append(dict(self.model))
        self.index += 1
        UndoAgainstModel.steps += 1

    def undoable(self, text: str, action, deal_ids=()) -> object:
        return run_undoable(self.stack, self.s, text, action, deal_ids=deal_ids)

    # ---- rules ---------------------------------------------------------------------------
    @precondition(lambda self: self.model)
    @rule(numbers=picks, stage=st.integers(0, 3), index=st.integers(0, 6))
    def move(self, numbers, stage, index):
        ids, stage_id = self.pick(numbers), self.stages[stage]
        self.undoable("Move", lambda: self.s.deals.move(ids, stage_id, index), ids)
        for d in ids:
            _, _, title, value, _ = self.model[d]
            self.model[d] = (stage_id, "open", title, value, "")
        self.pushed()

    @precondition(lambda self: self.model)
    @rule(numbers=picks)
    def win(self, numbers):
        ids = self.pick(numbers)
        self.undoable("Win", lambda: self.s.deals.win(ids), ids)
        for d in ids:
            stage, _, title, value, _ = self.model[d]
            self.model[d] = (stage, "won", title, value, "")
        self.pushed()

    @precondition(lambda self: self.model)
    @rule(numbers=picks, reason=st.sampled_from(["Price", "  Timing ", "No budget"]))
    def lose(self, numbers, reason):
        ids = self.pick(numbers)
        self.undoable("Lose", lambda: self.s.deals.lose(ids, reason), ids)
        for d in ids:
            stage, _, title, value, _ = self.model[d]
            self.model[d] = (stage, "lost", title, value, reason.strip())
        self.pushed()

    @precondition(lambda self: self.model)
    @rule(number=st.integers(0, 10_000), title=titles, value=values)
    def edit(self, number, title, value):
        (d,) = self.pick([number])
        self.undoable("Edit", lambda: self.s.deals.update(d, title=title, value_minor=value), [d])
        stage, status, _, _, reason = self.model[d]
        self.model[d] = (stage, status, title.strip(), value, reason)
        self.pushed()

    @rule(title=titles, value=values, stage=st.integers(0, 3))
    def create(self, title, value, stage):
        stage_id = self.stages[stage]
        created = self.undoable(
            "New deal",
            lambda: {"deals": [self.s.deals.create(title, stage_id=stage_id, value_minor=value)]},
        )
        (d,) = created["deals"]
        self.model[d] = (stage_id, "open", title.strip(), value, "")
        self.pushed()

    @precondition(lambda self: self.index > 0)
    @rule()
    def undo(self):
        self.stack.undo()
        self.index -= 1
        self.model = dict(self.history[self.index])
        UndoAgainstModel.steps += 1

    @precondition(lambda self: self.index < len(self.history) - 1)
    @rule()
    def redo(self):
        self.stack.redo()
        self.index += 1
        self.model = dict(self.history[self.index])
        UndoAgainstModel.steps += 1

    # ---- after every step ----------------------------------------------------------------
    @invariant()
    def database_equals_model(self):
        UndoAgainstModel.checks += 1
        assert self.read_db() == self.model
        assert history_consistent(self.s.db.connection()) == []
        assert self.stack.index() == self.index

    def teardown(self):
        path = self.s.path
        self.s.close()
        integrity, fk = health(path)
        assert integrity == [("ok",)] and fk == []


def test_undo_redo_state_machine_matches_the_model(qapp, template_db, tmp_path, long_run, figures):
    wanted = 10_000 if long_run else 1_000
    UndoAgainstModel.template, UndoAgainstModel.folder = template_db, tmp_path
    UndoAgainstModel.steps = UndoAgainstModel.checks = 0
    examples = 0
    while UndoAgainstModel.steps < wanted:
        batch = 10
        run_state_machine_as_test(
            UndoAgainstModel,
            settings=settings(
                max_examples=batch,
                stateful_step_count=50,
                deadline=None,
                database=None,
                suppress_health_check=[HealthCheck.too_slow],
            ),
        )
        examples += batch
    figures(
        "check 7 (undo/redo state machine)",
        f"{UndoAgainstModel.steps} random steps (moves, wins, losses, edits, new deals, "
        f"undos, redos) in {examples} runs, {UndoAgainstModel.checks} comparisons with the "
        f"reference model, 0 divergences",
        steps=UndoAgainstModel.steps,
        divergences=0,
    )
