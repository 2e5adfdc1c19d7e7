"""Stage-history rows: close the current period of a deal or company and open the next."""

from __future__ import annotations

import datetime as dt

from app.storage.models import StageHistory


def enter_deal_state(deal_id: int, stage_id: int, status: str, at: dt.datetime) -> None:
    StageHistory.update(left_at=at).where(
        (StageHistory.deal == deal_id) & StageHistory.left_at.is_null()
    ).execute()
    StageHistory.insert(deal=deal_id, stage=stage_id, status=status, entered_at=at).execute()


def enter_funnel_stage(company_id: int, funnel_stage_id: int, at: dt.datetime) -> None:
    StageHistory.update(left_at=at).where(
        (StageHistory.company == company_id) & StageHistory.left_at.is_null()
    ).execute()
    StageHistory.insert(company=company_id, funnel_stage=funnel_stage_id, entered_at=at).execute()
