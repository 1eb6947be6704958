"""``ws.participants``: the assistants and the rota's approvers as actors (issue 12).

At the shared table an assistant picks their short name and enters their own PIN; through a
link (``ws.sync.sharing``) the receiver's events arrive with their event id. Either way the
desktop stays the one place where records change, each write one transaction and audited with
the actor "assistent:<ref>" (never a name) or "arbeidsleder":

* PINs: ``set_pin`` once, ``check_pin`` (five wrong tries lock it), ``reset_pin`` by the leader;
* views: ``month_view`` (the assistant's own month only) and ``rota_view``, ``view_hash``;
* proposals: ``propose`` (stored once per event id), ``open_proposals``, ``accept_proposal``
  (through the deviation path, the proposal as reason), ``decline_proposal``;
* confirmations: ``confirm_by_assistant`` (refused when the month changed since it was seen),
  ``confirmation``; the leader's Confirm button is recorded as the assistant's paper;
* approvals: ``record_approval`` (stored once per event id), ``approvals``. A new rota version
  is a new rota id, so it starts without approvals and asks again.

Attesting a month the assistant has not confirmed asks the leader to say why
(``ws.timesheets.attest_*``'s ``unconfirmed_reason``; the rule is ``core.participants``).
"""

from __future__ import annotations

import secrets
import uuid
from contextlib import nullcontext
from datetime import date, datetime

from bpa_desktop.core import calendar as cal
from bpa_desktop.core import participants as rules
from bpa_desktop.core.model import ApprovalRole
from bpa_desktop.core.timesheet_lifecycle import can_confirm, is_confirmable
from bpa_desktop.i18n import message
from bpa_desktop.message import Message
from bpa_desktop.storage import participants_repository as pr
from bpa_desktop.storage import repository as repo
from bpa_desktop.storage import rota_repository as rr
from bpa_desktop.storage.participants_schema import APPROVAL_CHANNELS, AssistantPinRow
from bpa_desktop.storage.schema import AssistantRow, RotaApprovalRow, RotaRow, TimesheetRow
from bpa_desktop.storage.unit_of_work import LEADER, Database, UnitOfWork
from bpa_desktop.sync import protocol_v2
from bpa_desktop.workspace import participant_views as views
from bpa_desktop.workspace import proposals
from bpa_desktop.workspace.checks import refuse_foreign_assistants
from bpa_desktop.workspace.errors import (
    PinAlreadySetError,
    PinLockedError,
    PinNotSetError,
    StaleViewError,
    ValidationError,
    WorkspaceError,
    WrongPinError,
    found,
)
from bpa_desktop.workspace.participant_records import (
    Approval,
    Confirmation,
    Proposal,
    ProposalRow,
    TableAssistant,
    approval_of,
    confirmation_of,
)
from bpa_desktop.workspace.timesheet_reading import latest_for_write, period_of
from bpa_desktop.workspace.timesheets import confirm_row, get_or_create_row


