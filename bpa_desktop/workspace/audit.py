"""``ws.audit``: what was done, when and by which role (never a person's name)."""

from __future__ import annotations

from bpa_desktop.core.model import AuditEntry
from bpa_desktop.storage import queries
from bpa_desktop.storage import repository as repo
from bpa_desktop.storage.unit_of_work import Database


class Audit:
    def __init__(self, db: Database) -> None:
        self._db = db

    def entries(self, arrangement_id: int | None = None, limit: int = 200) -> list[AuditEntry]:
        """Newest first; all arrangements when ``arrangement_id`` is None."""
        with self._db.read() as uow:
            return [repo.audit_to_core(r) for r in queries.audit_rows(uow.session, arrangement_id, limit)]
