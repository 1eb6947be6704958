"""bpa-shifts/1 parsing: the contract example (docs/architecture.md), and one clear error per unreadable input."""

import copy

import pytest

from bpa_desktop.core.model import Agreement
from bpa_desktop.core.shiftfile import ShiftFileError, loads, parse, schema

EXAMPLE = {
    "format": "bpa-shifts/1",
    "timezone": "Europe/Oslo",
    "agreement": "ks",
    "assistants": [{"id": "a1", "name": "Kari", "employment_percent": 60}],
    "vedtak": {"hours_per_week": 40, "from": "2026-01-01", "to": "2026-12-31"},
    "shifts": [
        {"assistant": "a1", "start": "2026-03-28T22:00", "end": "2026-03-29T08:00",
         "passive": [{"start": "2026-03-29T00:00", "end": "2026-03-29T06:00"}]}
    ],
}


def test_design_example():
    shift_file = parse(EXAMPLE)
    assert shift_file.agreement == Agreement.TARIFF and shift_file.agreement_name == "ks"
    assert shift_file.names == {"a1": "Kari"} and shift_file.employment_percent == {"a1": 60}
    [shift] = shift_file.shifts
    assert shift.hours == 9.0 and shift.passive[0].hours == 5.0
    assert shift_file.vedtak[0].hours_per_week == 40


def test_minimal_file_defaults_to_aml():
    shift_file = parse({"format": "bpa-shifts/1",
                        "shifts": [{"assistant": "x", "start": "2026-01-05T08:00", "end": "2026-01-05T16:00"}]})
    assert shift_file.agreement == Agreement.AML and shift_file.vedtak == ()


def test_schema_ships_with_the_package():
    assert schema()["title"] == "bpa-shifts/1"


def with_shift(**changes):
    data = copy.deepcopy(EXAMPLE)
    data["shifts"].insert(0, {"assistant": "a1", "start": "2026-03-02T08:00", "end": "2026-03-02T16:00"})
    data["shifts"][1].update(changes)
    return data


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (with_shift(assistant="zz"), "assistenten «zz» finnes ikke"),
        (with_shift(start="2026-03-29T09:00"), "ikke etter starten"),
        (with_shift(end="2026-03-29T02:30"), "finnes ikke i Europe/Oslo"),
        (with_shift(end="2026-04-06T08:00"), "høyst 7 døgn"),
        (with_shift(start="28.03.2026 22:00"), "ikke et gyldig tidspunkt"),
        (with_shift(passive=[{"start": "2026-03-29T07:00", "end": "2026-03-29T09:00"}]), "inne i vakten"),
    ],
)
def test_errors_name_the_shift_and_why(data, expected):
    with pytest.raises(ShiftFileError) as error:
        parse(data)
    message = str(error.value)
    assert "vakt nr. 2 (shifts[1]" in message and expected in message
    assert "\n" not in message


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ({**EXAMPLE, "format": "bpa-shifts/2"}, "bpa-shifts/1"),
        ({**EXAMPLE, "agreement": "fagforening"}, "ukjent avtale"),
        ({**EXAMPLE, "timezone": "Mars/Olympus"}, "ukjent tidssone"),
        ({k: v for k, v in EXAMPLE.items() if k != "shifts"}, "mangler «shifts»"),
        ([1, 2], "JSON-objekt"),
    ],
)
def test_file_level_errors(data, expected):
    with pytest.raises(ShiftFileError, match=expected):
        parse(data)


def test_missing_field_in_a_shift():
    data = copy.deepcopy(EXAMPLE)
    del data["shifts"][0]["end"]
    with pytest.raises(ShiftFileError, match=r"vakt nr\. 1 \(shifts\[0\], assistent «a1»\): mangler «end»"):
        parse(data)


def test_not_json():
    with pytest.raises(ShiftFileError, match="ikke gyldig JSON"):
        loads("{not json")
