"""ws.backups: rotating, verified copies of the open database, a second folder, and restore.

Copies go to ``backups/`` beside the database (and, when one is chosen, to a second folder such
as a USB stick). With ``automatic`` on (the GUI), a copy is taken after the first committed
change of a (local) day and before an attestation batch (the first attestation after a quiet
spell of ``BATCH_GAP``); both run in the thread that wrote, never in the GUI thread. After each
copy the rotation (core/backups.py: 7 daily, 4 weekly, 12 monthly) prunes both folders.
A restore first copies the open database ("before-restore"), so nothing is ever lost by one.
"""

from __future__ import annotations

import json
import logging
import threading
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path

from bpa_desktop.core.backups import BackupCopy, BackupSummary, copies_to_keep
from bpa_desktop.i18n import message
from bpa_desktop.storage import backup_store
from bpa_desktop.storage.unit_of_work import Database
from bpa_desktop.workspace.errors import WorkspaceError

log = logging.getLogger(__name__)
BATCH_GAP = timedelta(minutes=15)
FOLDER_NAME = "backups"


@dataclass(frozen=True)
class BackupResult:
    copy: BackupCopy
    second: BackupCopy | None  # the same copy in the second folder, if one is set and it worked
    second_error: str | None  # why the second folder could not take it (shown, never fatal)


class Backups:
    def __init__(self, db: Database, *, automatic: bool = False) -> None:
        self._db = db
        self._lock = threading.Lock()  # two worker threads must not copy and prune at once
        self.automatic = automatic
        if automatic:
            db.after_commit.append(self.after_change)

    # --- where ---------------------------------------------------------------------------

    @property
    def folder(self) -> Path:
        return self._db.path.parent / FOLDER_NAME

    @property
    def _settings_file(self) -> Path:
        return self.folder / f"{self._db.path.stem}.settings.json"

    def second_folder(self) -> Path | None:
        try:
            value = json.loads(self._settings_file.read_text(encoding="utf-8")).get("second_folder")
        except (OSError, ValueError):
            return None
        return Path(value) if value else None

    def set_second_folder(self, folder: Path | None) -> None:
        """Choose (or with None forget) the second folder; it must be writable now."""
        from bpa_desktop.atomic_write import write_text

        if folder is not None:
            try:
                Path(folder).mkdir(parents=True, exist_ok=True)
                probe = Path(folder) / ".bpa-write-test"
                probe.write_bytes(b"")
                probe.unlink()
            except OSError as error:
                raise WorkspaceError(message("backup_folder_unusable", path=folder, detail=error.strerror)) from None
        self.folder.mkdir(parents=True, exist_ok=True)
        write_text(self._settings_file, json.dumps({"second_folder": str(folder) if folder else None}))

    # --- copies --------------------------------------------------------------------------

    def create(self, reason: str = "manual", *, now: datetime | None = None) -> BackupResult:
        with self._lock:
            return self._create(reason, now)

    def _create(self, reason: str, now: datetime | None, *, prune: bool = True) -> BackupResult:
        copy = backup_store.take_copy(self._db.path, self.folder, reason, now)
        second, second_error = None, None
        other = self.second_folder()
        if other is not None:
            try:
                second = backup_store.copy_file(copy, other)
            except (OSError, backup_store.BackupCorruptError) as error:
                second_error = getattr(error, "strerror", None) or str(error)
                log.warning("Second backup folder failed: %s", second_error)
        if prune:
            self.prune()
        return BackupResult(copy, second, second_error)

    def prune(self) -> None:
        """Delete the copies the rotation no longer keeps, in both folders."""
        for folder in filter(None, (self.folder, self.second_folder())):
            self._prune(folder)

    def _prune(self, folder: Path) -> None:
        try:
            copies = backup_store.list_copies(folder, self._db.path.stem)
            keep = copies_to_keep(copies, datetime.now().astimezone().tzinfo, datetime.now(timezone.utc))
            for copy in copies:
                if copy.path not in keep:
                    copy.path.unlink(missing_ok=True)
        except OSError as error:  # a USB stick pulled out mid-way
            log.warning("Pruning %s failed: %s", folder.name, error.strerror)

    def list(self) -> list[BackupCopy]:
        """Every finished copy in both folders, newest first."""
        stem = self._db.path.stem
        copies = backup_store.list_copies(self.folder, stem)
        other = self.second_folder()
        if other is not None:
            copies += backup_store.list_copies(other, stem)
        return sorted(copies, key=lambda c: c.taken_at, reverse=True)

    def summary(self, path: Path) -> BackupSummary:
        """What a copy holds; a damaged copy raises WorkspaceError with a message for people."""
        path = Path(path)
        if not path.is_file():
            raise WorkspaceError(message("backup_not_found", path=path))
        try:
            return backup_store.read_summary(path)
        except backup_store.BackupCorruptError as error:
            raise WorkspaceError(str(error)) from None

    def restore(self, path: Path) -> BackupResult:
        """Put the copy at ``path`` in place of the open database, after copying the database.

        Returns the "before-restore" copy. A damaged copy is refused before anything is done.
        """
        path = Path(path)
        self.summary(path)  # refuses a damaged copy or a file that is not ours, untouched
        with self._lock:
            safety = self._create("before-restore", None, prune=False)  # the chosen copy stays
            try:
                self._db.swap_file(lambda: backup_store.restore_copy(path, self._db.path))
            except (backup_store.BackupCorruptError, backup_store.DatabaseBusyError) as error:
                raise WorkspaceError(str(error)) from None
        with self._db.write() as uow:  # in the restored file's own log
            uow.audit("restore", "database", None, None, f"from {path.name}; before-restore {safety.copy.path.name}")
        self.prune()
        return safety

    # --- automatic copies ----------------------------------------------------------------

    def after_change(self) -> None:
        """After a committed write: the day's first change gets a copy."""
        today = datetime.now().astimezone().date()
        newest = next(iter(backup_store.list_copies(self.folder, self._db.path.stem)), None)
        if newest is not None and newest.taken_at.astimezone().date() == today:
            return
        self.create("daily")

    def before_attestation(self) -> None:
        """Before an attestation: one copy per batch (none if one was taken within BATCH_GAP)."""
        if not self.automatic:
            return
        newest = next((c for c in backup_store.list_copies(self.folder, self._db.path.stem)
                       if c.reason == "attestation"), None)
        if newest is not None and datetime.now(timezone.utc) - newest.taken_at < BATCH_GAP:
            return
        self.create("attestation")
