"""The cycle the coverage is counted on, and the fairness table."""

from datetime import date

from bpa_desktop.core.model import NeedBlock, ShiftTemplate
from bpa_desktop.core.rota import RotaPattern, roll_out
from bpa_desktop.planner import PlanAssistant, PlanProblem, fairness_table
from bpa_desktop.planner.cycle import DAY, Cycle
from bpa_desktop.planner.horizon import Horizon
from tests.planner.samples import DAY as DAY_SHIFT
from tests.planner.samples import EVENING, NIGHT

WEEK = 7 * DAY


def _merged(segments):
    spans = []
    for s in segments:
        if spans and spans[-1][1] == s.start:
            spans[-1] = (spans[-1][0], s.end)
        else:
            spans.append((s.start, s.end))
    return spans


def test_a_sunday_night_wraps_into_the_first_monday_of_the_cycle():
    problem = PlanProblem((NIGHT,), (NeedBlock(6, "23:00", "07:00", passive=True),),
                          (PlanAssistant("a", "A", 50),), date(2026, 1, 5), date(2026, 2, 1), weeks=2)
    needed = [s for s in Cycle(problem).segments if s.need_total]
    # Week 1's Sunday night runs into Monday of week 2; week 2's wraps into Monday of week 1.
    assert _merged(needed) == [(0, 7 * 60), (WEEK - 60, WEEK + 7 * 60), (2 * WEEK - 60, 2 * WEEK)]
    monday_morning = [s for s in needed if s.start < 7 * 60]
    assert {k for s in monday_morning for k in s.present} == {13}  # the night of pattern day 13
    assert all(s.need_active == 0 and s.need_total == 1 for s in needed)  # asleep is enough


def test_active_need_is_not_covered_by_sleeping_time():
    sleeper = ShiftTemplate("S", "Sovende", "22:00", "08:00", "22:00", "08:00")
    problem = PlanProblem((sleeper,), (NeedBlock(0, "23:00", "01:00"),),
                          (PlanAssistant("a", "A", 50),), date(2026, 1, 5), date(2026, 1, 11), weeks=1)
    [segment] = [s for s in Cycle(problem).segments if s.need_total]
    assert segment.need_active == 1 and segment.active == () and segment.present == (0,)


def test_horizon_keys_repeat_with_the_pattern_except_on_exception_days():
    away = date(2026, 1, 14)
    problem = PlanProblem((DAY_SHIFT,), (), (PlanAssistant("a", "A", 50, unavailable_dates=frozenset({away})),),
                          date(2026, 1, 5), date(2026, 1, 25), weeks=1)
    horizon = Horizon(problem)
    keys = [horizon.by_day[i][0].key for i in range(len(horizon.days))]
    assert keys[0] == keys[7] == keys[14] == 0  # Mondays share the cell
    assert keys[9] != keys[2] and horizon.key_day(keys[9]) == 9  # 14 January stands alone
    assert horizon.key_cell(keys[9]) == (2, 0)


def test_fairness_counts_weekends_nights_evenings_and_shares():
    templates = {t.code: t for t in (DAY_SHIFT, EVENING, NIGHT)}
    cells = {("a", 0, 5): "D", ("a", 0, 6): "D", ("a", 1, 4): "N",  # one weekend; Friday's night reaches Saturday
             ("b", 0, 0): "A", ("b", 1, 2): "A"}
    pattern = RotaPattern(2, cells)
    rows = fairness_table(pattern, templates, [("a", "Ada", 50), ("b", "Bo", 50)],
                          roll_out(pattern, templates, date(2026, 1, 5), date(2026, 1, 18)))
    ada, bo = rows
    assert (ada.weekends, ada.nights, ada.evenings) == (2, 1, 0)
    assert (bo.weekends, bo.nights, bo.evenings) == (0, 0, 2)
    assert ada.weekends_share == bo.weekends_share == 1.0
    assert ada.weekends_above_share == 1.0
    assert ada.hours_per_week == 12 and ada.contract_hours == 18.75
