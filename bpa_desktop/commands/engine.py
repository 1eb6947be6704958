"""`bpa check FILE` and `bpa pay FILE [--profile NAME]` over a bpa-shifts/1 file.

Output is JSON on stdout (contract, docs/architecture.md):

* check: ``{"findings": [{"rule", "severity", "assistant", "start", "end", "message",
  "reference"}]}``; ``assistant`` is null for arrangement-wide findings (``vedtak-hours``).
* pay: ``{"profile", "nominal_clock_hours", "shifts": [{"index", "id", "assistant", "start",
  "end", "hours": {window: h}, "codes": {pay code: h}, "overtime": [{"start", "end", "hours",
  "reason": {"why", "limit", ...}, "why": text}]}], "totals": {assistant: {"hours", "codes",
  "overtime"}}}``; hours are rounded to 4 decimals. ``overtime`` (an extension of the
  contract) lists the stretches of each shift that are overtime under the file's agreement
  and why ("over 9 t denne dagen"); their hours are in the profile's overtime codes.

Exit codes: 0 = done and nothing wrong; 1 = done and the input breaks a rule, which for
``check`` means at least one finding with severity ``error`` (warnings alone are allowed by an
agreement or only worth a look, so they exit 0); ``pay`` always exits 0 when it can read the
file; 2 = the input could not be read (one line on stderr saying which shift and why).
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Callable
from datetime import datetime

from bpa_desktop.commands.common import CliError
from bpa_desktop.i18n import t

#: Pay profile used when --profile is not given, by the agreement name in the file.
DEFAULT_PROFILE = {"virke": "virke-bpa"}


def register(subparsers: argparse._SubParsersAction) -> None:
    check = subparsers.add_parser("check", help=t("cli.engine.check"))
    check.add_argument("file", help=t("cli.engine.file"))
    check.set_defaults(handler=_check)

    pay = subparsers.add_parser("pay", help=t("cli.engine.pay"))
    pay.add_argument("file", help=t("cli.engine.file"))
    pay.add_argument("--profile", help=t("cli.engine.profile"))
    pay.add_argument(
        "--nominal",
        action="store_true",
        help=t("cli.engine.nominal"),
    )
    pay.set_defaults(handler=_pay)


def _read(path: str):
    from bpa_desktop.core.shiftfile import ShiftFileError, load

    # The file becomes hundreds of thousands of small objects that live until the command
    # ends, and the results as many again: the cyclic garbage collector would walk all of
    # them again and again as they grow (that made `pay` on 200,000 shifts take three times
    # as long, and longer the larger the file). Nothing here forms cycles worth collecting,
    # and the command ends when its work is done: no collector for its lifetime.
    gc.disable()
    try:
        return load(path)
    except ShiftFileError as error:
        raise CliError(str(error)) from None


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False)


#: json's own string encoder (C), for values put into a pre-formatted entry.
_string = json.encoder.encode_basestring


def _emit(head: dict, items_key: str | None = None, items=(), tail: Callable[[], dict] | None = None) -> None:
    """``{**head, items_key: [*items], **tail()}`` as one line of JSON on stdout: ``items``
    are JSON texts, written as they come (a 200,000-shift ``pay`` is 60 MB of JSON; it is
    never one string), and ``tail`` is asked for after them (totals are complete then).

    The text is what ``json.dumps`` would give for the whole object; pipe it through
    ``python -m json.tool`` to read it."""
    out = sys.stdout
    parts = [_dumps(head)[:-1]] if head else ["{"]
    if items_key is not None:
        parts.append((", " if head else "") + _dumps(items_key) + ": [")
        batch: list[str] = []
        first = True
        for item in items:
            batch.append(item)
            if len(batch) == 1000:
                out.write("".join(parts) + ("" if first else ", ") + ", ".join(batch))
                parts, batch, first = [], [], False
        out.write("".join(parts) + ("" if first or not batch else ", ") + ", ".join(batch) + "]")
        parts = []
    if tail is not None:
        parts.append(", " + _dumps(tail())[1:-1])
    out.write("".join(parts) + "}\n")


def _check(args: argparse.Namespace) -> int:
    from bpa_desktop.core.rules import check

    shift_file = _read(args.file)
    findings = check(
        shift_file.shifts,
        shift_file.agreement,
        names=shift_file.names,
        employment_percent=shift_file.employment_percent,
        vedtak=shift_file.vedtak,
        full_time_hours=shift_file.full_time_hours,
    )
    _emit({}, "findings", (_dumps(f.to_json()) for f in findings))
    return 1 if any(f.severity == "error" for f in findings) else 0


def _rounded(hours: dict[str, float]) -> dict[str, float]:
    return {key: round(value, 4) for key, value in hours.items()}


def _overtime_json(pieces) -> list[dict]:
    from bpa_desktop.core.calendar import OSLO
    from bpa_desktop.core.overtime_text import reason_text

    return [
        {
            "start": datetime.fromtimestamp(p.start, OSLO).isoformat(),
            "end": datetime.fromtimestamp(p.end, OSLO).isoformat(),
            "hours": round(p.hours, 4),
            "reason": p.reason.to_json(),
            "why": reason_text(p.reason),
        }
        for p in pieces
    ]


def _pay(args: argparse.Namespace) -> int:
    from bpa_desktop.core.pay import ProfileError, load_profile, record_line_hours

    shift_file = _read(args.file)
    name = args.profile or DEFAULT_PROFILE.get(shift_file.agreement_name, "ks")
    try:
        profile = load_profile(name)
    except ProfileError as error:
        raise CliError(str(error)) from None
    nominal = args.nominal or profile.nominal_clock_hours
    by_line = {line.id: line for line in profile.lines}
    paid_shifts = record_line_hours(
        shift_file.shifts, profile, agreement=shift_file.agreement, nominal=nominal, windows=True
    )

    # Shifts of one shape share their ShiftPay mappings: sum their codes and round once, and
    # add them to the totals as (number of shifts) x (hours). That adds in another order than
    # shift by shift; the difference is rounding noise far below the 4 decimals printed (with
    # whole-second times a total is a multiple of 1/10,800 h, never on a rounding step).
    shaped: dict[tuple[int, int], tuple] = {}
    counts: dict[tuple[str, tuple[int, int]], int] = {}
    overtime: dict[str, float] = {}

    def entries():
        for index, (shift, paid_shift) in enumerate(zip(shift_file.shifts, paid_shifts)):
            hours = paid_shift.windows
            key = (id(paid_shift.lines), id(hours))
            known = shaped.get(key)
            if known is None:
                codes: dict[str, float] = {}
                for line_id, paid in paid_shift.lines.items():
                    code = by_line[line_id].pay_code
                    codes[code] = codes.get(code, 0.0) + paid
                # The ShiftPay is kept with its key: the ids stay its own while the key is used.
                encoded = f'"hours": {_dumps(_rounded(hours))}, "codes": {_dumps(_rounded(codes))}'
                known = shaped[key] = (hours, codes, encoded, paid_shift)
            count_key = (shift.assistant, key)
            counts[count_key] = counts.get(count_key, 0) + 1
            if paid_shift.overtime:
                overtime[shift.assistant] = overtime.get(shift.assistant, 0.0) + sum(
                    p.hours for p in paid_shift.overtime
                )
            # The entry as json.dumps writes it, from parts encoded once per shape: encoding
            # the same 10 numbers 200,000 times was a third of the command (a test holds the
            # text to json.dumps of the same entry).
            overtime_text = _dumps(_overtime_json(paid_shift.overtime)) if paid_shift.overtime else "[]"
            yield (
                f'{{"index": {index}, "id": {_string(shift.id) if shift.id is not None else "null"}, '
                f'"assistant": {_string(shift.assistant)}, '
                f'"start": "{shift.start.isoformat()}", "end": "{shift.end.isoformat()}", '
                f'{known[2]}, "overtime": {overtime_text}}}'
            )

    def rounded_totals() -> dict:
        totals: dict[str, dict[str, dict[str, float]]] = {}
        for (assistant, key), count in counts.items():
            hours, codes = shaped[key][:2]
            total = totals.setdefault(assistant, {"hours": {}, "codes": {}})
            for into, values in ((total["hours"], hours), (total["codes"], codes)):
                for name, value in values.items():
                    into[name] = into.get(name, 0.0) + count * value
        return {"totals": {
            assistant: {"hours": _rounded(t["hours"]), "codes": _rounded(t["codes"]),
                        "overtime": round(overtime.get(assistant, 0.0), 4)}
            for assistant, t in sorted(totals.items())
        }}

    _emit({"profile": profile.name, "nominal_clock_hours": nominal}, "shifts", entries(), rounded_totals)
    return 0
