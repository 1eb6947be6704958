"""overlap, daily-rest and weekly-rest: each fires, and a close case does not."""

from bpa_desktop.core.model import Agreement
from bpa_desktop.core.rules import check


def rule(findings, rule_id):
    return [f for f in findings if f.rule == rule_id]


def test_overlap_same_assistant_is_an_error(shift):
    found = rule(check([shift("a1", "2026-03-02T08:00", "2026-03-02T16:00"),
                        shift("a1", "2026-03-02T15:00", "2026-03-02T20:00")]), "overlap")
    assert [(f.severity, f.start.hour, f.end.hour) for f in found] == [("error", 15, 16)]


def test_two_assistants_at_once_and_touching_shifts_are_fine(shift):
    shifts = [shift("a1", "2026-03-02T08:00", "2026-03-02T16:00"),
              shift("a2", "2026-03-02T08:00", "2026-03-02T16:00"),
              shift("a1", "2026-03-02T16:00", "2026-03-02T18:00")]
    assert rule(check(shifts), "overlap") == []


def test_daily_rest_message_names_person_days_and_law(shift):
    shifts = [shift("a1", "2026-03-02T14:00", "2026-03-02T22:00"),
              shift("a1", "2026-03-03T07:00", "2026-03-03T15:00")]
    [finding] = rule(check(shifts, names={"a1": "Kari"}), "daily-rest")
    assert finding.severity == "error"
    assert finding.message == "Kari har 9 t hvile mellom vaktene 2. og 3. mars; loven krever 11 t"
    assert finding.reference.startswith("aml § 10-8 (1)")
    assert (finding.start.hour, finding.end.hour) == (22, 7)


def test_eleven_hours_rest_is_enough(shift):
    shifts = [shift("a1", "2026-03-02T12:00", "2026-03-02T20:00"),
              shift("a1", "2026-03-03T07:00", "2026-03-03T15:00")]
    assert rule(check(shifts), "daily-rest") == []


def test_rest_is_elapsed_time_across_the_spring_change(shift):
    # 22:00 -> 09:00 on the night the clocks go forward is only 10 elapsed hours.
    shifts = [shift("a1", "2026-03-28T14:00", "2026-03-28T22:00"),
              shift("a1", "2026-03-29T09:00", "2026-03-29T15:00")]
    [finding] = rule(check(shifts), "daily-rest")
    assert "10 t hvile" in finding.message


def test_tariff_allows_short_daily_rest_as_warning_down_to_8_hours(shift):
    nine = [shift("a1", "2026-03-02T14:00", "2026-03-02T22:00"),
            shift("a1", "2026-03-03T07:00", "2026-03-03T15:00")]
    seven = [shift("a1", "2026-03-02T14:00", "2026-03-02T22:00"),
             shift("a1", "2026-03-03T05:00", "2026-03-03T12:00")]
    assert [f.severity for f in rule(check(nine, Agreement.TARIFF), "daily-rest")] == ["warning"]
    assert [f.severity for f in rule(check(seven, Agreement.TARIFF), "daily-rest")] == ["error"]


def test_one_long_shift_leaves_too_little_rest_in_its_24_hours(shift):
    [finding] = rule(check([shift("a1", "2026-03-02T06:00", "2026-03-02T22:00")]), "daily-rest")
    assert "bare 8 t" in finding.message


def _week_of_days(shift, days, start_day=2):
    return [shift("a1", f"2026-03-{d:02d}T08:00", f"2026-03-{d:02d}T16:00")
            for d in range(start_day, start_day + days)]


def test_weekly_rest_missing_when_working_every_day(shift):
    found = rule(check(_week_of_days(shift, 10)), "weekly-rest")
    assert [f.severity for f in found] == ["error"]
    assert "35 t" in found[0].message


def test_weekly_rest_kept_with_two_days_off(shift):
    shifts = _week_of_days(shift, 5) + _week_of_days(shift, 5, start_day=9)
    assert rule(check(shifts), "weekly-rest") == []


def test_tariff_weekly_rest_down_to_28_hours_is_a_warning(shift):
    # Fri 16:00 -> Sat 22:00 is 30 h off; every other gap is 16 h.
    shifts = _week_of_days(shift, 5) + [shift("a1", "2026-03-07T22:00", "2026-03-08T06:00")] + \
        _week_of_days(shift, 4, start_day=9)
    assert [f.severity for f in rule(check(shifts, Agreement.TARIFF), "weekly-rest")] == ["warning"]
    assert [f.severity for f in rule(check(shifts), "weekly-rest")] == ["error"]


def test_relief_long_shift_needs_16_hours_off_before_or_after(shift):
    ok = [shift("a1", "2026-03-02T08:00", "2026-03-03T08:00"),
          shift("a1", "2026-03-04T00:00", "2026-03-04T08:00")]
    bad = [shift("a1", "2026-03-02T08:00", "2026-03-03T08:00"),
           shift("a1", "2026-03-03T18:00", "2026-03-03T22:00")]
    assert [f for f in rule(check(ok, Agreement.RELIEF), "daily-rest") if f.severity == "error"] == []
    errors = [f for f in rule(check(bad, Agreement.RELIEF), "daily-rest") if f.severity == "error"]
    assert len(errors) == 1 and "16 t fri" in errors[0].message
