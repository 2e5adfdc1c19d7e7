"""The stage lists: funnel stages and pipelines with their stages and playbooks."""

from __future__ import annotations

from collections.abc import Sequence

import peewee as pw

from app.services import QT_TRANSLATE_NOOP, ServiceError
from app.services.base import Service
from app.services.history import refresh_deal_reach, refresh_funnel_cache
from app.storage.models import (
    Company,
    Deal,
    FunnelStage,
    Pipeline,
    PipelineStage,
    PlaybookAction,
    StageHistory,
)


class StageService(Service):
    # ---- reading -------------------------------------------------------------------------
    def pipelines(self) -> list[tuple[int, str]]:
        return list(
            Pipeline.select(Pipeline.id, Pipeline.name)
            .order_by(Pipeline.position, Pipeline.id)
            .tuples()
        )

    def pipeline_id(self, name: str | None) -> int:
        """The named pipeline (case-insensitive), or the first one."""
        query = Pipeline.select(Pipeline.id).order_by(Pipeline.position, Pipeline.id)
        if name:
            query = query.where(Pipeline.name.collate("NOCASE") == name.strip())
        found = query.scalar()
        if found is None:
            known = ", ".join(n for _, n in self.pipelines())
            raise ServiceError(
                QT_TRANSLATE_NOOP("ServiceError", 'No pipeline named "%1" (known: %2).'),
                name,
                known,
            )
        return found

    def pipeline_stages(self, pipeline_id: int) -> list[tuple[int, str, int, int]]:
        """(id, name, probability, rotting_days) in board order."""
        return list(
            PipelineStage.select(
                PipelineStage.id,
                PipelineStage.name,
                PipelineStage.probability,
                PipelineStage.rotting_days,
            )
            .where(PipelineStage.pipeline == pipeline_id)
            .order_by(PipelineStage.position)
            .tuples()
        )

    def funnel_stages(self) -> list[tuple[int, str]]:
        return list(
            FunnelStage.select(FunnelStage.id, FunnelStage.name)
            .order_by(FunnelStage.position)
            .tuples()
        )

    def playbook(self, stage_id: int) -> list[tuple[int, str, int]]:
        return list(
            PlaybookAction.select(
                PlaybookAction.id, PlaybookAction.text, PlaybookAction.due_in_days
            )
            .where(PlaybookAction.stage == stage_id)
            .order_by(PlaybookAction.position)
            .tuples()
        )

    # ---- pipelines -----------------------------------------------------------------------
    def add_pipeline(self, name: str, stages: Sequence[tuple[str, int, int]]) -> int:
        if not name.strip():
            raise ServiceError(QT_TRANSLATE_NOOP("ServiceError", "A pipeline needs a name."))
        if Pipeline.select().where(Pipeline.name.collate("NOCASE") == name.strip()).exists():
            raise ServiceError(
                QT_TRANSLATE_NOOP("ServiceError", 'A pipeline named "%1" exists already.'),
                name.strip(),
            )
        if not stages:
            raise ServiceError(
                QT_TRANSLATE_NOOP("ServiceError", "A pipeline needs at least one stage.")
            )
        with self.write("stage"):
            top = Pipeline.select(pw.fn.MAX(Pipeline.position)).scalar() or 0
            pipeline = Pipeline.create(name=name.strip(), position=top + 1)
            for pos, (stage_name, probability, rotting) in enumerate(stages):
                _check_probability(probability)
                PipelineStage.create(
                    pipeline=pipeline,
                    name=stage_name.strip(),
                    position=pos,
                    probability=probability,
                    rotting_days=rotting,
                )
        return pipeline.id

    # ---- pipeline stages -----------------------------------------------------------------
    def add_stage(
        self, pipeline_id: int, name: str, probability: int = 0, rotting_days: int = 14
    ) -> int:
        _check_name(name)
        _check_probability(probability)
        with self.write("stage"):
            top = (
                PipelineStage.select(pw.fn.MAX(PipelineStage.position))
                .where(PipelineStage.pipeline == pipeline_id)
                .scalar()
            )
            try:
                stage = PipelineStage.create(
                    pipeline=pipeline_id,
                    name=name.strip(),
                    position=(top if top is not None else -1) + 1,
                    probability=probability,
                    rotting_days=rotting_days,
                )
            except pw.IntegrityError as exc:
                raise ServiceError(
                    QT_TRANSLATE_NOOP("ServiceError", 'A stage named "%1" exists already.'),
                    name.strip(),
                ) from exc
        return stage.id

    def edit_stage(
        self,
        stage_id: int,
        *,
        name: str | None = None,
        probability: int | None = None,
        rotting_days: int | None = None,
    ) -> None:
        fields = {}
        if name is not None:
            _check_name(name)
            fields["name"] = name.strip()
        if probability is not None:
            _check_probability(probability)
            fields["probability"] = probability
        if rotting_days is not None:
            if rotting_days < 1:
                raise ServiceError(
                    QT_TRANSLATE_NOOP("ServiceError", "Rotting days must be at least 1.")
                )
            fields["rotting_days"] = rotting_days
        with self.write("stage"):
            try:
                PipelineStage.update(**fields).where(PipelineStage.id == stage_id).execute()
            except pw.IntegrityError as exc:
                raise ServiceError(
                    QT_TRANSLATE_NOOP("ServiceError", 'A stage named "%1" exists already.'), name
                ) from exc

    def reorder_stages(self, pipeline_id: int, stage_ids: Sequence[int]) -> None:
        current = {s for s, *_ in self.pipeline_stages(pipeline_id)}
        if set(stage_ids) != current or len(stage_ids) != len(current):
            raise ServiceError(
                QT_TRANSLATE_NOOP(
                    "ServiceError", "The new order must name every stage of the pipeline once."
                )
            )
        with self.write("stage"):
            for pos, stage_id in enumerate(stage_ids):
                PipelineStage.update(position=pos).where(PipelineStage.id == stage_id).execute()
            refresh_deal_reach(Deal.pipeline == pipeline_id)  # positions it reads changed

    def remove_stage(self, stage_id: int, rehome_to: int | None = None) -> None:
        """Remove a stage; its deals (and their history) move to `rehome_to` first."""
        stage = PipelineStage.get_by_id(stage_id)
        used = Deal.select().where(Deal.stage == stage_id).exists()
        if used and rehome_to is None:
            raise ServiceError(
                QT_TRANSLATE_NOOP(
                    "ServiceError", 'Stage "%1" still has deals: name the stage they move to.'
                ),
                stage.name,
            )
        if rehome_to is not None:
            target = PipelineStage.get_by_id(rehome_to)
            if target.pipeline_id != stage.pipeline_id or rehome_to == stage_id:
                raise ServiceError(
                    QT_TRANSLATE_NOOP(
                        "ServiceError", "Deals can only move to another stage of the same pipeline."
                    )
                )
        if PipelineStage.select().where(PipelineStage.pipeline == stage.pipeline_id).count() == 1:
            raise ServiceError(
                QT_TRANSLATE_NOOP("ServiceError", "A pipeline keeps at least one stage.")
            )
        with self.write("stage"):
            if rehome_to is not None:
                Deal.update(stage=rehome_to).where(Deal.stage == stage_id).execute()
                StageHistory.update(stage=rehome_to).where(StageHistory.stage == stage_id).execute()
            stage.delete_instance()
            _compact(PipelineStage, PipelineStage.pipeline == stage.pipeline_id)
            refresh_deal_reach(Deal.pipeline == stage.pipeline_id)

    # ---- funnel stages -------------------------------------------------------------------
    def add_funnel_stage(self, name: str, position: int | None = None) -> int:
        """Insert before `position` (default: before Conversion, which stays last)."""
        _check_name(name)
        stages = [s for s, _ in self.funnel_stages()]
        position = len(stages) - 1 if position is None else position
        with self.write("stage"):
            FunnelStage.update(position=FunnelStage.position + 1000).execute()
            order = [*stages[:position], None, *stages[position:]]
            new_id = None
            try:
                for pos, sid in enumerate(order):
                    if sid is None:
                        new_id = FunnelStage.insert(name=name.strip(), position=pos).execute()
                    else:
                        FunnelStage.update(position=pos).where(FunnelStage.id == sid).execute()
            except pw.IntegrityError as exc:
                raise ServiceError(
                    QT_TRANSLATE_NOOP("ServiceError", 'A funnel stage named "%1" exists already.'),
                    name.strip(),
                ) from exc
            # Positions moved: the highest position each company reached moves with them.
            refresh_funnel_cache()
        return new_id

    def rename_funnel_stage(self, stage_id: int, name: str) -> None:
        _check_name(name)
        with self.write("stage"):
            try:
                FunnelStage.update(name=name.strip()).where(FunnelStage.id == stage_id).execute()
            except pw.IntegrityError as exc:
                raise ServiceError(
                    QT_TRANSLATE_NOOP("ServiceError", 'A funnel stage named "%1" exists already.'),
                    name.strip(),
                ) from exc

    def reorder_funnel_stages(self, stage_ids: Sequence[int]) -> None:
        if sorted(stage_ids) != sorted(s for s, _ in self.funnel_stages()):
            raise ServiceError(
                QT_TRANSLATE_NOOP(
                    "ServiceError", "The new order must name every funnel stage once."
                )
            )
        with self.write("stage"):
            FunnelStage.update(position=FunnelStage.position + 1000).execute()
            for pos, stage_id in enumerate(stage_ids):
                FunnelStage.update(position=pos).where(FunnelStage.id == stage_id).execute()
            refresh_funnel_cache()

    def remove_funnel_stage(self, stage_id: int, rehome_to: int | None = None) -> None:
        used = (
            Company.select().where(Company.funnel_stage == stage_id).exists()
            or StageHistory.select().where(StageHistory.funnel_stage == stage_id).exists()
        )
        if used and rehome_to is None:
            raise ServiceError(
                QT_TRANSLATE_NOOP(
                    "ServiceError",
                    "This funnel stage still has companies: name the stage they move to.",
                )
            )
        if len(self.funnel_stages()) <= 2:
            raise ServiceError(
                QT_TRANSLATE_NOOP("ServiceError", "The funnel keeps at least two stages.")
            )
        with self.write("stage"):
            if rehome_to is not None:
                Company.update(funnel_stage=rehome_to).where(
                    Company.funnel_stage == stage_id
                ).execute()
                StageHistory.update(funnel_stage=rehome_to).where(
                    StageHistory.funnel_stage == stage_id
                ).execute()
            FunnelStage.delete().where(FunnelStage.id == stage_id).execute()
            _compact(FunnelStage, None)
            refresh_funnel_cache()

    # ---- playbooks -----------------------------------------------------------------------
    def set_playbook(self, stage_id: int, actions: Sequence[tuple[str, int]]) -> None:
        for text, days in actions:
            if not text.strip():
                raise ServiceError(
                    QT_TRANSLATE_NOOP("ServiceError", "A planned action needs a text.")
                )
            if days < 0:
                raise ServiceError(
                    QT_TRANSLATE_NOOP("ServiceError", '"%1": due-in days must not be negative.'),
                    text,
                )
        with self.write("stage"):
            kept = {t: i for i, t, _ in self.playbook(stage_id)}
            wanted = [t.strip() for t, _ in actions]
            # Unchanged texts keep their ids, so deals that had them do not get them again.
            PlaybookAction.delete().where(
                (PlaybookAction.stage == stage_id) & PlaybookAction.text.not_in(wanted)
            ).execute()
            for pos, (text, days) in enumerate(actions):
                if text.strip() in kept:
                    PlaybookAction.update(due_in_days=days, position=pos).where(
                        PlaybookAction.id == kept[text.strip()]
                    ).execute()
                else:
                    PlaybookAction.create(
                        stage=stage_id, text=text.strip(), due_in_days=days, position=pos
                    )


def _compact(model, where) -> None:
    query = model.select(model.id).order_by(model.position)
    if where is not None:
        query = query.where(where)
    for pos, (row_id,) in enumerate(list(query.tuples())):
        model.update(position=pos).where(model.id == row_id).execute()


def _check_name(name: str) -> None:
    if not name.strip():
        raise ServiceError(QT_TRANSLATE_NOOP("ServiceError", "A stage needs a name."))


def _check_probability(probability: int) -> None:
    if not isinstance(probability, int) or not 0 <= probability <= 100:
        raise ServiceError(
            QT_TRANSLATE_NOOP("ServiceError", "Probability must be a whole number from 0 to 100.")
        )
