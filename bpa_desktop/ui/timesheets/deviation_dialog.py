"""Registrer avvik: a deviation from the plan in one assistant's timesheet, always with a reason.

Kinds: absence (egenmelding, sykmelding incl. graded, ferie, permisjon, sykt barn), "sick, a
vikar covers" (the absence and the vikar's covers in one transaction), changed times, extra
shift, overtime, substitute cover, swap, passive time that became active, and a planned shift
not worked. The form shows only the fields the chosen kind needs and gives a
``core.deviations`` value; ``ws.timesheets.register_deviation`` stores it in one transaction
(a substitute covering is the same rota change as in Turnus), through ``ws.undoable`` so the
window's Undo can take it back (`undo_text` says what). The Workspace's messages land next to the
field they concern.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from PySide6.QtCore import QCoreApplication, QTime
from PySide6.QtWidgets import QComboBox, QLineEdit, QSpinBox, QWidget

from bpa_desktop.core import deviations as dev
from bpa_desktop.core.model import Absence, AbsenceKind, Assistant, AssistantKind, ShiftKind
from bpa_desktop.core.timesheet import RowStatus, TimesheetDayRow, TimesheetDetail
from bpa_desktop.i18n import message
from bpa_desktop.ui.dialogs.form_dialog import FormDialog
from bpa_desktop.ui.formatting import format_date, format_day, from_qdate, to_qdate
from bpa_desktop.ui.timesheets.labels import absence_kind_labels, absence_short
from bpa_desktop.ui.timesheets.rows import span_text
from bpa_desktop.ui.timesheets.times import after, hhmm, make_time_edit, on_day, set_time
from bpa_desktop.ui.widgets.date_field import make_date_edit
from bpa_desktop.ui.widgets.form import ValidatedForm

ABSENCE, CHANGED, EXTRA, OVERTIME = "absence", "changed_times", "extra", "overtime"
SUBSTITUTE, SWAP, PASSIVE_ACTIVE, NOT_WORKED = "substitute", "swap", "passive_active", "not_worked"
SICK_COVER = "sick_cover"
SICK_KINDS = (AbsenceKind.SELF_CERTIFIED, AbsenceKind.SICK_NOTE)

# which fields each kind needs (the reason is always asked for)
FIELDS = {
    ABSENCE: ("absence_kind", "absence_start", "absence_end", "percent"),
    SICK_COVER: ("absence_kind", "absence_start", "absence_end", "assistant"),
    CHANGED: ("shift", "start", "end"),
    EXTRA: ("day", "start", "end"),
    OVERTIME: ("day", "start", "end"),
    SUBSTITUTE: ("shift", "assistant"),
    SWAP: ("shift", "assistant"),
    PASSIVE_ACTIVE: ("shift", "start", "end"),
    NOT_WORKED: ("shift",),
}
OPTIONAL_FIELDS = sorted({f for fields in FIELDS.values() for f in fields})


def shift_choices(kind: str, rows: tuple[TimesheetDayRow, ...]) -> list[TimesheetDayRow]:
    """The rows a kind can act on."""
    if kind == CHANGED:
        return [r for r in rows if r.counted and r.shift is not None]
    if kind == PASSIVE_ACTIVE:
        return [r for r in rows if r.counted and r.shift is not None and r.shift.passive]
    if kind == SUBSTITUTE:  # a shift not registered yet, also on a day of absence: that is why a vikar comes
        return [r for r in rows if r.status in (RowStatus.PLANNED, RowStatus.ABSENT) and r.planned is not None]
    if kind in (SWAP, NOT_WORKED):
        return [r for r in rows if r.status is RowStatus.PLANNED and r.planned is not None]
    return []


@dataclass(frozen=True)
class DeviationRequest:
    kind: str
    reason: str
    row: TimesheetDayRow | None = None
    start: datetime | None = None
    end: datetime | None = None
    other_assistant: int | None = None
    absence: Absence | None = None


def to_deviation(request: DeviationRequest, assistant_id: int) -> dev.Deviation:
    """The form's request as the core value ``ws.timesheets.register_deviation`` stores."""
    kind, reason, row = request.kind, request.reason, request.row
    if kind == ABSENCE:
        return dev.Absent(request.absence)
    if kind == SICK_COVER:
        return dev.SickCovered(request.absence, request.other_assistant, reason)
    if kind == CHANGED:
        return dev.ChangedTimes(row.shift, request.start, request.end, reason)
    if kind in (EXTRA, OVERTIME):
        return dev.ExtraWork(assistant_id, request.start, request.end, reason, ShiftKind(kind))
    if kind == SUBSTITUTE:
        return dev.SubstituteCovers(row.planned, request.other_assistant, reason)
    if kind == SWAP:
        return dev.TakenOver(row.planned, request.other_assistant, reason)
    if kind == PASSIVE_ACTIVE:
        return dev.PassiveBecameActive(row.shift, request.start, request.end, reason)
    if kind == NOT_WORKED:
        return dev.NotWorked(row.planned, reason)
    raise ValueError(kind)