class Participants:
    def __init__(self, db: Database) -> None:
        self._db = db

    # --- who is at the table ----------------------------------------------------------

    def table_assistants(self, today: date, arrangement_id: int | None = None) -> list[TableAssistant]:
        """Active assistants (of one arrangement, or all), by short name."""
        with self._db.read() as uow:
            rows = [a for a in pr.assistant_rows(uow.session, arrangement_id)
                    if repo.assistant_to_core(a).active_on(today)]
            pins = pr.pin_rows(uow.session, [a.id for a in rows])
            refs = pr.ref_rows(uow.session, [a.id for a in rows])
            found_rows = [
                TableAssistant(
                    id=a.id,
                    display_name=rules.display_name(a.name, refs[a.id].short_name if a.id in refs else None),
                    has_pin=a.id in pins, locked=a.id in pins and pins[a.id].locked_at is not None,
                )
                for a in rows
            ]
        return sorted(found_rows, key=lambda t: (t.display_name.casefold(), t.id))

    def ref_of(self, assistant_id: int) -> str:
        """The assistant's opaque reference on the wire (made, and stored, on first use)."""
        with self._db.read() as uow:
            row = pr.ref_row(uow.session, assistant_id)
            if row is not None:
                return row.ref
        with self._db.write() as uow:
            assistant = found(uow.get(AssistantRow, assistant_id), Message("entity_assistant"), assistant_id)
            row = pr.ensure_ref(uow.session, assistant.id)
            uow.audit("create", "assistant_ref", assistant.id, assistant.arrangement_id)
            return row.ref

    def assistant_of_ref(self, ref: str) -> int | None:
        """The assistant id a reference stands for, or None."""
        with self._db.read() as uow:
            row = pr.assistant_of_ref(uow.session, ref)
            return row.id if row is not None else None

    def set_short_name(self, assistant_id: int, short_name: str | None) -> str:
        """The name others see for the assistant (None or blank: the first word of the name)."""
        chosen = (short_name or "").strip() or None
        if chosen is not None and len(chosen) > rules.SHORT_NAME_MAX:
            raise ValidationError({"short_name": message("participants.short_name_length")})
        with self._db.write() as uow:
            assistant = found(uow.get(AssistantRow, assistant_id), Message("entity_assistant"), assistant_id)
            row = pr.ensure_ref(uow.session, assistant.id)
            row.short_name = chosen
            uow.flush()
            uow.audit("update", "assistant_ref", assistant.id, assistant.arrangement_id, f"short_name={chosen is not None}")
            return rules.display_name(assistant.name, chosen)

    # --- the PIN ----------------------------------------------------------------------

    def set_pin(self, assistant_id: int, pin: str) -> None:
        """The assistant's first PIN (4–8 digits); PinAlreadySetError when there is one."""
        problem = rules.pin_problem(pin)
        if problem:
            raise ValidationError({"pin": message(problem)})
        with self._db.write() as uow:
            assistant = found(uow.get(AssistantRow, assistant_id), Message("entity_assistant"), assistant_id)
            if pr.pin_row(uow.session, assistant.id) is not None:
                raise PinAlreadySetError()
            salt = secrets.token_bytes(rules.SALT_BYTES)
            uow.add(AssistantPinRow(assistant_id=assistant.id, pin_hash=rules.hash_pin(pin, salt), salt=salt,
                                    failed_attempts=0, locked_at=None, set_at=repo.utc_now()))
            uow.audit("set_pin", "assistant_pin", assistant.id, assistant.arrangement_id,
                      actor=proposals.assistant_actor(uow, assistant.id))

    def check_pin(self, assistant_id: int, pin: str) -> None:
        """None when right; WrongPinError(tries_left), PinLockedError (the fifth wrong try
        locks), PinNotSetError. A wrong try is counted (and audited) even though it raises."""
        outcome: WorkspaceError | None = None
        with self._db.write() as uow:
            assistant = found(uow.get(AssistantRow, assistant_id), Message("entity_assistant"), assistant_id)
            row = pr.pin_row(uow.session, assistant.id)
            if row is None:
                raise PinNotSetError()
            if row.locked_at is not None:
                raise PinLockedError()
            actor = proposals.assistant_actor(uow, assistant.id)
            if rules.pin_matches(pin, row.salt, row.pin_hash):
                if row.failed_attempts:
                    row.failed_attempts = 0
                    uow.audit("pin_ok", "assistant_pin", assistant.id, assistant.arrangement_id, actor=actor)
                return
            row.failed_attempts += 1
            left = rules.tries_left(row.failed_attempts)
            if left == 0:
                row.locked_at = repo.utc_now()
                outcome = PinLockedError()
            else:
                outcome = WrongPinError(left)
            uow.audit("pin_locked" if left == 0 else "pin_wrong", "assistant_pin", assistant.id,
                      assistant.arrangement_id, f"failed={row.failed_attempts}", actor=actor)
        raise outcome  # after the commit: the wrong try stays counted

    def reset_pin(self, assistant_id: int) -> None:
        """The leader clears the PIN (and its lock); the assistant sets a new one."""
        with self._db.write() as uow:
            assistant = found(uow.get(AssistantRow, assistant_id), Message("entity_assistant"), assistant_id)
            row = pr.pin_row(uow.session, assistant.id)
            if row is not None:
                uow.session.delete(row)
                uow.flush()
            uow.audit("reset_pin", "assistant_pin", assistant.id, assistant.arrangement_id,
                      f"had_pin={row is not None}", actor=LEADER)

    # --- views ------------------------------------------------------------------------

    def month_view(self, assistant_id: int, period_start: date) -> protocol_v2.MonthView:
        """The assistant's own month (any day of the pay period): own shifts and absence codes."""
        ref = self.ref_of(assistant_id)
        with self._db.read() as uow:
            return views.month_view(uow, assistant_id, period_start, ref)

    def rota_view(self, rota_id: int) -> protocol_v2.RotaView:
        with self._db.read() as uow:
            return views.rota_view(uow, rota_id)

    @staticmethod
    def view_hash(view: protocol_v2.MonthView | protocol_v2.RotaView) -> str:
        return protocol_v2.view_hash(view)

    def _writing(self, uow: UnitOfWork | None):
        """The caller's transaction when given (an event and its cursor commit together), else one of our own."""
        return nullcontext(uow) if uow is not None else self._db.write()

    # --- proposals --------------------------------------------------------------------

    def propose(self, assistant_id: int, period_start: date, *, shift_ref: str | None, change: str,
                minutes: int = 0, starts_at: datetime | None = None, ends_at: datetime | None = None,
                comment: str = "", channel: str = "table", event_id: str | uuid.UUID | None = None,
                uow: UnitOfWork | None = None) -> Proposal:
        """Store the assistant's proposal; the same ``event_id`` twice is one proposal."""
        with self._writing(uow) as uow:
            return proposals.propose(uow, assistant_id, period_start, shift_ref=shift_ref, change=change,
                                     minutes=minutes, starts_at=starts_at, ends_at=ends_at, comment=comment,
                                     channel=channel, event_id=event_id)

    def open_proposals(self, arrangement_id: int | None = None) -> list[ProposalRow]:
        with self._db.read() as uow:
            return proposals.open_rows(uow, arrangement_id)

    def proposals(self, assistant_id: int) -> list[Proposal]:
        """Every proposal of the assistant, oldest first (what they see they have sent)."""
        from bpa_desktop.workspace.participant_records import proposal_of

        with self._db.read() as uow:
            return [proposal_of(r) for r in pr.proposal_rows(uow.session, None) if r.assistant_id == assistant_id]

    def accept_proposal(self, proposal_id: int) -> Proposal:
        """The leader accepts: the worked record changes (reason: the proposal), in one transaction."""
        with self._db.write() as uow:
            return proposals.accept(uow, proposal_id)

    def decline_proposal(self, proposal_id: int, reason: str) -> Proposal:
        with self._db.write() as uow:
            return proposals.decline(uow, proposal_id, reason)

    # --- confirmations ----------------------------------------------------------------

    def confirm_by_assistant(self, assistant_id: int, period_start: date, seen_hash: str, *, channel: str = "table",
                             event_id: str | uuid.UUID | None = None, today: date | None = None,
                             uow: UnitOfWork | None = None) -> Confirmation:
        """The assistant confirms the month they saw (``seen_hash``: its view_hash).

        StaleViewError when the month has changed since; the same ``event_id`` twice is one
        confirmation. The days that are over are confirmed as by the Confirm button (the plan is
        settled, the status moves on) when there is something new to confirm."""
        if channel not in ("table", "link"):
            raise ValidationError({"channel": message("participants.approval_channel")})
        event = proposals.normal_event_id(event_id) if event_id is not None else None
        today = today or date.today()
        with self._writing(uow) as uow:
            if event is not None and (existing := pr.confirmation_by_event(uow.session, event)) is not None:
                return confirmation_of(existing)
            actor = proposals.assistant_actor(uow, assistant_id)
            ref = actor.partition(":")[2]
            if protocol_v2.view_hash(views.month_view(uow, assistant_id, period_start, ref)) != seen_hash:
                raise StaleViewError()
            row = get_or_create_row(uow, assistant_id, period_start)
            assistant = uow.get(AssistantRow, assistant_id)
            period = period_of(uow, assistant.arrangement_id, row.period_start)
            if is_confirmable(row.status) and can_confirm(row.status, period, today, row.confirmed_through):
                confirm_row(uow, latest_for_write(uow, row.id), today, paper=False)
            confirmation = pr.add_confirmation(uow.session, row, actor="assistant", channel=channel,
                                               content_hash=seen_hash, event_id=event, at=repo.utc_now())
            uow.audit("confirm_by_assistant", "timesheet", row.id, assistant.arrangement_id,
                      f"version={row.version} channel={channel}", actor=actor)
            return confirmation_of(confirmation)

    def confirmation(self, timesheet_id: int) -> Confirmation | None:
        """The newest confirmation of this timesheet version (at the table, by link, or on paper)."""
        with self._db.read() as uow:
            found(uow.get(TimesheetRow, timesheet_id), Message("entity_timesheet"), timesheet_id)
            rows = pr.confirmations(uow.session, timesheet_id)
            return confirmation_of(rows[0]) if rows else None

    # --- approvals of a rota version ----------------------------------------------------

    def record_approval(self, rota_id: int, *, role: ApprovalRole | str, who: str, channel: str,
                        approved: bool = True, comment: str = "", content_hash: str | None = None,
                        event_id: str | uuid.UUID | None = None, assistant_id: int | None = None,
                        uow: UnitOfWork | None = None) -> Approval:
        """An approval (or, ``approved=False``, a comment asking for changes) of one rota
        version, as a row of its own; the same ``event_id`` twice is one approval."""
        errors: dict[str, str] = {}
        try:
            role = ApprovalRole(role)
        except ValueError:
            errors["role"] = message("approval_role")
        if channel not in APPROVAL_CHANNELS:
            errors["channel"] = message("participants.approval_channel")
        if role is ApprovalRole.ASSISTANT and assistant_id is None:
            errors["assistant_id"] = message("approval_assistant_required")
        if role is not ApprovalRole.ASSISTANT and not (who or "").strip():
            errors["who"] = message("required")
        if errors:
            raise ValidationError(errors)
        event = proposals.normal_event_id(event_id) if event_id is not None else None
        with self._writing(uow) as uow:
            if event is not None and (existing := pr.approval_by_event(uow.session, event)) is not None:
                return approval_of(existing)
            rota = found(uow.get(RotaRow, rota_id), Message("entity_rota"), rota_id)
            actor = None if channel == "paper" else role.value
            if role is ApprovalRole.ASSISTANT:
                refuse_foreign_assistants(uow, rota.arrangement_id, [assistant_id], "assistant_id")
                assistant = uow.get(AssistantRow, assistant_id)
                who = (who or "").strip() or views.name_of(uow, assistant)
                if channel != "paper":
                    actor = proposals.assistant_actor(uow, assistant_id)
            else:
                assistant_id = None
            now = repo.utc_now()
            day = cal.to_local(now).date()
            row = uow.add(RotaApprovalRow(
                rota_id=rota.id, role=role.value, who=who.strip()[:100], assistant_id=assistant_id, seen_on=day,
                approved_on=day if approved else None, created_at=now, channel=channel, approved=bool(approved),
                comment=(comment or "").strip(), approved_at=now, event_id=event, content_hash=content_hash,
            ))
            uow.audit("approve" if approved else "comment", "rota_approval", row.id, rota.arrangement_id,
                      f"rota={rota.id} role={role.value} channel={channel}", actor=actor)
            return approval_of(row)

    def approvals(self, rota_id: int) -> list[Approval]:
        """Employer, union representative, municipality, then assistants; oldest first in each."""
        with self._db.read() as uow:
            found(uow.get(RotaRow, rota_id), Message("entity_rota"), rota_id)
            return [approval_of(r) for r in rr.approval_rows(uow.session, rota_id)]

