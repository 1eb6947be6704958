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
import json
import sys
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

    try:
        return load(path)
    except ShiftFileError as error:
        raise CliError(str(error)) from None


def _emit(payload: dict) -> None:
    # Compact JSON: the C encoder handles a year of shifts in a few milliseconds; pipe through
    # `python -m json.tool` to read it.
    sys.stdout.write(json.dumps(payload, ensure_ascii=False))
    sys.stdout.write("\n")


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
    _emit({"findings": [f.to_json() for f in findings]})
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
    from bpa_desktop.core.pay import ProfileError, load_profile, record_line_hours, window_hours

    shift_file = _read(args.file)
    name = args.profile or DEFAULT_PROFILE.get(shift_file.agreement_name, "ks")
    try:
        profile = load_profile(name)
    except ProfileError as error:
        raise CliError(str(error)) from None
    nominal = args.nominal or profile.nominal_clock_hours
    by_line = {line.id: line for line in profile.lines}
    shifts_out = []
    totals: dict[str, dict[str, dict[str, float]]] = {}
    paid_shifts = record_line_hours(shift_file.shifts, profile, agreement=shift_file.agreement, nominal=nominal)
    for index, (shift, paid_shift) in enumerate(zip(shift_file.shifts, paid_shifts)):
        hours = window_hours(shift, nominal=nominal)
        codes: dict[str, float] = {}
        for line_id, paid in paid_shift.lines.items():
            code = by_line[line_id].pay_code
            codes[code] = codes.get(code, 0.0) + paid
        shifts_out.append(
            {
                "index": index,
                "id": shift.id,
                "assistant": shift.assistant,
                "start": shift.start.isoformat(),
                "end": shift.end.isoformat(),
                "hours": _rounded(hours),
                "codes": _rounded(codes),
                "overtime": _overtime_json(paid_shift.overtime),
            }
        )
        total = totals.setdefault(shift.assistant, {"hours": {}, "codes": {}, "overtime": 0.0})
        total["overtime"] += sum(p.hours for p in paid_shift.overtime)
        for key, value in hours.items():
            total["hours"][key] = total["hours"].get(key, 0.0) + value
        for key, value in codes.items():
            total["codes"][key] = total["codes"].get(key, 0.0) + value
    _emit(
        {
            "profile": profile.name,
            "nominal_clock_hours": nominal,
            "shifts": shifts_out,
            "totals": {
                assistant: {"hours": _rounded(t["hours"]), "codes": _rounded(t["codes"]),
                            "overtime": round(t["overtime"], 4)}
                for assistant, t in sorted(totals.items())
            },
        }
    )
    return 0
