"""A rota out of and into the database: bpa-shifts/1 JSON (round trip, refusals that change
nothing), the iCalendar file read by a second parser, and the PDF footer."""

from __future__ import annotations

import hashlib
import json
import math
import shutil
from datetime import date, timedelta, timezone

import pdfplumber
import pytest
import vobject

from bpa_desktop import cli
from bpa_desktop.core.shift_document import RotaFileError, json_bytes
from bpa_desktop.core import calendar as cal
from bpa_desktop.core import shiftfile
from bpa_desktop.core.model import Shift
from bpa_desktop.workspace import Workspace
from tests.rota import rota_sample
from tests.rota.rota_sample import END, START


def export(setup, **options) -> bytes:
    document = setup.ws.exports.shift_document(setup.arrangement_id, START, END, **options)
    return json_bytes(document)


def plan_with_changes(setup):
    """The sample rota with a swap, a cancel, an extra and a shift moved into the second
    pass of the autumn repeat hour (02:30 +01:00 on 25 October)."""
    ws, aid, ids = setup.ws, setup.arrangement_id, setup.ids
    setup.save()
    planned = setup.planned(date(2026, 10, 19), date(2026, 10, 20))
    day_shifts = [s for s in planned if s.code == "D"]
    ws.rota.change_planned_shift(aid, day_shifts[0].id, kind="swap", other_shift_id=day_shifts[1].id, reason="Bytte")
    evening = [s for s in planned if s.code == "A"][0]
    ws.rota.change_planned_shift(aid, evening.id, kind="cancel", reason="Avlyst")
    ws.rota.add_extra_planned_shift(
        aid,
        Shift(str(ids["104"]), cal.local_instant(date(2026, 10, 21), "10:00"),
              cal.local_instant(date(2026, 10, 21), "13:30"), code="D"),
        "Ekstra",
    )
    night = [s for s in setup.planned(date(2026, 10, 24), date(2026, 10, 24)) if s.code == "N"][0]
    repeat = cal.local_instant(date(2026, 10, 25), "02:00").astimezone(timezone.utc) + timedelta(minutes=90)
    ws.rota.change_planned_shift(aid, night.id, kind="change_times", start=night.start, end=repeat, reason="Kortere")


def test_export_is_a_valid_shift_file_with_employee_numbers(setup):
    plan_with_changes(setup)
    data = export(setup)
    document = json.loads(data)
    parsed = shiftfile.parse(document)
    assert {a.id for a in parsed.assistants} == {"101", "102", "103", "104"}
    assert {a.name for a in parsed.assistants} == {"Kari", "Per", "Ola", "Vera"}  # first names
    assert document["agreement"] == "tariff" and document["period"] == {"from": "2026-10-12", "to": "2026-11-08"}
    assert document["rota"] == {"name": "Høstturnus", "version": 1}
    assert len(parsed.shifts) == len(setup.planned())
    by_kind = {s["kind"] for s in document["shifts"]}
    assert {"planned", "swap", "extra"} <= by_kind
    (moved,) = [s for s in document["shifts"] if s["end"].endswith("+01:00")]
    assert moved["end"] == "2026-10-25T02:30+01:00"
    assert [s.hours for s in parsed.shifts if s.id == moved["id"]] == [4.5]  # 23:00 -> 02:30 second pass
    names = json.loads(export(setup, names="none"))["assistants"]
    assert all("name" not in a for a in names)
    assert "Kari Nordmann" in export(setup, names="full").decode()
    only = json.loads(export(setup, assistant_id=setup.ids["103"]))
    assert {s["assistant"] for s in only["shifts"]} == {"103"} and len(only["assistants"]) == 1


def test_export_import_export_gives_the_same_file(setup, workspace, tmp_path):
    plan_with_changes(setup)
    first = export(setup)
    ids_before = {s.id for s in setup.planned()}
    result = setup.ws.rota.import_shift_file(setup.arrangement_id, first.decode())
    assert (result.kept, result.inserted, result.deleted) == (len(ids_before), 0, 0)
    assert export(setup) == first
    assert {s.id for s in setup.planned()} == ids_before

    # Into another database whose assistants have other ids but the same employee numbers.
    with Workspace.open(tmp_path / "other.sqlite") as other_ws:
        rota_sample.make_setup(other_ws)  # takes the first ids
        other = rota_sample.make_setup(other_ws)
        assert other.ids["101"] != setup.ids["101"]
        other_ws.rota.import_shift_file(other.arrangement_id, first.decode())
        again = json.loads(json_bytes(
            other_ws.exports.shift_document(other.arrangement_id, START, END)
        ))
    expected = json.loads(first)
    expected.pop("rota")  # the other database has no saved rota version
    assert again == expected


BAD_FILES = {
    "not json": ("{", "ikke gyldig JSON"),
    "wrong format": ({"format": "bpa-shifts/2", "shifts": []}, "bpa-shifts/1"),
    "unknown assistant": (
        {"format": "bpa-shifts/1", "shifts": [{"assistant": "999", "start": "2026-10-20T08:00", "end": "2026-10-20T16:00"}]},
        "«999» finnes ikke",
    ),
    "unknown code": (
        {"format": "bpa-shifts/1", "shifts": [{"assistant": "101", "start": "2026-10-20T08:00", "end": "2026-10-20T16:00", "code": "Q"}]},
        "ukjent vaktkode «Q»",
    ),
    "spring gap": (
        {"format": "bpa-shifts/1", "shifts": [{"assistant": "101", "start": "2026-03-29T02:30", "end": "2026-03-29T08:00"}]},
        "finnes ikke i Europe/Oslo",
    ),
    "end before start": (
        {"format": "bpa-shifts/1", "shifts": [{"assistant": "101", "start": "2026-10-20T16:00", "end": "2026-10-20T08:00"}]},
        "er ikke etter starten",
    ),
    "outside period": (
        {"format": "bpa-shifts/1", "period": {"from": "2026-10-12", "to": "2026-10-18"},
         "shifts": [{"assistant": "101", "start": "2026-10-20T08:00", "end": "2026-10-20T16:00"}]},
        "utenfor perioden",
    ),
    "second file half valid": (
        {"format": "bpa-shifts/1", "shifts": [
            {"assistant": "101", "start": "2026-10-20T08:00", "end": "2026-10-20T16:00"},
            {"assistant": "102", "start": "2026-10-21T08:00"},
        ]},
        "mangler «end»",
    ),
}


