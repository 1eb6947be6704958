"""Small planning problems the planner tests share (short periods keep the suite fast)."""

from datetime import date

from bpa_desktop.core.model import Agreement, NeedBlock, ShiftTemplate, Vedtak
from bpa_desktop.planner import PlanAssistant, PlanProblem

DAY = ShiftTemplate("D", "Dagvakt", "07:00", "15:00")
EVENING = ShiftTemplate("A", "Kveldsvakt", "15:00", "23:00")
NIGHT = ShiftTemplate("N", "Nattevakt", "23:00", "07:00", "23:30", "06:30")
TEMPLATES = (DAY, EVENING, NIGHT)

ROUND_THE_CLOCK = tuple(NeedBlock(d, "07:00", "23:00") for d in range(7)) + tuple(
    NeedBlock(d, "23:00", "07:00", passive=True) for d in range(7)
)
DAYTIME = tuple(NeedBlock(d, "07:00", "15:00") for d in range(7))


def assistants(*percents: float, **extra) -> tuple[PlanAssistant, ...]:
    return tuple(PlanAssistant(f"a{i}", f"Assistent {i}", p, **extra) for i, p in enumerate(percents))


def round_the_clock(*percents: float, agreement=Agreement.TARIFF, start=date(2026, 3, 2),
                    end=date(2026, 5, 24), weeks=2, **kw) -> PlanProblem:
    """Day, evening and a sleeping night every day; the period holds the spring DST change
    and Easter 2026."""
    return PlanProblem(
        TEMPLATES, ROUND_THE_CLOCK, assistants(*percents), start, end, weeks, agreement,
        (Vedtak(None, None, 168, date(2026, 1, 1), date(2026, 12, 31)),), **kw,
    )
