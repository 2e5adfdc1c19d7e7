"""Use cases of Dealboard, each write one transaction; no Qt imports."""

from __future__ import annotations

from pathlib import Path

import peewee as pw

from app.domain.events import Signal
from app.storage import database


class ServiceError(Exception):
    """A use case refused its input; the message says what and nothing was written."""


class Services:
    """Every service over one open database; built once by the composition root."""

    def __init__(self, db: pw.SqliteDatabase, path: Path | None = None):
        from app.services.activities import ActivityService
        from app.services.board import BoardQueries
        from app.services.catalog import CatalogService
        from app.services.companies import CompanyService
        from app.services.deals import DealService
        from app.services.reports import ReportService
        from app.services.stages import StageService
        from app.services.trash import TrashService

        self.db = db
        self.path = path
        self.changed = Signal()
        self._pending: list | None = None  # changes of the running outermost write
        self.deals = DealService(self)
        self.companies = CompanyService(self)
        self.activities = ActivityService(self)
        self.stages = StageService(self)
        self.catalog = CatalogService(self)
        self.trash = TrashService(self)
        self.reports = ReportService(self)
        self.board = BoardQueries(self)

    @classmethod
    def open(cls, path: Path | str) -> Services:
        return cls(database.connect(path), Path(path))

    def close(self) -> None:
        database.close(self.db)

    def default_user_id(self) -> int:
        from app.storage.models import Setting

        return int(Setting.get_by_id("default_user").value)

    def currency(self) -> str:
        from app.storage.models import Setting

        return Setting.get_by_id("currency").value