def file_digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("case", sorted(BAD_FILES))
def test_a_bad_file_changes_nothing_and_says_why(case, empty_database, tmp_path, capsys):
    db = tmp_path / "bpa.sqlite"
    shutil.copyfile(empty_database, db)
    with Workspace.open(db) as ws:
        setup = rota_sample.make_setup(ws)
        setup.save()
        planned = setup.planned()
    assert not db.with_name(db.name + "-wal").exists()  # all written into the file itself
    before = file_digest(db)
    content, reason = BAD_FILES[case]
    source = tmp_path / "turnus.json"
    source.write_text(content if isinstance(content, str) else json.dumps(content), encoding="utf-8")
    assert cli.main(["import", "rota", "--db", str(db), str(source)]) == 2
    err = capsys.readouterr().err
    assert reason in err and "ingenting er endret" in err and len(err.strip().splitlines()) == 1
    assert file_digest(db) == before
    with Workspace.open(db) as ws:
        assert ws.rota.list_planned_shifts(setup.arrangement_id, START, END) == planned


def test_import_into_an_attested_period_is_refused(setup):
    plan_with_changes(setup)
    ws, ids = setup.ws, setup.ids
    document = json.loads(export(setup))
    timesheet = ws.timesheets.get_or_create_timesheet(ids["102"], date(2026, 10, 1))
    ws.timesheets.attest_timesheet(timesheet.id, today=date(2026, 11, 2), unconfirmed_reason="på papir")
    plan = setup.planned()
    for shift in document["shifts"]:
        if shift["assistant"] == "102" and shift["start"].startswith("2026-10-13"):
            shift["start"], shift["end"] = shift["start"][:11] + "09:00", shift["end"][:11] + "17:00"
    with pytest.raises(RotaFileError) as error:
        ws.rota.import_shift_file(setup.arrangement_id, json.dumps(document))
    assert "attestert" in str(error.value) and "ingenting er endret" in str(error.value)
    assert setup.planned() == plan


def test_ical_per_assistant_reads_back_with_vobject(setup):
    plan_with_changes(setup)
    ola = setup.ids["103"]
    data = setup.ws.exports.rota_ics(setup.arrangement_id, ola, START, END)
    calendar = vobject.readOne(data.decode("utf-8"))
    events = calendar.vevent_list
    own = [s for s in setup.planned() if s.assistant == str(ola)]
    assert len(events) == len(own) > 0
    read = sorted((e.dtstart.value.astimezone(timezone.utc), e.dtend.value.astimezone(timezone.utc)) for e in events)
    assert read == sorted((s.start.astimezone(timezone.utc), s.end.astimezone(timezone.utc)) for s in own)
    assert {e.uid.value for e in events} == {f"{s.id}@bpa-desktop" for s in own}
    (moved,) = [e for e in events if e.dtstart.value.date() == date(2026, 10, 24)]
    assert (moved.dtend.value - moved.dtstart.value) == timedelta(hours=4.5)  # ends in the repeat hour
    text = data.decode("utf-8")
    assert "Kari" not in text and "Nordmann" not in text and "Testordning" not in text


def test_rota_pdf_has_version_and_date_in_the_footer(setup, tmp_path):
    setup.save()
    setup.save()  # version 2
    path = tmp_path / "turnus.pdf"
    setup.ws.exports.rota_pdf(setup.arrangement_id, START, END, path, printed=date(2026, 10, 1))
    with pdfplumber.open(path) as pdf:
        assert len(pdf.pages) == math.ceil(((END - START).days + 1) / 28)
        page = pdf.pages[0]
        assert page.width > page.height  # landscape
        text = page.extract_text()
    assert "versjon 2" in text and "01.10.2026" in text
    assert "Kari Nordmann" in text and "Dagvakt" in text  # rows and the legend of codes


def test_cli_exports_every_format(setup, tmp_path, capsys):
    plan_with_changes(setup)
    db = str(setup.ws.path)
    for fmt_name in ("json", "pdf"):
        out = tmp_path / f"turnus.{fmt_name}"
        assert cli.main(["export", "rota", "--db", db, "--format", fmt_name, "--out", str(out)]) == 0
        summary = json.loads(capsys.readouterr().out)
        assert summary["period"] == [START.isoformat(), END.isoformat()]
        assert summary["shifts"] == len(setup.planned())
    assert json.loads((tmp_path / "turnus.json").read_bytes()) == json.loads(export(setup))
    out = tmp_path / "ola.ics"
    argv = ["export", "rota", "--db", db, "--format", "ics", "--assistant", "103", "--out", str(out),
            "--from", "2026-10-19", "--to", "2026-10-25"]
    assert cli.main(argv) == 0
    assert json.loads(capsys.readouterr().out)["shifts"] == len(vobject.readOne(out.read_text()).vevent_list)
    assert cli.main(["export", "rota", "--db", db, "--format", "ics", "--out", str(out)]) == 2
    assert "--assistant" in capsys.readouterr().err
