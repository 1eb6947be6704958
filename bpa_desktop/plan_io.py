"""``bpa-plan/1`` in (the planner's problem as JSON) and the planner's answer out.

Reading validates against ``schemas/bpa-plan-1.schema.json`` and then the meaning (known
codes and assistants, dates that exist, a period); every problem raises ``PlanFileError``
with one line (current language) saying where and why.

A legal answer is written as a ``bpa-shifts/1`` document (so ``bpa check`` reads it as it
is): the roll-out in ``shifts``, and two additions the shift schema allows: ``pattern`` (the
weeks, the Monday week 0 starts on, and the cells) and ``plan`` (objective, bound, the
objective's parts, the fairness table). No legal rota: ``{"status", "explanation"}``.
"""

from __future__ import annotations

import json
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources

from bpa_desktop.core.model import Agreement, AssistantKind, NeedBlock, ShiftTemplate, Vedtak
from bpa_desktop.core.shiftfile import FORMAT as SHIFTS_FORMAT
from bpa_desktop.planner import PlanAssistant, PlanProblem, PlanResult, SolveOptions
from bpa_desktop.planner.problem import ContractBand, PlanInputError, Weights
from bpa_desktop.core.shift_document import wall_text
from bpa_desktop.i18n import t

FORMAT = "bpa-plan/1"
OPEN_VEDTAK_WEEKS = 52


class PlanFileError(ValueError):
    """The file cannot be read; the message (one line, current language) says where and why."""


@lru_cache(maxsize=1)
def schema() -> dict:
    text = resources.files("bpa_desktop.schemas").joinpath("bpa-plan-1.schema.json").read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    cls = jsonschema.validators.validator_for(schema())
    return cls(schema())


def _where(path) -> str:
    parts = list(path)
    return t("core.shifts.the_file") if not parts else t("core.shifts.field", field=".".join(str(p) for p in parts))


def _check_schema(data) -> None:
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if not errors:
        return
    error = errors[0]
    where = _where(error.absolute_path)
    if error.validator == "required":
        missing = [name for name in error.validator_value if name not in error.instance]
        raise PlanFileError(t("core.shifts.missing", where=where, names=", ".join("«" + m + "»" for m in missing)))
    if error.validator == "const" and list(error.absolute_path) == ["format"]:
        raise PlanFileError(t("core.plan_file.format_only", format=error.instance, expected=FORMAT))
    if error.validator == "additionalProperties":
        raise PlanFileError(t("core.plan_file.unknown_field", where=where, detail=error.message))
    if error.validator == "oneOf":
        raise PlanFileError(t("core.plan_file.weekday_or_weekdays", where=where))
    raise PlanFileError(t("core.shifts.invalid_value", where=where, detail=error.message))


