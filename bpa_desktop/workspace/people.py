"""``ws.people``: arrangements (ordninger) and their assistants.

Each write is one unit of work with its audit entry; reads hand out core dataclasses.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from bpa_desktop import validation
from bpa_desktop.core.model import (
    Agreement,
    Arrangement,
    ArrangementSetup,
    Assistant,
    AssistantKind,
    EmployerKind,
)
from bpa_desktop.i18n import message
from bpa_desktop.message import Message
from bpa_desktop.storage import queries
from bpa_desktop.storage import repository as repo
from bpa_desktop.storage.schema import ArrangementRow, AssistantRow, VedtakRow
from bpa_desktop.storage.unit_of_work import Database, UnitOfWork
from bpa_desktop.workspace.checks import arrangement as arrangement_row
from bpa_desktop.workspace.errors import ValidationError, found, prefixed, raise_if


class People:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- arrangements -----------------------------------------------------------------

    def list_arrangements(self) -> list[Arrangement]:
        with self._db.read() as uow:
            arrangements = map(repo.arrangement_to_core, queries.arrangement_rows(uow.session))
            return sorted(arrangements, key=lambda a: repo.norwegian_sort_key(a.name))

    def get_arrangement(self, arrangement_id: int) -> Arrangement:
        with self._db.read() as uow:
            return repo.arrangement_to_core(arrangement_row(uow, arrangement_id))

    def create_arrangement(self, setup: ArrangementSetup) -> Arrangement:
        """The arrangement with its first vedtak and assistants, in one transaction."""
        arrangement = normalise_arrangement(setup.arrangement)
        errors = validation.arrangement_errors(arrangement)
        errors.update(prefixed("vedtak", validation.vedtak_errors(setup.vedtak)))
        numbers: set[str] = set()
        for index, assistant in enumerate(setup.assistants):
            assistant_errors = validation.assistant_errors(assistant)
            number = assistant.employee_no.strip()
            if number and number in numbers:
                assistant_errors["employee_no"] = message("employee_no_taken", employee_no=number)
            numbers.add(number)
            errors.update(prefixed(f"assistants[{index}]", assistant_errors))
        raise_if(errors)
        with self._db.write() as uow:
            row = ArrangementRow(created_at=repo.utc_now())
            repo.fill_arrangement(row, arrangement)
            uow.add(row)
            vedtak_row = VedtakRow(arrangement_id=row.id, created_at=repo.utc_now())
            repo.fill_vedtak(vedtak_row, setup.vedtak)
            uow.session.add(vedtak_row)
            for assistant in setup.assistants:
                assistant_row = AssistantRow(arrangement_id=row.id)
                repo.fill_assistant(assistant_row, normalise_assistant(assistant))
                uow.session.add(assistant_row)
            uow.flush()
            uow.audit("create", "arrangement", row.id, row.id, f"vedtak=1 assistants={len(setup.assistants)}")
            return repo.arrangement_to_core(row)

    def update_arrangement(self, arrangement: Arrangement) -> Arrangement:
        arrangement = normalise_arrangement(arrangement)
        raise_if(validation.arrangement_errors(arrangement))
        with self._db.write() as uow:
            row = arrangement_row(uow, arrangement.id)
            changed = repo.fill_arrangement(row, arrangement)
            uow.audit("update", "arrangement", row.id, row.id, ",".join(changed))
            return repo.arrangement_to_core(row)

    # --- assistants -------------------------------------------------------------------

    def list_assistants(self, arrangement_id: int, include_ended: bool = True) -> list[Assistant]:
        today = date.today()
        with self._db.read() as uow:
            assistants = [repo.assistant_to_core(r) for r in queries.assistant_rows(uow.session, arrangement_id)]
        if not include_ended:
            assistants = [a for a in assistants if a.end_date is None or a.end_date >= today]
        return sorted(assistants, key=lambda a: (repo.norwegian_sort_key(a.name), a.id))

    def get_assistant(self, assistant_id: int) -> Assistant:
        with self._db.read() as uow:
            row = found(uow.get(AssistantRow, assistant_id), Message("entity_assistant"), assistant_id)
            return repo.assistant_to_core(row)

    def add_assistant(self, assistant: Assistant) -> Assistant:
        assistant = normalise_assistant(assistant)
        raise_if(validation.assistant_errors(assistant))
        with self._db.write() as uow:
            arrangement_row(uow, assistant.arrangement_id)
            _refuse_taken_employee_no(uow, assistant)
            row = AssistantRow(arrangement_id=assistant.arrangement_id)
            repo.fill_assistant(row, assistant)
            uow.add_audited(row, "create", "assistant", row.arrangement_id, f"kind={row.kind.value}")
            return repo.assistant_to_core(row)

    def update_assistant(self, assistant: Assistant) -> Assistant:
        assistant = normalise_assistant(assistant)
        raise_if(validation.assistant_errors(assistant))
        with self._db.write() as uow:
            row = found(uow.get(AssistantRow, assistant.id), Message("entity_assistant"), assistant.id)
            assistant = replace(assistant, arrangement_id=row.arrangement_id)
            _refuse_taken_employee_no(uow, assistant)
            changed = repo.fill_assistant(row, assistant)
            uow.audit("update", "assistant", row.id, row.arrangement_id, ",".join(changed))
            return repo.assistant_to_core(row)

    def end_assistant(self, assistant_id: int, end_date: date) -> Assistant:
        return self.update_assistant(replace(self.get_assistant(assistant_id), end_date=end_date))


def _refuse_taken_employee_no(uow: UnitOfWork, assistant: Assistant) -> None:
    if queries.taken(uow.session, AssistantRow.employee_no, assistant.employee_no, assistant.arrangement_id,
                  assistant.id):
        raise ValidationError({"employee_no": message("employee_no_taken", employee_no=assistant.employee_no)})


def normalise_arrangement(arrangement: Arrangement) -> Arrangement:
    return replace(
        arrangement,
        employer_kind=EmployerKind(arrangement.employer_kind),
        agreement=Agreement(arrangement.agreement),
        employer_org_no=arrangement.employer_org_no.replace(" ", ""),
    )


def normalise_assistant(assistant: Assistant) -> Assistant:
    return replace(
        assistant,
        kind=AssistantKind(assistant.kind),
        name=assistant.name.strip(),
        employee_no=assistant.employee_no.strip(),
    )
