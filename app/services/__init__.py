"""Use cases of Dealboard, each write one transaction; no Qt imports."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import peewee as pw

from app.domain.events import Signal
from app.domain.i18n import QT_TRANSLATE_NOOP, fill
from app.storage import database

POOL_WORKERS = min(4, os.cpu_count() or 2)  # report jobs at once (Services.worker_pool)

__all__ = ["POOL_WORKERS", "QT_TRANSLATE_NOOP", "ServiceError", "Services", "fill"]


class ServiceError(Exception):
    """A use case refused its input; the message says what and nothing was written.

    The message is an English template with Qt's %1, %2 for `args`, marked by
    QT_TRANSLATE_NOOP under the context "ServiceError" so lupdate collects it: str() is the
    English text (CLI, logs, tests), app.ui.errors.refusal the one in the user's language.
    """

    def __init__(self, template: str, *args: object):
        super().__init__(template, *args)
        self.template = template
        self.params = args

    def __str__(self) -> str:
        return fill(self.template, [str(a) for a in self.params])


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
        self._pool = None  # worker_pool()
        self._pending: list | None = None  # changes of the running outermost write
        # Set once the file passed its integrity check; writes wait for it (see base.write).
        self.verified = threading.Event()
        self.verified.set()
        self.damage: str | None = None
        self.deals = DealService(self)
        self.companies = CompanyService(self)
        self.activities = ActivityService(self)
        self.stages = StageService(self)
        self.catalog = CatalogService(self)
        self.trash = TrashService(self)
        self.reports = ReportService(self)
        self.board = BoardQueries(self)

    @classmethod
    def open(cls, path: Path | str, *, full_check: bool = True) -> Services:
        """Open a database file. With full_check=False the caller verifies it (verify())."""
        services = cls(database.connect(path, full_check=full_check), Path(path))
        if not full_check:
            services.verified.clear()
        return services

    def verify(self) -> str | None:
        """Run the full integrity check (any thread); writes wait for it, refuse on damage."""
        try:
            self.damage = database.quick_check(self.path)
        finally:
            self.verified.set()
        return self.damage

    def worker_pool(self):
        """Threads for read-only reports in parallel (report_details.bundle), made on first
        use and owned here, so they end with this database."""
        if self._pool is None:
            from concurrent.futures import ThreadPoolExecutor

            self._pool = ThreadPoolExecutor(POOL_WORKERS, thread_name_prefix="reports")
        return self._pool

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True)  # running report jobs finish with their connections
            self._pool = None
        database.close(self.db)

    def transaction(self):
        """One transaction around several service calls (an undo step made of them): all of
        them are written or none; their changes are announced after the commit."""
        from app.services.base import Service

        return Service(self).write(None)

    def default_user_id(self) -> int:
        from app.storage.models import Setting

        return int(Setting.get_by_id("default_user").value)

    def currency(self) -> str:
        from app.storage.models import Setting

        return Setting.get_by_id("currency").value
