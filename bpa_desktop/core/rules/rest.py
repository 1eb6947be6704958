"""Overlap and rest: one shift at a time, daily rest (and the relief regulation's long
shifts), weekly rest."""

from __future__ import annotations

import math
from bisect import bisect_left

from bpa_desktop.core.rules.facts import DAY, HOUR, WEEK, _Collector, _Person, _runs
from bpa_desktop.core.rules.limits import LAW, Limits, _reference, _severity_below
from bpa_desktop.core.rules.wording import _clock, _day, fmt_date, fmt_dates, fmt_range, hours
from bpa_desktop.i18n import t


def _overlap(person: _Person, limits: Limits, out: _Collector) -> None:
    latest = -math.inf
    for start, end in zip(person.starts, person.ends):
        if start < latest:
            overlap_end = min(end, latest)
            out.add(
                "overlap", "error", person.id, start, overlap_end,
                t("findings.overlap", name=person.name, day=fmt_date(_day(start)), start=_clock(start),
                  end=_clock(overlap_end)),
                t("findings.overlap_reference"),
            )
        latest = max(latest, end)


def _longest_rest(blocks, index: int, length: float) -> tuple[float, float, bool]:
    """Longest free time in [start of block ``index``, + length): (rest, rest start, ended by
    the next block)."""
    window_end = blocks[index][0] + length
    best = (-1.0, blocks[index][1], False)
    j = index
    while True:
        free_from = blocks[j][1]
        if free_from >= window_end:
            break
        next_start = blocks[j + 1][0] if j + 1 < len(blocks) else math.inf
        rest = min(next_start, window_end) - free_from
        if rest > best[0]:
            best = (rest, free_from, next_start < window_end)
        if next_start >= window_end:
            break
        j += 1
    return (max(best[0], 0.0), best[1], best[2])


def _daily_rest(person: _Person, limits: Limits, out: _Collector) -> None:
    seen = set()
    blocks = person.blocks
    law_text = t("findings.law_requires", hours=hours(LAW.daily_rest))
    for index, (start, _) in enumerate(blocks):
        rest, free_from, ended_by_shift = _longest_rest(blocks, index, DAY)
        severity = _severity_below(rest / HOUR, LAW.daily_rest, limits.daily_rest)
        if severity is None:
            continue
        rest_end = free_from + rest
        if (free_from, rest_end) in seen:
            continue
        seen.add((free_from, rest_end))
        if severity == "warning" and limits.long_shift is not None:
            rule_text = t("findings.rest_preset_opens", law=law_text, preset=limits.label)
        elif severity == "warning":
            rule_text = t("findings.rest_preset_allows", law=law_text, preset=limits.label,
                          hours=hours(limits.daily_rest))
        else:
            rule_text = law_text if limits.daily_rest >= LAW.daily_rest else (
                t("findings.rest_preset_forbids", law=law_text, preset=limits.label, hours=hours(limits.daily_rest))
            )
        reference = "aml § 10-8 (1)" + ("" if severity == "error" and limits.daily_rest >= LAW.daily_rest else f"; {limits.basis}")
        if ended_by_shift:
            where = t("findings.between_shifts", dates=fmt_dates(_day(_block_start_of(blocks, free_from)), _day(rest_end)))
            if _day(_block_start_of(blocks, free_from)) == _day(rest_end):
                where = t("findings.between_two_shifts", day=fmt_date(_day(rest_end)))
            message = t("findings.daily_rest_between", name=person.name, hours=hours(rest / HOUR), where=where,
                        rule=rule_text)
            out.add("daily-rest", severity, person.id, free_from, rest_end, message, reference)
        else:
            message = t("findings.daily_rest_from", name=person.name, hours=hours(rest / HOUR),
                        day=fmt_date(_day(start)), start=_clock(start), rule=rule_text)
            out.add("daily-rest", severity, person.id, start, start + DAY, message, reference)


def _block_start_of(blocks, block_end: float) -> float:
    """Start of the block that ends at ``block_end``."""
    index = bisect_left([b for _, b in blocks], block_end)
    return blocks[index][0]


def _long_shift_rest(person: _Person, limits: Limits, out: _Collector) -> None:
    """Relief regulation: a work period over 16 h needs 16 h off right before or after."""
    if limits.long_shift is None:
        return
    blocks = person.blocks
    need = limits.long_shift * HOUR
    for index, (start, end) in enumerate(blocks):
        if end - start <= need:
            continue
        before = start - blocks[index - 1][1] if index > 0 else 0.0  # before the input: unknown
        after = blocks[index + 1][0] - end if index + 1 < len(blocks) else math.inf
        if before >= need or after >= need:
            continue
        out.add(
            "daily-rest", "error", person.id, start, end,
            t("findings.long_shift", name=person.name, hours=hours((end - start) / HOUR), day=fmt_date(_day(start)),
              need=hours(limits.long_shift), before=hours(before / HOUR), after=hours(min(after, 9e9) / HOUR)),
            limits.basis,
        )


def _weekly_rest(person: _Person, limits: Limits, out: _Collector) -> None:
    blocks = person.blocks
    block_starts = [b[0] for b in blocks]
    failing = []
    for index, (start, _) in enumerate(blocks):
        rest, _, _ = _longest_rest(blocks, index, WEEK)
        severity = _severity_below(rest / HOUR, LAW.weekly_rest, limits.weekly_rest)
        if severity is not None:
            last_work = blocks[bisect_left(block_starts, start + WEEK) - 1][1]
            failing.append((start, min(start + WEEK, last_work), -rest))
    for run_start, run_end, worst in _runs(failing):
        rest = -worst
        severity = _severity_below(rest / HOUR, LAW.weekly_rest, limits.weekly_rest)
        extra = (
            t("findings.weekly_rest_preset", preset=limits.label, hours=hours(limits.weekly_rest))
            if severity == "warning"
            else ""
        )
        out.add(
            "weekly-rest", severity, person.id, run_start, run_end,
            t("findings.weekly_rest", name=person.name, need=hours(LAW.weekly_rest),
              dates=fmt_range(_day(run_start), _day(run_end)), longest=hours(rest / HOUR), extra=extra),
            _reference("aml § 10-8 (2)", limits.weekly_rest, LAW.weekly_rest, limits),
        )
