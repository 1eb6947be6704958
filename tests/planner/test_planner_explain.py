"""No legal rota: the reasons come from CP-SAT's core, and every help was solved for."""

from dataclasses import replace
from datetime import date

import pytest

from bpa_desktop import i18n
from bpa_desktop.core.model import Agreement
from bpa_desktop.planner import NO_LEGAL_ROTA, PlanAssistant, SolveOptions, plan
from tests.planner.samples import DAYTIME, round_the_clock

# Generous steps: a solve that runs out proves nothing, and CI machines are slower than ours
# (a 4 s step once left "Hanne kan jobbe lørdag og søndag likevel" unproven there).
OPTIONS = SolveOptions(time_limit=10, first_legal=True, explain_time_limit=300, explain_step=40)


@pytest.fixture
def bokmal_after():
    yield
    i18n.set_language("nb")


def keys(reasons):
    return [r.key for r in reasons]


def test_too_few_for_round_the_clock_under_the_law(bokmal_after):
    # Under aml nobody may work two Sundays/holidays in a row: Easter's periods (Maundy
    # Thursday-Good Friday, Easter Sunday-Monday) come right after Palm Sunday, and each
    # needs three people, so five assistants cannot cover them.
    problem = round_the_clock(100, 100, 100, 100, 100, agreement=Agreement.AML)
    result = plan(problem, OPTIONS)
    assert result.status == NO_LEGAL_ROTA and result.proposal is None
    explanation = result.explanation
    rules = {r.params.get("rule") for r in explanation.reasons if r.key == "plan_reason_rule"}
    assert "sunday-work" in rules
    assert "plan_reason_need" in keys(explanation.reasons)
    helps = {r.key: r for r in explanation.helps}
    assert "plan_help_preset" in helps or "plan_help_extra" in helps or "plan_help_extras" in helps
    assert explanation.uncovered and all(u.missing >= 1 for u in explanation.uncovered)
    i18n.set_language("nb")
    nb = [r.text() for r in explanation.reasons + explanation.helps]
    i18n.set_language("en")
    en = [r.text() for r in explanation.reasons + explanation.helps]
    assert nb != en and all(nb) and all(en)
    assert any("søn- og helgedag" in text for text in nb)
    assert any("Sunday" in text for text in en)


def test_extra_assistant_is_measured():
    problem = round_the_clock(100, 100, 100, 100, agreement=Agreement.TARIFF)  # 150 h for 168 h of need
    result = plan(problem, OPTIONS)
    assert result.status == NO_LEGAL_ROTA
    [extra] = [h for h in result.explanation.helps if h.key in ("plan_help_extra", "plan_help_extras")]
    # 18 h a week are missing, in 8 h shifts: 24 h = 64 % of 37.5 h, so 65 % in steps of 5 %.
    assert extra.params == {"count": 1, "percent": 65}
    # The hours do not add up: the need and the contracts, each told as one reason.
    assert set(keys(result.explanation.reasons)) == {"plan_reason_need_many", "plan_reason_band_many"}
    band = next(r for r in result.explanation.reasons if r.key == "plan_reason_band_many")
    assert band.params == {"count": 4, "hours": 150.0}


def test_an_assistant_who_cannot_work_weekends_is_named(bokmal_after):
    # A whole year, so every 26-week window of Sundays and holidays lies inside it: four
    # assistants cannot share them all when the fifth works weekdays only.
    base = round_the_clock(100, 100, 100, 100, 100, agreement=Agreement.TARIFF,
                           start=date(2026, 1, 5), end=date(2026, 12, 27), weeks=4)
    people = list(base.assistants)
    people[0] = PlanAssistant("a0", "Hanne", 100, unavailable_weekdays=frozenset({5, 6}))
    result = plan(replace(base, assistants=tuple(people)), OPTIONS)
    assert result.status == NO_LEGAL_ROTA
    texts = [r.text() for r in result.explanation.reasons]
    assert "Hanne kan ikke jobbe lørdag og søndag" in texts
    helps = [h.text() for h in result.explanation.helps]
    assert "Hanne kan jobbe lørdag og søndag likevel" in helps
    assert any(h.startswith("1 assistent til på") for h in helps)


def test_a_lock_against_what_someone_cannot_do():
    base = round_the_clock(100, 100, 100, 100, 100, 100, end=date(2026, 3, 29))
    people = list(base.assistants)
    people[0] = PlanAssistant("a0", "Kari", 100, cannot=frozenset({"N"}))
    problem = replace(base, assistants=tuple(people), locked={("a0", 0, 2): "N"}, need=DAYTIME)
    result = plan(problem, OPTIONS)
    assert result.status == NO_LEGAL_ROTA
    assert set(keys(result.explanation.reasons)) == {"plan_reason_locked", "plan_reason_cannot"}
    assert {h.key for h in result.explanation.helps} == {"plan_help_locked", "plan_help_cannot"}