def _date(text: str, where: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise PlanFileError(t("core.shifts.bad_date", where=where, text=text)) from None


def _dates(items, where: str) -> frozenset[date]:
    days = set()
    for n, item in enumerate(items):
        if isinstance(item, str):
            days.add(_date(item, f"{where}[{n}]"))
            continue
        first, last = _date(item["from"], f"{where}[{n}]"), _date(item["to"], f"{where}[{n}]")
        if last < first:
            raise PlanFileError(t("core.plan_file.to_before_from", where=f"{where}[{n}]"))
        days.update(first + timedelta(days=i) for i in range((last - first).days + 1))
    return frozenset(days)


def _band(raw: dict | None, default: ContractBand) -> ContractBand:
    if raw is None:
        return default
    return ContractBand(raw.get("min_percent", default.min_percent), raw.get("max_percent", default.max_percent))


def _vedtak(raw) -> tuple[Vedtak, ...]:
    items = raw if isinstance(raw, list) else [raw]
    result = []
    for n, item in enumerate(items):
        where = f"vedtak[{n}]"
        start = _date(item["from"], where)
        end = _date(item["to"], where) if item.get("to") else None
        if end is not None and end < start:
            raise PlanFileError(t("core.plan_file.to_before_from", where=where))
        result.append(Vedtak(None, None, float(item["hours_per_week"]), start, end, item.get("reference", "")))
    return tuple(result)


def _period(data: dict, vedtak: tuple[Vedtak, ...]) -> tuple[date, date]:
    if "period" in data:
        first = _date(data["period"]["from"], "period")
        last = _date(data["period"]["to"], "period")
        return first, last
    if not vedtak:
        raise PlanFileError(t("core.plan_file.no_period"))
    first = min(v.valid_from for v in vedtak)
    ends = [v.valid_to for v in vedtak]
    last = max(ends) if all(ends) else first + timedelta(weeks=OPEN_VEDTAK_WEEKS, days=-1)
    return first, last


def parse(data) -> tuple[PlanProblem, SolveOptions]:
    if not isinstance(data, dict):
        raise PlanFileError(t("core.plan_file.not_object"))
    _check_schema(data)
    name = data.get("agreement", "aml")
    try:
        agreement = Agreement.from_name(name)
    except ValueError:
        raise PlanFileError(t("core.plan_file.unknown_agreement", name=name)) from None
    vedtak = _vedtak(data["vedtak"]) if data.get("vedtak") else ()
    start, end = _period(data, vedtak)
    templates = tuple(
        ShiftTemplate(t["code"], t.get("name", t["code"]), t["start"], t["end"],
                      t.get("passive", {}).get("start"), t.get("passive", {}).get("end"))
        for t in data["templates"]
    )
    need = tuple(
        NeedBlock(day, b["start"], b["end"], b.get("staff", 1), b.get("passive", False))
        for b in data["need"]
        for day in ([b["weekday"]] if "weekday" in b else sorted(set(b["weekdays"])))
    )
    band = _band(data.get("band"), ContractBand())
    assistants = []
    for n, a in enumerate(data["assistants"]):
        own = _band(a["band"], band) if "band" in a else None
        assistants.append(PlanAssistant(
            id=a["id"],
            name=a.get("name", a["id"]),
            employment_percent=float(a["employment_percent"]),
            kind=AssistantKind(a.get("kind", "permanent")),
            unavailable_dates=_dates(a.get("unavailable_dates", ()), f"assistants[{n}].unavailable_dates"),
            unavailable_weekdays=frozenset(a.get("unavailable_weekdays", ())),
            cannot=frozenset(a.get("cannot", ())),
            prefers=frozenset(a.get("prefers", ())),
            avoids=frozenset(a.get("avoids", ())),
            band=(own.min_percent, own.max_percent) if own else None,
        ))
    locked = {(c["assistant"], c["week"], c["weekday"]): c["code"] for c in data.get("locked", ())}
    problem = PlanProblem(
        templates=templates,
        need=need,
        assistants=tuple(assistants),
        start=start,
        end=end,
        weeks=data.get("weeks", 4),
        agreement=agreement,
        vedtak=vedtak,
        locked=locked,
        band=band,
        full_time_hours=float(data.get("full_time_hours", 37.5)),
        weights=Weights(**data.get("weights", {})),
    )
    try:
        problem.validate()
    except PlanInputError as error:
        raise PlanFileError(str(error)) from None
    except ValueError as error:  # a clock time such as 24:30
        raise PlanFileError(str(error)) from None
    solve = data.get("solve", {})
    options = SolveOptions(time_limit=float(solve.get("time_limit", 10.0)),
                           first_legal=bool(solve.get("first_legal", False)))
    return problem, options


def load(path) -> tuple[PlanProblem, SolveOptions]:
    """Read a plan file from a path ("-" reads standard input)."""
    from bpa_desktop.core.shiftfile import ShiftFileError, document, read_text

    try:
        data = document(read_text(path))  # the shift files' boundary: size, UTF-8, strict JSON
    except ShiftFileError as error:
        raise PlanFileError(str(error)) from None
    return parse(data)


# --- the answer ----------------------------------------------------------------------------


def _round(value: float) -> float:
    return round(value, 2)


def answer_document(problem: PlanProblem, result: PlanResult, agreement_name: str | None = None) -> dict:
    """A legal result as bpa-shifts/1 (with ``pattern`` and ``plan``), else the reasons."""
    if result.proposal is None:
        document = {"status": result.status}
        if result.explanation is not None:
            document["explanation"] = result.explanation.to_json()
        return document
    proposal = result.proposal
    shifts = []
    for shift in proposal.shifts:
        entry = {"id": shift.id, "assistant": shift.assistant, "start": wall_text(shift.start),
                 "end": wall_text(shift.end), "code": shift.code, "kind": shift.kind.value}
        if shift.passive:
            entry["passive"] = [{"start": wall_text(p.start), "end": wall_text(p.end)} for p in shift.passive]
        shifts.append(entry)
    document = {
        "format": SHIFTS_FORMAT,
        "timezone": "Europe/Oslo",
        "agreement": agreement_name or problem.agreement.value,
        "period": {"from": problem.start.isoformat(), "to": problem.end.isoformat()},
        "employer": {"full_time_hours": problem.full_time_hours},
        "assistants": [{"id": a.id, "name": a.name, "employment_percent": a.employment_percent}
                       for a in problem.assistants],
    }
    if problem.vedtak:
        document["vedtak"] = [
            {"hours_per_week": v.hours_per_week, "from": v.valid_from.isoformat(),
             "to": v.valid_to.isoformat() if v.valid_to else None, "reference": v.reference}
            for v in problem.vedtak
        ]
    document["pattern"] = {
        "weeks": proposal.pattern.weeks,
        "anchor": proposal.anchor.isoformat(),
        "cells": [{"assistant": a, "week": w, "weekday": d, "code": code}
                  for (a, w, d), code in sorted(proposal.pattern.cells.items())],
    }
    document["plan"] = {
        "status": result.status,
        "objective": proposal.objective,
        "bound": _round(proposal.bound) if proposal.bound is not None else None,
        "optimal": proposal.optimal,
        "gap": _round(proposal.gap) if proposal.gap is not None else None,
        "seconds": _round(result.elapsed),
        "first_legal_seconds": _round(result.first_legal) if result.first_legal is not None else None,
        "terms": {name: _round(value) for name, value in proposal.terms.items()},
        "warnings": sum(1 for f in proposal.findings if f.severity == "warning"),
        "fairness": [
            {"assistant": r.assistant, "weekends": r.weekends, "weekends_share": _round(r.weekends_share),
             "nights": r.nights, "nights_share": _round(r.nights_share),
             "evenings": r.evenings, "evenings_share": _round(r.evenings_share),
             "holidays": r.holidays, "holidays_share": _round(r.holidays_share),
             "hours_per_week": _round(r.hours_per_week), "contract_hours": _round(r.contract_hours)}
            for r in proposal.fairness
        ],
    }
    document["shifts"] = shifts
    return document
