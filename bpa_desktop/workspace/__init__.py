"""The Workspace: the one object the UI and the CLI talk to for an open database.

    ws = Workspace.open(path, actor="arbeidsleder")
    ws.people      arrangements (ordninger) and assistants          workspace/people.py
    ws.vedtak      the municipality's decisions                      workspace/vedtak.py
    ws.rota        templates, rota versions, changes, need, approvals workspace/rota.py
    ws.timesheets  worked record, deviations, timesheet life cycle   workspace/timesheets.py
    ws.reports     cost, absence and hours per month                 workspace/reports.py
    ws.sync        the sync outbox, enrolment, push, bundle          workspace/sync.py
    ws.exports     timesheet PDF, payroll files, rota PDF/ICS/JSON   workspace/exports.py
    ws.audit       who did what, by role                             workspace/audit.py
    ws.undoable    the changes a person can undo, with their receipts workspace/undoable.py
    ws.backups     rotating verified copies, second folder, restore  workspace/backups.py
    ws.encryption  encrypt or decrypt the file, the recovery code    workspace/encryption.py
    ws.data_rights export of all data, erasure of a departed assistant workspace/data_rights.py
    ws.planner     turnus proposals (CP-SAT), Finn vikar              workspace/planner.py
    ws.participants assistants' PINs, month views, proposals, confirmations, approvals
                                                                      workspace/participants.py

Every area hands out core dataclasses (never ORM rows). Every use case is one unit of work
(``storage/unit_of_work.py``): one session, one transaction, with its audit entry naming the
actor (a role, never a person's name). Errors are in ``workspace/errors.py``.

Adding an area (backups, an assistant portal …) is one module with a class that
takes the ``Database`` and the sibling areas it uses, and one line below. ``sync`` and
``exports`` are built on first use, so httpx, pydantic, cryptography and ReportLab load
only when sync runs or a file is written, not at start-up; ``planner`` likewise (OR-Tools),
and ``audit`` and ``undoable``, which the first page shown does not need.
"""

from __future__ import annotations

from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING

from bpa_desktop.storage.paths import default_db_path
from bpa_desktop.storage.unit_of_work import ROLES, Database
from bpa_desktop.workspace.backups import Backups
from bpa_desktop.workspace.drafts import Drafts
from bpa_desktop.workspace.encryption import Encryption
from bpa_desktop.workspace.errors import (
    NotFoundError,
    RotaFileError,
    TimesheetLockedError,
    ValidationError,
    WorkspaceError,
)
from bpa_desktop.workspace.people import People
from bpa_desktop.workspace.reports import Reports
from bpa_desktop.workspace.rota import Rota
from bpa_desktop.workspace.timesheets import Timesheets
from bpa_desktop.workspace.vedtak import VedtakArea
from bpa_desktop.workspace.worked_record import WorkedEntry

if TYPE_CHECKING:
    from bpa_desktop.workspace.audit import Audit
    from bpa_desktop.workspace.undoable import Undoable
    from bpa_desktop.workspace.data_rights import DataRights
    from bpa_desktop.workspace.exports import Exports
    from bpa_desktop.workspace.participants import Participants
    from bpa_desktop.workspace.planner import Planning
    from bpa_desktop.workspace.sync import Sync


class Workspace:
    def __init__(self, db: Database, *, automatic_backups: bool = False) -> None:
        self._db = db
        self.people = People(db)
        self.vedtak = VedtakArea(db)
        self.rota = Rota(db)
        self.timesheets = Timesheets(db, self.rota)
        self.reports = Reports(db, self.people, self.vedtak, self.rota, self.timesheets)
        self.backups = Backups(db, automatic=automatic_backups)
        self.timesheets.before_attest = self.backups.before_attestation
        self.encryption = Encryption(db, self.backups)
        self.drafts = Drafts(db.path)

    @cached_property
    def audit(self) -> Audit:
        from bpa_desktop.workspace.audit import Audit  # read by the audit view only

        return Audit(self._db)

    @cached_property
    def undoable(self) -> Undoable:
        from bpa_desktop.workspace.undoable import Undoable  # the inverse use cases: on the first undo

        return Undoable(self._db)

    @cached_property
    def sync(self) -> Sync:
        from bpa_desktop.workspace.sync import Sync  # httpx, pydantic, cryptography: on first use

        return Sync(self._db, self.timesheets, lambda: self.participants)

    @cached_property
    def exports(self) -> Exports:
        from bpa_desktop.workspace.exports import Exports  # ReportLab: on first use

        return Exports(self._db, self.people, self.vedtak, self.rota, self.timesheets, lambda: self.sync)

    @cached_property
    def planner(self) -> Planning:
        from bpa_desktop.workspace.planner import Planning  # OR-Tools: on first use

        return Planning(self._db, self.people, self.vedtak, self.rota, self.timesheets)

    @cached_property
    def participants(self) -> Participants:
        from bpa_desktop.workspace.participants import Participants  # pydantic (the views): on first use

        return Participants(self._db)

    # --- life cycle -----------------------------------------------------------------------

    @cached_property
    def data_rights(self) -> DataRights:
        from bpa_desktop.workspace.data_rights import DataRights  # ReportLab (the PDFs): on first use

        return DataRights(self._db, self.people, self.backups, self.exports)

    @classmethod
    def open(cls, path: Path | None = None, *, actor: str = "arbeidsleder",
             automatic_backups: bool = False) -> Workspace:
        """Open (creating if missing, upgrading if older) the database at ``path``.

        Raises DatabaseNewerError / DatabaseCorruptError (from storage.errors) and leaves
        the file untouched when it cannot be used. ``automatic_backups`` (the GUI): a copy after
        the day's first change and before each attestation batch (workspace/backups.py).
        """
        db = Database.open(Path(path) if path is not None else default_db_path(), actor)
        return cls(db, automatic_backups=automatic_backups)

    @property
    def path(self) -> Path:
        return self._db.path

    @property
    def actor(self) -> str:
        return self._db.actor

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()


__all__ = [
    "ROLES",
    "NotFoundError",
    "RotaFileError",
    "TimesheetLockedError",
    "ValidationError",
    "WorkedEntry",
    "Workspace",
    "WorkspaceError",
]
