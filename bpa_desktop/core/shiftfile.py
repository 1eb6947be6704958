"""Read and validate a ``bpa-shifts/1`` file (contract, docs/architecture.md) into a ShiftFile.

Structure is checked against the JSON schema shipped in ``bpa_desktop/schemas``; the meaning
(times that exist, end after start, known assistants and agreement, passive time inside the
shift, at most 7 days) is checked here. Every problem raises ``ShiftFileError`` with one
Norwegian line that names the shift (number, JSON index and assistant) and says why.

Agreement names are the docs/domain.md presets; the tariff names ``ks``, ``virke``, ``nho`` and
``spekter`` are accepted as the ``tariff`` preset (the contract's example uses "ks"); any other
name is an input error. ``employer.full_time_hours`` (37.5 or 40) is the employer's full-time
week for ``contract-hours``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bpa_desktop.core import calendar as cal
from bpa_desktop.core.model import TARIFF_NAMES, Agreement, Interval, Shift, ShiftKind, Vedtak

FORMAT = "bpa-shifts/1"
MAX_SHIFT_HOURS = 7 * 24



class ShiftFileError(ValueError):
    """The file cannot be read; the message says where and why (Norwegian, one line)."""


@dataclass(frozen=True)
class FileAssistant:
    id: str
    name: str
    employment_percent: float | None = None


@dataclass(frozen=True)
class ShiftFile:
    agreement: Agreement
    agreement_name: str  # as written in the file (e.g. "ks"), for choosing a pay profile
    timezone: str
    assistants: tuple[FileAssistant, ...]
    vedtak: tuple[Vedtak, ...]
    shifts: tuple[Shift, ...]
    full_time_hours: float = 37.5  # the employer's full-time week

    @property
    def names(self) -> dict[str, str]:
        return {a.id: a.name for a in self.assistants if a.name}

    @property
    def employment_percent(self) -> dict[str, float]:
        return {a.id: a.employment_percent for a in self.assistants if a.employment_percent is not None}


@lru_cache(maxsize=1)
def schema() -> dict:
    """The ``bpa-shifts/1`` JSON schema."""
    text = resources.files("bpa_desktop.schemas").joinpath("bpa-shifts-1.schema.json").read_text("utf-8")
    return json.loads(text)


@lru_cache(maxsize=1)
def _validator():
    """The jsonschema validator: it explains *why* a file is invalid."""
    import jsonschema

    cls = jsonschema.validators.validator_for(schema())
    cls.check_schema(schema())
    return cls(schema())


@lru_cache(maxsize=1)
def _fast_check():
    """A compiled validator (jsonschema-rs) that only answers valid or not, in about 1 ms for a
    year of shifts instead of half a second; None when it is not installed."""
    try:
        import jsonschema_rs
    except ImportError:
        return None
    return jsonschema_rs.validator_for(schema()).is_valid


def _schema_error(data):
    """The first schema error (by path), or None when ``data`` is valid."""
    fast = _fast_check()
    if fast is not None and fast(data):
        return None
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    return errors[0] if errors else None


def _where(path, data) -> str:
    """Norwegian description of a JSON path, naming the shift when the path is inside one."""
    parts = list(path)
    if len(parts) >= 2 and parts[0] == "shifts" and isinstance(parts[1], int):
        index = parts[1]
        shift = data["shifts"][index]
        assistant = shift.get("assistant") if isinstance(shift, dict) else None
        who = f", assistent «{assistant}»" if isinstance(assistant, str) else ""
        rest = ".".join(str(p) for p in parts[2:])
        return f"vakt nr. {index + 1} (shifts[{index}]{who})" + (f", feltet «{rest}»" if rest else "")
    if not parts:
        return "filen"
    return "feltet «" + ".".join(str(p) for p in parts) + "»"


def _schema_message(error, data) -> str:
    where = _where(error.absolute_path, data)
    validator = error.validator
    if validator == "required":
        missing = [name for name in error.validator_value if name not in error.instance]
        return f"{where}: mangler {', '.join('«' + m + '»' for m in missing)}"
    if validator == "const" and list(error.absolute_path) == ["format"]:
        return f"formatet er «{error.instance}», men bpa forstår bare «{FORMAT}»"
    if validator == "pattern":
        return f"{where}: «{error.instance}» er ikke et gyldig tidspunkt/dato (ÅÅÅÅ-MM-DDTTT:MM)"
    if validator == "type":
        return f"{where}: har feil type (forventet {error.validator_value})"
    if validator == "enum":
        return f"{where}: «{error.instance}» er ikke en av {', '.join(map(str, error.validator_value))}"
    if validator in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return f"{where}: {error.instance} er utenfor tillatt område"
    return f"{where}: ugyldig verdi ({error.message})"


def _shift_label(index: int, raw: dict) -> str:
    return f"vakt nr. {index + 1} (shifts[{index}], assistent «{raw.get('assistant')}»)"


def _time(text: str, tz: ZoneInfo, label: str, field: str) -> datetime:
    try:
        return cal.parse_wall_time(text, tz)
    except cal.NonexistentTimeError:
        raise ShiftFileError(
            f"{label}: {field} {text} finnes ikke i {tz.key} (klokka stilles fram og hopper over den timen)"
        ) from None
    except ValueError:
        raise ShiftFileError(f"{label}: {field} «{text}» er ikke et gyldig tidspunkt") from None


def _date(text: str, where: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise ShiftFileError(f"{where}: «{text}» er ikke en gyldig dato") from None


def _agreement(name: str) -> Agreement:
    try:
        return Agreement.from_name(name)
    except ValueError:
        known = ", ".join(a.value for a in Agreement)
        raise ShiftFileError(
            f"ukjent avtale «{name}» (gyldige: {known}, eller {'/'.join(TARIFF_NAMES)})"
        ) from None


def _vedtak(raw) -> tuple[Vedtak, ...]:
    items = raw if isinstance(raw, list) else [raw]
    result = []
    for number, item in enumerate(items, start=1):
        where = f"vedtak nr. {number}"
        valid_from = _date(item["from"], where)
        valid_to = _date(item["to"], where) if item.get("to") else None
        if valid_to is not None and valid_to < valid_from:
            raise ShiftFileError(f"{where}: «to» ({valid_to}) er før «from» ({valid_from})")
        result.append(Vedtak(None, None, float(item["hours_per_week"]), valid_from, valid_to,
                             reference=item.get("reference", "")))
    return tuple(result)


def _shift(index: int, raw: dict, tz: ZoneInfo, known: set[str] | None) -> Shift:
    label = _shift_label(index, raw)
    if known is not None and raw["assistant"] not in known:
        raise ShiftFileError(f"{label}: assistenten «{raw['assistant']}» finnes ikke i «assistants»")
    start = _time(raw["start"], tz, label, "starten")
    end = _time(raw["end"], tz, label, "slutten")
    hours = cal.elapsed_hours(start, end)
    if hours <= 0:
        raise ShiftFileError(f"{label}: slutten {raw['end']} er ikke etter starten {raw['start']}")
    if hours > MAX_SHIFT_HOURS:
        length = f"{hours:g}".replace(".", ",")
        raise ShiftFileError(f"{label}: vakten varer {length} t; en vakt kan vare høyst 7 døgn")
    passive = []
    for number, item in enumerate(raw.get("passive", ()), start=1):
        p_label = f"{label}, passiv periode nr. {number}"
        p_start = _time(item["start"], tz, p_label, "starten")
        p_end = _time(item["end"], tz, p_label, "slutten")
        if p_end.timestamp() <= p_start.timestamp():
            raise ShiftFileError(f"{p_label}: slutten er ikke etter starten")
        if p_start.timestamp() < start.timestamp() or p_end.timestamp() > end.timestamp():
            raise ShiftFileError(f"{p_label}: passiv tid må ligge inne i vakten")
        if passive and p_start.timestamp() < passive[-1].end.timestamp():
            raise ShiftFileError(f"{p_label}: overlapper eller kommer før forrige passive periode")
        passive.append(Interval(p_start, p_end))
    return Shift(
        assistant=raw["assistant"],
        start=start,
        end=end,
        passive=tuple(passive),
        id=raw.get("id", str(index)),
        code=raw.get("code"),
        kind=ShiftKind(raw.get("kind", "planned")),
    )


def parse(data: Any) -> ShiftFile:
    """Validate parsed JSON and build a ShiftFile (raises ShiftFileError)."""
    if not isinstance(data, dict):
        raise ShiftFileError("filen er ikke et JSON-objekt med «format» og «shifts»")
    if "format" in data and data["format"] != FORMAT:
        raise ShiftFileError(f"formatet er «{data['format']}», men bpa forstår bare «{FORMAT}»")
    error = _schema_error(data)
    if error is not None:
        raise ShiftFileError(_schema_message(error, data))
    tz_name = data.get("timezone", "Europe/Oslo")
    try:
        tz = ZoneInfo(tz_name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ShiftFileError(f"ukjent tidssone «{tz_name}»") from None
    agreement_name = data.get("agreement", "aml")
    agreement = _agreement(agreement_name)
    assistants = tuple(
        FileAssistant(a["id"], a.get("name", ""), a.get("employment_percent"))
        for a in data.get("assistants", ())
    )
    ids = [a.id for a in assistants]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ShiftFileError(f"assistent-id brukt flere ganger: {', '.join(duplicates)}")
    known = set(ids) if "assistants" in data else None
    shifts = tuple(_shift(i, raw, tz, known) for i, raw in enumerate(data["shifts"]))
    vedtak = _vedtak(data["vedtak"]) if data.get("vedtak") else ()
    full_time = float(data.get("employer", {}).get("full_time_hours", 37.5))
    return ShiftFile(agreement, agreement_name, tz_name, assistants, vedtak, shifts, full_time)


def loads(text: str) -> ShiftFile:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise ShiftFileError(f"filen er ikke gyldig JSON (linje {error.lineno}, kolonne {error.colno})") from None
    return parse(data)


def read_text(path) -> str:
    """A shift file's text from a path ("-" reads standard input); ShiftFileError says why not."""
    import sys
    from pathlib import Path

    try:
        if str(path) == "-":
            return sys.stdin.read()
        return Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise ShiftFileError(f"finner ikke filen {path}") from None
    except UnicodeDecodeError:
        raise ShiftFileError(f"{path} er ikke UTF-8-tekst") from None
    except OSError as error:
        raise ShiftFileError(f"kan ikke lese {path}: {error.strerror}") from None


def load(path) -> ShiftFile:
    """Read a shift file from a path ("-" reads standard input)."""
    return loads(read_text(path))
