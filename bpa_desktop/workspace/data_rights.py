"""ws.data_rights: the person's rights over the data (GDPR art. 15, 17, 20).

- ``export_all(path)``: one zip with a JSON file per kind of record (``data/<table>.json``), the
  JSON schema of each (``schemas/<table>.schema.json``) and the PDF of every attested timesheet
  (``pdf/``). Written through a temporary file and renamed, like every file the app writes.
- ``erase_assistant(id)``: once an assistant has left and the bookkeeping retention has run
  (payroll records are kept for 5 years after the end of the year of the last payroll; the
  Bookkeeping Act § 13), the name and employee number are replaced and free-text comments
  emptied. The attested content (and its SHA-256) names no person, only the assistant's id
  (core/timesheet.py), so every attested version stays verifiable; the erasure is its own audit
  entry. Hours, pay lines and periods stay: they are the employer's accounts. The Oversikt
  snapshot beside the file (overview_snapshot.py), which may hold the name, is deleted.
"""

from __future__ import annotations

import json
import tempfile
import zipfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bpa_desktop import overview_snapshot
from bpa_desktop.atomic_write import write_bytes
from bpa_desktop.i18n import message
from bpa_desktop.message import Message
from bpa_desktop.storage import data_rights_queries as queries
from bpa_desktop.storage.schema import AssistantRow
from bpa_desktop.storage.unit_of_work import Database
from bpa_desktop.workspace.errors import WorkspaceError, found

RETENTION_YEARS = 5


@dataclass(frozen=True)
class ExportAllResult:
    path: Path
    tables: int
    rows: int
    pdfs: int


def retention_until(last_payroll: date) -> date:
    """The last day the payroll records must be kept: 31 December, five years after the year of
    the last payroll."""
    return date(last_payroll.year + RETENTION_YEARS, 12, 31)


class DataRights:
    def __init__(self, db: Database, people, backups, exports) -> None:
        self._db = db
        self._people = people
        self._backups = backups
        self._exports = exports

    def export_all(self, path: Path) -> ExportAllResult:
        with self._db.read() as uow:
            tables = queries.dump_tables(uow.session)
            attested = queries.attested_timesheets(uow.session)
        with tempfile.TemporaryDirectory(prefix="bpa-export-") as tmp:
            zipped = Path(tmp) / "export.zip"
            with zipfile.ZipFile(zipped, "w", compression=zipfile.ZIP_DEFLATED) as archive:
                for name, (schema, rows) in tables.items():
                    archive.writestr(f"data/{name}.json", json.dumps(rows, ensure_ascii=False, indent=1))
                    archive.writestr(f"schemas/{name}.schema.json", json.dumps(schema, indent=1))
                for timesheet_id, assistant_id, period_start in attested:
                    pdf = Path(tmp) / f"timesheet-{timesheet_id}.pdf"
                    self._exports.timesheet_pdf(assistant_id, period_start, pdf, timesheet_id=timesheet_id)
                    archive.write(pdf, f"pdf/timeliste-{timesheet_id}-{period_start:%Y-%m}.pdf")
                archive.writestr("README.txt", message("export_all_readme"))
            write_bytes(path, zipped.read_bytes())
        with self._db.write() as uow:
            uow.audit("export_all", "database", None, None, f"{len(tables)} tables, {len(attested)} PDFs")
        return ExportAllResult(Path(path), len(tables), sum(len(rows) for _s, rows in tables.values()),
                               len(attested))

    def erasable_from(self, assistant_id: int) -> date | None:
        """The first day the assistant's personal data may be erased; None while still employed."""
        with self._db.read() as uow:
            row = found(uow.get(AssistantRow, assistant_id), Message("entity_assistant"), assistant_id)
            if row.end_date is None:
                return None
            last = queries.last_payroll_day(uow.session, assistant_id) or row.end_date
        return date(retention_until(max(last, row.end_date)).year + 1, 1, 1)

    def erase_assistant(self, assistant_id: int, *, today: date | None = None) -> None:
        today = today or date.today()
        erasable = self.erasable_from(assistant_id)
        if erasable is None:
            raise WorkspaceError(message("erase_not_left"))
        if today < erasable:
            until = date(erasable.year - 1, 12, 31)
            raise WorkspaceError(message("erase_retention", until=until.strftime("%d.%m.%Y")))
        with self._db.write() as uow:
            row = uow.get(AssistantRow, assistant_id)
            erased_name = message("erased_name", ref=assistant_id)
            if row.name == erased_name:
                raise WorkspaceError(message("erase_already"))
            touched = queries.blank_personal_fields(uow.session, assistant_id, erased_name, f"slettet-{assistant_id}")
            uow.audit("erase_personal_data", "assistant", assistant_id, row.arrangement_id,
                      f"{touched} rows; retention ended {erasable.isoformat()}")
        overview_snapshot.discard(self._db.path)  # it may hold the name (the app's Oversikt beside the file)