def substitutes_first(others: list[Assistant], day: date | None) -> list[Assistant]:
    """Vikarer and tilkallingsvikarer first (the usual cover), then the others; those not
    employed on ``day`` left out."""
    usable = [a for a in others if day is None or a.active_on(day)]
    return sorted(usable, key=lambda a: a.kind not in (AssistantKind.SUBSTITUTE, AssistantKind.ON_CALL))


def undo_text(request: DeviationRequest, assistant: Assistant, others: list[Assistant]) -> str:
    """What Undo will say it takes back: "Kari egenmelding 03.11", "Vera covers for Kari 05.11"."""
    translate = QCoreApplication.translate
    name = assistant.name
    other = next((o.name for o in others if o.id == request.other_assistant), "")
    if request.kind == ABSENCE:
        absence = request.absence
        days = format_day(absence.start) + ("" if absence.end == absence.start else "–" + format_day(absence.end))
        label = absence_short(absence.kind).lower()
        return translate("DeviationDialog", "%1: %2 %3").replace("%1", name).replace("%2", label).replace("%3", days)
    if request.kind == SICK_COVER:
        absence = request.absence
        days = format_day(absence.start) + ("" if absence.end == absence.start else "–" + format_day(absence.end))
        return message("ui_undo_sick_cover", name=name, other=other, days=days)
    day = format_day(request.row.day if request.row is not None else request.start.date())
    template = {
        CHANGED: translate("DeviationDialog", "New times for %1 %2"),
        EXTRA: translate("DeviationDialog", "Extra shift for %1 %2"),
        OVERTIME: translate("DeviationDialog", "Overtime for %1 %2"),
        SUBSTITUTE: translate("DeviationDialog", "%3 covers for %1 %2"),
        SWAP: translate("DeviationDialog", "%3 takes %1's shift %2"),
        PASSIVE_ACTIVE: translate("DeviationDialog", "Passive time became active for %1 %2"),
        NOT_WORKED: translate("DeviationDialog", "%1's shift %2 not worked"),
    }[request.kind]
    return template.replace("%1", name).replace("%2", day).replace("%3", other)


