"""Content that has no absences hashes exactly as before sick pay and covers were added: the
hashes below were computed on the code before those changes (a regression guard for the
canonical form, not a value the code computes for itself)."""

from __future__ import annotations

from datetime import date, datetime

from bpa_desktop.core.calendar import OSLO
from bpa_desktop.core.model import Interval, Shift, ShiftKind
from bpa_desktop.core.pay import load_profile
from bpa_desktop.core.pay_period import PayPeriod
from bpa_desktop.core.timesheet import NotWorked, WorkedRecord, build_rows, settled_rows
from bpa_desktop.core.timesheet_content import canonical_json, content_document, content_hash
from bpa_desktop.core.timesheet_pay import rows_pay

PERIOD = PayPeriod(date(2026, 12, 1), date(2026, 12, 31))


def _at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 12, day, hour, minute, tzinfo=OSLO)


def _document() -> dict:
    planned = [
        Shift("7", _at(1, 8), _at(1, 15, 30), id="p1", code="D"),
        Shift("7", _at(5, 22), _at(6, 8), (Interval(_at(5, 23), _at(6, 7)),), id="p2", code="N"),
        Shift("7", _at(24, 8), _at(24, 20), id="p3", code="L"),  # Christmas Eve: the noon eve
        Shift("7", _at(31, 15), _at(31, 22, 30), id="p4", code="A"),
        Shift("7", _at(14, 8), _at(14, 15, 30), id="p5", code="D"),
    ]
    worked = [
        WorkedRecord(Shift("7", _at(1, 8), _at(1, 16), id="w1", code="D"), "Ventet på avløser", planned[0]),
        WorkedRecord(Shift("7", _at(9, 8), _at(9, 23), id="w2", kind=ShiftKind.EXTRA), "Ekstravakt"),
    ]
    not_worked = [NotWorked(planned[4], "Avlyst: mottaker på sykehus")]
    rows = build_rows(PERIOD, planned, worked, not_worked, [], settled_plan_ids={"p1", "p5"})
    pay = rows_pay(rows, load_profile("ks"), {"ordinary": 245.0}, agreement="aml")
    return content_document(7, PERIOD, settled_rows(rows), [], pay.lines, profile_name="ks",
                            overtime=pay.overtime)


def test_content_without_absences_hashes_as_before():
    document = _document()
    assert document.get("overtime"), "the sample has overtime, so that part is covered too"
    assert content_hash(canonical_json(document)) == GOLDEN


GOLDEN = "c8e6b7a4d6ed36cd2197dfb1b412b730e0d4eb7a521ed7687f32f79c93e6c4dd"
