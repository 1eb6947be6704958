"""The demo arrangement is realistic, current relative to "today", reproducible, and
consistent: no overlaps, enough rest, absent assistants covered by the vikar."""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from dataclasses import replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpa_desktop import cli, demo
from bpa_desktop.core import calendar as cal
from bpa_desktop.core.model import AbsenceKind, AssistantKind, ShiftKind
from bpa_desktop.core.rota import RotaPattern, apply_overrides, roll_out
from bpa_desktop.validation import org_no_is_valid

EVERYTHING = (date(2000, 1, 1), date(2100, 1, 1))


def rest_gaps_hours(shifts):
    """Hours between one shift's end and the same assistant's next start."""
    by_assistant = defaultdict(list)
    for s in shifts:
        by_assistant[s.assistant].append((s.start.timestamp(), s.end.timestamp()))
    gaps = []
    for spans in by_assistant.values():
        spans.sort()
        gaps += [(b_start - a_end) / 3600 for (_, a_end), (b_start, _) in zip(spans, spans[1:])]
    return gaps


def test_demo_arrangement_content(demo_workspace, demo_arrangement_id, demo_today):
    ws, arrangement_id = demo_workspace, demo_arrangement_id
    arrangement = ws.people.get_arrangement(arrangement_id)
    assert org_no_is_valid(arrangement.employer_org_no)
    current = ws.vedtak.current_vedtak(arrangement_id, demo_today)
    assert current.hours_per_week == 70 and current.valid_to > demo_today
    assert (current.valid_from, current.valid_to) == (date(demo_today.year, 1, 1), date(demo_today.year + 1, 12, 31))
    assert ws.vedtak.account_start(arrangement_id) is None  # the account counts from 1 January
    earlier = [v for v in ws.vedtak.list_vedtak(arrangement_id) if v != current]
    assert [v.hours_per_week for v in earlier] == [62]
    assert earlier[0].valid_to == current.valid_from - timedelta(days=1)

    assistants = ws.people.list_assistants(arrangement_id)
    permanent = [a for a in assistants if a.kind is AssistantKind.PERMANENT]
    substitutes = [a for a in assistants if a.kind is AssistantKind.SUBSTITUTE]
    assert len(permanent) == 4 and len(substitutes) == 1
    assert all(40 <= a.employment_percent <= 80 for a in permanent)
    assert len({a.employee_no for a in assistants}) == 5
    assert {t.code for t in ws.rota.list_shift_templates(arrangement_id)} == {"D", "A", "N"}


def test_demo_rota_covers_the_vedtak_every_week(demo_workspace, demo_arrangement_id, demo_today):
    vedtak = demo_workspace.vedtak.current_vedtak(demo_arrangement_id, demo_today)
    monday = cal.iso_monday(demo_today)
    planned = demo_workspace.rota.list_planned_shifts(
        demo_arrangement_id, monday, monday + timedelta(weeks=8) - timedelta(days=1)
    )
    # 70 h per week on average (the 8 weeks contain no DST change in May-July)
    assert sum(s.hours for s in planned) == pytest.approx(8 * vedtak.hours_per_week)
    last = demo_workspace.rota.list_planned_shifts(demo_arrangement_id, *EVERYTHING)[-1]
    assert last.start.date() <= vedtak.valid_to
    assert last.start.date() > vedtak.valid_to - timedelta(days=7)
    assert min(rest_gaps_hours(planned)) >= 11


def test_demo_worked_history(demo_workspace, demo_arrangement_id, demo_today):
    ws, arrangement_id = demo_workspace, demo_arrangement_id
    worked = ws.timesheets.list_worked_shifts(arrangement_id, *EVERYTHING)
    assert min(s.start.date() for s in worked) == date(demo_today.year, 1, 1)
    planned = ws.rota.list_planned_shifts(arrangement_id, *EVERYTHING)
    assert min(s.start.date() for s in planned) == date(demo_today.year, 1, 1)  # none last year
    assert max(s.start.date() for s in worked) < demo_today
    kinds = defaultdict(int)
    for s in worked:
        kinds[s.kind] += 1
    assert kinds[ShiftKind.SWAP] == 2 and kinds[ShiftKind.EXTRA] == 1
    assert kinds[ShiftKind.SUBSTITUTE] >= 2
    assert min(rest_gaps_hours(worked)) >= 11  # also: no overlaps

    absences = ws.timesheets.list_absences(arrangement_id, *EVERYTHING)
    assert {a.kind for a in absences} == {AbsenceKind.SICK_NOTE, AbsenceKind.SELF_CERTIFIED}
    substitute = next(
        a for a in ws.people.list_assistants(arrangement_id) if a.kind is AssistantKind.SUBSTITUTE
    )
    covering = set()
    for absence in absences:
        during = [s for s in worked if absence.start <= s.start.date() <= absence.end]
        assert all(s.assistant != str(absence.assistant_id) for s in during)
        covered = [s for s in during if s.kind is ShiftKind.SUBSTITUTE]
        assert covered
        covering |= {s.assistant for s in covered}
    # the vikar covers where she is free around the day (she has shifts of her own), a colleague else
    assert str(substitute.id) in covering


