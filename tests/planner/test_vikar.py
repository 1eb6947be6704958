"""Finn vikar: who can take a shift nobody has, with no new error, best first."""

from datetime import date

from bpa_desktop.core.model import Agreement, ShiftKind
from bpa_desktop.core.rota import RotaPattern, roll_out, template_shift
from bpa_desktop.planner import PlanAssistant, find_vikar
from tests.planner.samples import DAY, EVENING, NIGHT

TEMPLATES = {t.code: t for t in (DAY, EVENING, NIGHT)}
PEOPLE = (
    PlanAssistant("kari", "Kari", 100),  # had the shift: sick
    PlanAssistant("per", "Per", 60),  # works the evening before: 8 h rest only
    PlanAssistant("lise", "Lise", 50),  # free
    PlanAssistant("ola", "Ola", 50, unavailable_weekdays=frozenset({2})),  # never on Wednesdays
    PlanAssistant("mia", "Mia", 100),  # has the evening the same day: 16 h in one day
    PlanAssistant("tor", "Tor", 40),  # free, but 40 h that week would pass his contract
)


def plan():
    cells = {("kari", 0, 2): "D", ("per", 0, 1): "A", ("mia", 0, 2): "A",
             **{("tor", 0, d): "D" for d in (0, 1, 3, 4)}}
    return roll_out(RotaPattern(1, cells), TEMPLATES, date(2026, 3, 2), date(2026, 3, 29))


def test_ranks_those_who_can_take_it_and_says_why_the_others_cannot():
    shifts = plan()
    gap = next(s for s in shifts if s.assistant == "kari" and s.start.date() == date(2026, 3, 11))
    search = find_vikar(gap, shifts, PEOPLE, Agreement.AML)
    names = [c.name for c in search.candidates]
    refused = {r.name: r for r in search.refused}
    assert "Kari" not in names and "Kari" not in refused
    # The law: 15:00-23:00 then 07:00 is 8 h rest, an error; Mia would work 16 h that day.
    assert {f.rule for f in refused["Per"].new_errors} == {"daily-rest"}
    assert {f.rule for f in refused["Mia"].new_errors} == {"daily-hours", "daily-rest"}
    assert refused["Ola"].reason.key == "plan_reason_weekdays"
    assert names[0] == "Lise"  # no new warning, and room in her contract
    lise = search.candidates[0]
    assert lise.new_warnings == () and lise.week_hours == 8 and lise.contract_hours == 18.75
    assert lise.shift.assistant == "lise" and lise.shift.kind is ShiftKind.SUBSTITUTE
    tor = search.candidates[1]  # can take it, but passes his contract: a warning
    assert tor.name == "Tor" and [f.rule for f in tor.new_warnings] == ["contract-hours"]
    assert tor.week_hours == 40 and tor.room == 15 - 40


def test_under_a_tariff_the_short_rest_is_a_warning_and_ranks_last():
    shifts = plan()
    gap = template_shift(DAY, "", date(2026, 3, 18))  # a shift nobody had (extra need)
    search = find_vikar(gap, shifts, PEOPLE, Agreement.TARIFF)
    per = next(c for c in search.candidates if c.name == "Per")
    assert {f.rule for f in per.new_warnings} >= {"daily-rest"}
    assert search.candidates.index(per) > [c.name for c in search.candidates].index("Lise")