class DeviationForm(ValidatedForm):
    def __init__(self, detail: TimesheetDetail, assistant: Assistant, others: list[Assistant],
                 parent: QWidget | None = None, *, kind: str | None = None, day: date | None = None) -> None:
        super().__init__(parent)
        self.detail = detail
        self.assistant = assistant
        self.opened_on = day  # the day row the dialog was opened from, if any
        self.kind = QComboBox()
        for key, text in self.kind_labels().items():
            self.kind.addItem(text, key)
        self.add_field("kind", self.tr("&Kind of deviation"), self.kind)
        self.shift = self.add_field("shift", self.tr("&Shift"), QComboBox(),
                                    self.tr("The shift in this timesheet the deviation concerns"))
        self.absence_kind = QComboBox()
        for member, text in absence_kind_labels().items():
            self.absence_kind.addItem(text, member.value)
        self.add_field("absence_kind", self.tr("&Absence"), self.absence_kind)
        period_start = day or max(detail.period.start, min(date.today(), detail.period.end))
        self.absence_start = self.add_field("absence_start", self.tr("&From"), make_date_edit(period_start))
        self.absence_end = self.add_field("absence_end", self.tr("&To (inclusive)"), make_date_edit(period_start))
        self.percent = QSpinBox()
        self.percent.setRange(1, 100)
        self.percent.setValue(100)
        self.percent.setSuffix(" %")
        self.add_field("percent", self.tr("&Degree"), self.percent,
                       self.tr("Graded sick leave: the share of working time the assistant is away"))
        self.day = self.add_field("day", self.tr("Da&y"), make_date_edit(period_start))
        self.start = self.add_field("start", self.tr("S&tart"), make_time_edit())
        self.end = self.add_field("end", self.tr("&End"), make_time_edit(),
                                  self.tr("An end before the start means the next day"))
        self.other = QComboBox()
        for other in substitutes_first(others, day):
            self.other.addItem(other.name, other.id)
        self.add_field("assistant", self.tr("&Who worked it"), self.other)
        self.reason = self.add_field("reason", self.tr("Reas&on"), QLineEdit(),
                                     self.tr("Why it differs from the plan; kept with the timesheet"))
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self.shift.currentIndexChanged.connect(self._shift_changed)
        if kind is not None:
            self.choose_kind(kind)
        self._kind_changed()

    def kind_labels(self) -> dict[str, str]:
        return {
            ABSENCE: self.tr("Absence (sick leave, holiday, leave, child's illness)"),
            SICK_COVER: message("ui_sick_cover_kind"),
            CHANGED: self.tr("Changed times"),
            EXTRA: self.tr("Extra shift"),
            OVERTIME: self.tr("Overtime"),
            SUBSTITUTE: self.tr("Substitute cover: a substitute worked the shift"),
            SWAP: self.tr("Swap: another assistant took the shift"),
            PASSIVE_ACTIVE: self.tr("Passive time became active"),
            NOT_WORKED: self.tr("Not worked (cancelled)"),
        }

    @property
    def current_kind(self) -> str:
        return self.kind.currentData()

    def choose_kind(self, kind: str) -> None:
        self.kind.setCurrentIndex(self.kind.findData(kind))

    def choose_day(self, day: date) -> None:
        """Pick the first shift of ``day`` among the kind's choices (the row the user was on)."""
        for index in range(self.shift.count()):
            if self.shift.itemData(index).day == day:
                self.shift.setCurrentIndex(index)
                return

    def _set_visible(self, key: str, visible: bool) -> None:
        cell = self._fields[key].widget.parentWidget()
        self.layout_.setRowVisible(cell, visible)

    def _kind_changed(self) -> None:
        kind = self.current_kind
        for key in OPTIONAL_FIELDS:
            self._set_visible(key, key in FIELDS[kind])
        if kind == SICK_COVER:
            if AbsenceKind(self.absence_kind.currentData()) not in SICK_KINDS:
                self.absence_kind.setCurrentIndex(self.absence_kind.findData(SICK_KINDS[0].value))
            if not self.reason.text().strip():
                self.reason.setText(message("ui_sick_cover_reason"))
        self.clear_errors()
        self.shift.blockSignals(True)
        self.shift.clear()
        for row in shift_choices(kind, self.detail.rows):
            self.shift.addItem(f"{format_date(row.day)} {span_text(row.shift or row.planned)}", row)
        if self.opened_on is not None:
            self.choose_day(self.opened_on)
        self.shift.blockSignals(False)
        self._shift_changed()
        if kind in (EXTRA, OVERTIME):
            self.start.setTime(QTime(8, 0))
            self.end.setTime(QTime(16, 0))

    def _shift_changed(self) -> None:
        row: TimesheetDayRow | None = self.shift.currentData()
        if row is None:
            return
        shift = row.shift or row.planned
        if self.current_kind == PASSIVE_ACTIVE and shift.passive:
            set_time(self.start, shift.passive[0].start)
            set_time(self.end, shift.passive[0].end)
        else:
            set_time(self.start, shift.start)
            set_time(self.end, shift.end)
        self.day.setDate(to_qdate(row.day))

    def show_errors(self, errors: dict[str, str], general: str | None = None) -> None:
        if self.current_kind == ABSENCE:  # the Workspace names an absence's dates start/end
            errors = {{"start": "absence_start", "end": "absence_end"}.get(k, k): v for k, v in errors.items()}
        if self.current_kind == SICK_COVER:  # "start": the vikar already works then
            errors = {{"start": "assistant", "end": "absence_end", "other_assistant_id": "assistant"}.get(k, k): v
                      for k, v in errors.items()}
        if self.current_kind == PASSIVE_ACTIVE and "passive" in errors:
            errors = {("start" if k == "passive" else k): v for k, v in errors.items()}
        super().show_errors(errors, general)

    def value(self) -> DeviationRequest:
        """The request; ValueError (a Norwegian message) for a time the clock skips."""
        kind, reason = self.current_kind, self.reason.text().strip()
        row: TimesheetDayRow | None = self.shift.currentData() if "shift" in FIELDS[kind] else None
        if kind in (ABSENCE, SICK_COVER):
            absence = Absence(None, self.assistant.id, AbsenceKind(self.absence_kind.currentData()),
                              from_qdate(self.absence_start.date()), from_qdate(self.absence_end.date()),
                              self.percent.value() if kind == ABSENCE else 100, "" if kind == SICK_COVER else reason)
            other = self.other.currentData() if kind == SICK_COVER else None
            return DeviationRequest(kind, reason, absence=absence, other_assistant=other)
        start = end = None
        if kind in (EXTRA, OVERTIME):
            start = on_day(from_qdate(self.day.date()), hhmm(self.start))
            end = after(start, hhmm(self.end))
        elif kind == CHANGED and row is not None:
            start = on_day(row.day, hhmm(self.start))
            end = after(start, hhmm(self.end))
        elif kind == PASSIVE_ACTIVE and row is not None:
            start = after(row.shift.start, hhmm(self.start), inclusive=True)
            end = after(start, hhmm(self.end))
        other = self.other.currentData() if kind in (SUBSTITUTE, SWAP) else None
        return DeviationRequest(kind, reason, row, start, end, other)

    def check(self, request: DeviationRequest) -> dict[str, str]:
        """What can be said without the database."""
        errors: dict[str, str] = {}
        if "shift" in FIELDS[request.kind] and request.row is None:
            errors["shift"] = self.tr("This timesheet has no shift this can apply to.")
        if request.kind in (SUBSTITUTE, SWAP, SICK_COVER) and request.other_assistant is None:
            errors["assistant"] = self.tr("Choose who worked the shift.")
        if not request.reason:
            errors["reason"] = self.tr("Say why: the reason is kept with the timesheet.")
        return errors


class DeviationDialog(FormDialog):
    """`writer` runs the save as a write operation (ui/operations: `OpRunner`); the request
    goes to `ws.undoable.register_deviation`, whose receipt the undo history keeps."""

    def __init__(self, ws, arrangement_id: int, detail: TimesheetDetail, assistant: Assistant,
                 others: list[Assistant], writer, parent: QWidget | None = None, *, kind: str | None = None,
                 day: date | None = None) -> None:
        form = DeviationForm(detail, assistant, others, kind=kind, day=day)
        title = QCoreApplication.translate("DeviationDialog", "Register a deviation – %1").replace(
            "%1", assistant.name)
        super().__init__(title, form,
                         lambda request: ws.undoable.register_deviation(arrangement_id,
                                                                        to_deviation(request, assistant.id)),
                         writer, parent, check=form.check)
        self.save_button.setText(self.tr("&Register"))
        self.save_button.setAccessibleName(self.tr("Register"))
