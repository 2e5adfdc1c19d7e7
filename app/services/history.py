"""Stage-history rows: close the current period of a deal or company and open the next."""

from __future__ import annotations

import datetime as dt

import peewee as pw

from app.storage.models import Company, Deal, FunnelStage, PipelineStage, StageHistory


def enter_deal_state(deal_id: int, stage_id: int, status: str, at: dt.datetime) -> None:
    StageHistory.update(left_at=at).where(
        (StageHistory.deal == deal_id) & StageHistory.left_at.is_null()
    ).execute()
    StageHistory.insert(deal=deal_id, stage=stage_id, status=status, entered_at=at).execute()
    pipeline = PipelineStage.select(PipelineStage.pipeline).where(PipelineStage.id == stage_id)
    Deal.update(reached_position=_reached(pipeline), stage_entered_at=at).where(
        Deal.id == deal_id
    ).execute()


def _reached(pipeline) -> pw.ModelSelect:
    """The highest position among the deal's history rows in the pipeline's stages (the
    deal's own history, a few rows by index); NULL if it has none there."""
    return (
        StageHistory.select(pw.fn.MAX(PipelineStage.position))
        .join(PipelineStage, on=StageHistory.stage == PipelineStage.id)
        .where((StageHistory.deal == Deal.id) & (PipelineStage.pipeline == pipeline))
    )


def refresh_deal_reach(where: pw.Expression | None = None) -> None:
    """Recompute Deal.reached_position (of the deals matching `where`) from the history.

    For bulk inserts that leave it out, after a pipeline's stages changed order or one was
    removed, and after an undo wrote back rows captured under another stage order.
    """
    query = Deal.update(reached_position=_reached(Deal.pipeline))
    if where is not None:
        query = query.where(where)
    query.execute()


def enter_funnel_stage(company_id: int, funnel_stage_id: int, at: dt.datetime) -> None:
    StageHistory.update(left_at=at).where(
        (StageHistory.company == company_id) & StageHistory.left_at.is_null()
    ).execute()
    StageHistory.insert(company=company_id, funnel_stage=funnel_stage_id, entered_at=at).execute()
    position = (
        FunnelStage.select(FunnelStage.position).where(FunnelStage.id == funnel_stage_id).scalar()
    )
    Company.update(reached_position=position).where(
        (Company.id == company_id) & (Company.reached_position < position)
    ).execute()
    if position == FunnelStage.select(pw.fn.MAX(FunnelStage.position)).scalar():
        Company.update(converted_at=at).where(
            (Company.id == company_id)
            & (Company.converted_at.is_null() | (Company.converted_at > at))
        ).execute()


def refresh_funnel_cache(company_ids: list[int] | None = None) -> None:
    """Recompute reached_position and converted_at from the history.

    For bulk inserts (demo data, imports) and after the funnel's stage list changed order.
    """
    reached = (
        StageHistory.select(pw.fn.MAX(FunnelStage.position))
        .join(FunnelStage, on=StageHistory.funnel_stage == FunnelStage.id)
        .where(StageHistory.company == Company.id)
    )
    last = FunnelStage.select(FunnelStage.id).order_by(FunnelStage.position.desc()).limit(1)
    converted = StageHistory.select(pw.fn.MIN(StageHistory.entered_at)).where(
        (StageHistory.company == Company.id) & (StageHistory.funnel_stage == last)
    )
    query = Company.update(reached_position=pw.fn.COALESCE(reached, 0), converted_at=converted)
    if company_ids is not None:
        query = query.where(Company.id.in_(company_ids))
    query.execute()
