"""Undo images through QUndoStack: create, move, win and edit are undone exactly."""

from PySide6.QtGui import QUndoStack

from app.storage.models import Deal, StageHistory
from app.ui.undo import run_undoable


def dump():
    return list(Deal.select().dicts()), list(StageHistory.select().dicts())


def test_create_and_move_undo_redo(qapp, services):
    stack = QUndoStack()
    q, m, *_ = [s for s, *_ in services.stages.pipeline_stages(1)]
    empty = dump()
    deal = run_undoable(
        stack, services, "New deal", lambda: {"deals": [services.deals.create("A")]}
    )["deals"][0]
    created = dump()
    run_undoable(stack, services, "Move", lambda: services.deals.move([deal], m), [deal])
    moved = dump()
    stack.undo()
    assert dump() == created
    stack.undo()
    assert dump() == empty
    stack.redo()
    assert dump() == created
    stack.redo()
    assert dump() == moved