def _content(path, today):
    from bpa_desktop.workspace import Workspace

    with Workspace.open(path) as ws:
        (arrangement,) = ws.people.list_arrangements()
        i = arrangement.id
        return (
            ws.vedtak.list_vedtak(i), ws.people.list_assistants(i), ws.rota.list_shift_templates(i),
            ws.rota.list_planned_shifts(i, *EVERYTHING), ws.timesheets.list_worked_shifts(i, *EVERYTHING),
            ws.timesheets.list_absences(i, *EVERYTHING),
        )


def test_demo_is_reproducible(tmp_path, demo_workspace, demo_today):
    path = tmp_path / "again.sqlite"
    demo.build_demo(path, today=demo_today)
    assert _content(path, demo_today) == _content(demo_workspace.path, demo_today)


@settings(deadline=None, max_examples=40)
@given(today=st.dates(min_value=date(2024, 1, 1), max_value=date(2032, 12, 31)),
       lines=st.sampled_from([demo.rotated(p, w) for p in demo.PLANNED_ROTAS for w in range(4)]))
def test_demo_deviations_fit_any_today(today, lines):
    """Whatever today is (and whichever stored pattern and rotation it takes), the demo's
    sick days, swap and extra shift can be placed and leave every assistant at least 11
    hours of rest (checked without a database)."""
    ids = [1, 2, 3, 4, 5]
    templates = {t.code: t for t in demo.TEMPLATES}
    pattern = RotaPattern(4, {(str(a), w, d): c for (a, w, d), c in demo.rota_cells(ids, lines).items()})
    start = demo.history_start(today)
    planned = [
        replace(s, id=f"p{n}")
        for n, s in enumerate(roll_out(pattern, templates, start, today - timedelta(days=1), cal.iso_monday(start)))
    ]
    overrides, absences = demo.deviations(planned, templates, ids[:4], 5, today, demo.random.Random(1))
    worked = apply_overrides(planned, overrides)
    assert min(rest_gaps_hours(worked)) >= 11
    assert len(absences) == 2


@pytest.mark.parametrize("today, first", [
    (date(2026, 12, 31), date(2026, 1, 1)), (date(2026, 4, 9), date(2026, 1, 1)),
    (date(2026, 4, 8), date(2025, 1, 1)), (date(2026, 1, 10), date(2025, 1, 1)),
])
def test_the_history_starts_on_1_january(today, first):
    """This year's, or in the year's first 14 weeks last year's, so there are attested
    months and the sick period three months back to show."""
    assert demo.history_start(today) == first
    assert (today - first).days >= demo.MIN_HISTORY_DAYS


def test_bpa_demo_command(tmp_path, capsys):
    path = tmp_path / "demo.sqlite"
    assert cli.main(["demo", "--db", str(path), "--today", "2026-05-20"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["assistants"] == 5 and summary["vedtak"] == 2
    weeks = (date(2026, 5, 20) - date(2026, 1, 1)).days / 7  # the rota has nine shifts a week
    assert abs(summary["worked_shifts"] - 9 * weeks) < 5 and summary["planned_shifts"] > summary["worked_shifts"]

    before = hashlib.sha256(path.read_bytes()).hexdigest()
    assert cli.main(["demo", "--db", str(path)]) == 2
    assert "--force" in capsys.readouterr().err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before

    assert cli.main(["demo", "--db", str(path), "--force", "--today", "2026-01-10"]) == 0
    assert json.loads(capsys.readouterr().out)["today"] == "2026-01-10"
