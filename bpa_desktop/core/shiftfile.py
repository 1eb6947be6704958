"""Read and validate a ``bpa-shifts/1`` file (contract, docs/architecture.md) into a ShiftFile.

Structure is checked against the JSON schema shipped in ``bpa_desktop/schemas``; the meaning
(times that exist, end after start, known assistants and agreement, passive time inside the
shift, at most 7 days) is checked here. Every problem raises ``ShiftFileError`` with one line
(core.shifts.* in the catalogue, bokmål unless another language is chosen) that names the shift
(number, JSON index and assistant) and says why.

Agreement names are the docs/domain.md presets; the tariff names ``ks``, ``virke``, ``nho`` and
``spekter`` are accepted as the ``tariff`` preset (the contract's example uses "ks"); any other
name is an input error. ``employer.full_time_hours`` (37.5 or 40) is the employer's full-time
week for ``contract-hours``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from importlib import resources
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bpa_desktop.core import calendar as cal
from bpa_desktop.core import input_file
from bpa_desktop.core.input_file import InputError, shown
from bpa_desktop.core.model import (
    TARIFF_NAMES,
    Agreement,
    Interval,
    Shift,
    ShiftKind,
    Vedtak,
)
from bpa_desktop.i18n import t

FORMAT = "bpa-shifts/1"
MAX_SHIFT_HOURS = 7 * 24



class ShiftFileError(InputError):
    """The file cannot be read; the message says where and why (one line, current language)."""


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
def _fast_validator():
    """A compiled validator (jsonschema-rs): valid or not in about 1 ms for a year of shifts
    instead of half a second, and where the first problem is; None when not installed."""
    try:
        import jsonschema_rs
    except ImportError:
        return None
    return jsonschema_rs.validator_for(schema())


@dataclass(frozen=True)
class _Problem:
    """One schema error, from either validator."""

    path: list
    validator: str
    validator_value: Any
    instance: Any
    message: str


def _python_problem(data, index_of: dict[str, int] | None = None) -> _Problem | None:
    errors = sorted(_validator().iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if not errors:
        return None
    error = errors[0]
    path = list(error.absolute_path)
    if index_of and len(path) >= 2 and path[0] in index_of:
        path[1] = index_of[path[0]]
    return _Problem(path, error.validator, error.validator_value, error.instance, error.message)


def _schema_error(data) -> _Problem | None:
    """The first schema error (by path), or None when ``data`` is valid.

    jsonschema (Python) explains an error best but needs seconds for 200,000 shifts, so it
    sees only the list item jsonschema-rs found at fault. Where the two disagree (Python's
    ``$`` also matches before a final newline) the compiled validator's verdict stands."""
    fast = _fast_validator()
    if fast is None:
        return _python_problem(data)
    if fast.is_valid(data):
        return None
    first = min(fast.iter_errors(data), key=lambda e: list(map(str, e.instance_path)))
    path = list(first.instance_path)
    reduced, index_of = data, None
    if len(path) >= 2 and path[0] in ("shifts", "assistants") and isinstance(path[1], int):
        reduced = {**data, path[0]: [data[path[0]][path[1]]]}
        index_of = {path[0]: path[1]}
    problem = _python_problem(reduced, index_of)
    if problem is not None:
        return problem
    kind = first.kind
    return _Problem(path, getattr(kind, "name", ""), getattr(kind, "value", None), first.instance, first.message)


def _where(path, data) -> str:
    """Where a JSON path is, in words, naming the shift when the path is inside one."""
    parts = list(path)
    if len(parts) >= 2 and parts[0] == "shifts" and isinstance(parts[1], int):
        index = parts[1]
        shift = data["shifts"][index]
        assistant = shift.get("assistant") if isinstance(shift, dict) else None
        if isinstance(assistant, str):
            where = t("core.shifts.shift_where_of", number=index + 1, index=index, assistant=shown(assistant))
        else:
            where = t("core.shifts.shift_where", number=index + 1, index=index)
        rest = shown(".".join(str(p) for p in parts[2:]))
        return t("core.shifts.in_field", where=where, field=rest) if rest else where
    if not parts:
        return t("core.shifts.the_file")
    return t("core.shifts.field", field=shown(".".join(str(p) for p in parts)))


def _schema_message(error: _Problem, data) -> str:
    where = _where(error.path, data)
    validator = error.validator
    if validator == "required":
        missing = [name for name in error.validator_value or () if name not in error.instance]
        return t("core.shifts.missing", where=where, names=", ".join("«" + shown(m) + "»" for m in missing))
    if validator == "const" and list(error.path) == ["format"]:
        return t("core.shifts.format_only", format=shown(error.instance), expected=FORMAT)
    if validator == "pattern":
        return t("core.shifts.bad_time_pattern", where=where, value=shown(error.instance))
    if validator == "type":
        return t("core.shifts.wrong_type", where=where, expected=error.validator_value)
    if validator == "enum":
        return t("core.shifts.not_one_of", where=where, value=shown(error.instance),
                 choices=", ".join(map(str, error.validator_value)))
    if validator in ("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum"):
        return t("core.shifts.out_of_range", where=where, value=shown(error.instance))
    return t("core.shifts.invalid_value", where=where, detail=shown(error.message))


def _shift_label(index: int, raw: dict) -> str:
    return t("core.shifts.shift_where_of", number=index + 1, index=index, assistant=shown(raw.get("assistant")))


def _time(text: str, tz: ZoneInfo, index: int, raw: dict, field: str, passive: int | None = None) -> datetime:
    try:
        return cal.parse_wall_time(text, tz)
    except ValueError as error:
        # The label is made only for a message: 400,000 texts cost a third of a second.
        label = _shift_label(index, raw)
        if passive:
            label = t("core.shifts.passive_where", where=label, number=passive)
        field = t(field)
        if isinstance(error, cal.NonexistentTimeError):
            reason = t("core.shifts.time_gap", field=field, text=shown(text), zone=tz.key)
        elif isinstance(error, cal.OutOfRangeError):
            reason = f"{field} {shown(text)}: {error}"
        else:
            reason = t("core.shifts.bad_time", field=field, text=shown(text))
        raise ShiftFileError(f"{label}: {reason}") from None


def parse_date(text: str, where: str) -> date:
    """A date (ÅÅÅÅ-MM-DD) from a file, inside the calendar's years; ShiftFileError if not."""
    try:
        day = date.fromisoformat(text)
        cal.check_year(day.year)
    except cal.OutOfRangeError as error:
        raise ShiftFileError(f"{where}: {error}") from None
    except (TypeError, ValueError):
        raise ShiftFileError(t("core.shifts.bad_date", where=where, text=shown(text))) from None
    return day


_date = parse_date


def _agreement(name: str) -> Agreement:
    try:
        return Agreement.from_name(name)
    except ValueError:
        known = ", ".join(a.value for a in Agreement)
        raise ShiftFileError(t("core.shifts.unknown_agreement", name=shown(name), known=known,
                               tariffs="/".join(TARIFF_NAMES))) from None


def _vedtak(raw) -> tuple[Vedtak, ...]:
    items = raw if isinstance(raw, list) else [raw]
    result = []
    for number, item in enumerate(items, start=1):
        where = t("core.shifts.vedtak_where", number=number)
        valid_from = _date(item["from"], where)
        valid_to = _date(item["to"], where) if item.get("to") else None
        if valid_to is not None and valid_to < valid_from:
            raise ShiftFileError(t("core.shifts.to_before_from", where=where, end=valid_to, start=valid_from))
        result.append(Vedtak(None, None, float(item["hours_per_week"]), valid_from, valid_to,
                             reference=item.get("reference", "")))
    return tuple(result)


_KINDS = {kind.value: kind for kind in ShiftKind}


class _ShiftReader:
    """Turns the shifts of one file into Shift values.

    Times are read once per distinct text: in a rota one shift's end is the next one's start
    (a handover), so about half the texts of a long file repeat."""

    def __init__(self, tz: ZoneInfo, known: set[str] | None) -> None:
        self.tz = tz
        self.known = known
        self.times: dict[str, tuple[datetime, float]] = {}

    def time(self, text: str, index: int, raw: dict, field: str, passive: int | None = None) -> tuple[datetime, float]:
        """The instant of ``text`` and its POSIX seconds."""
        known = self.times.get(text)
        if known is None:
            instant = _time(text, self.tz, index, raw, field, passive)
            known = self.times[text] = (instant, instant.timestamp())
        return known

    def shift(self, index: int, raw: dict) -> Shift:
        if self.known is not None and raw["assistant"] not in self.known:
            raise ShiftFileError(t("core.shifts.unknown_assistant", where=_shift_label(index, raw),
                                   assistant=shown(raw["assistant"])))
        # the catalogue key of the field's name, looked up only for a message
        start, start_s = self.time(raw["start"], index, raw, "core.shifts.start")
        end, end_s = self.time(raw["end"], index, raw, "core.shifts.end")
        hours = (end_s - start_s) / 3600
        if hours <= 0:
            raise ShiftFileError(t("core.shifts.end_not_after_start", where=_shift_label(index, raw),
                                   end=shown(raw["end"]), start=shown(raw["start"])))
        if hours > MAX_SHIFT_HOURS:
            length = f"{hours:g}".replace(".", t("format.decimal_mark"))
            raise ShiftFileError(t("core.shifts.too_long", where=_shift_label(index, raw), hours=length))
        passive = []
        previous_end = None
        for number, item in enumerate(raw.get("passive", ()), start=1):
            p_start, a = self.time(item["start"], index, raw, "core.shifts.start", number)
            p_end, b = self.time(item["end"], index, raw, "core.shifts.end", number)
            problem = None
            if b <= a:
                problem = "core.shifts.passive_end_not_after_start"
            elif a < start_s or b > end_s:
                problem = "core.shifts.passive_outside"
            elif previous_end is not None and a < previous_end:
                problem = "core.shifts.passive_overlap"
            if problem:
                where = t("core.shifts.passive_where", where=_shift_label(index, raw), number=number)
                raise ShiftFileError(f"{where}: {t(problem)}")
            passive.append(Interval(p_start, p_end))
            previous_end = b
        return Shift(
            assistant=raw["assistant"],
            start=start,
            end=end,
            passive=tuple(passive),
            id=raw.get("id", str(index)),
            code=raw.get("code"),
            kind=_KINDS[raw.get("kind", "planned")],
        )


def parse(data: Any) -> ShiftFile:
    """Validate parsed JSON and build a ShiftFile (raises ShiftFileError)."""
    if not isinstance(data, dict):
        raise ShiftFileError(t("core.shifts.not_object"))
    if "format" in data and data["format"] != FORMAT:
        raise ShiftFileError(t("core.shifts.format_only", format=shown(data["format"]), expected=FORMAT))
    error = _schema_error(data)
    if error is not None:
        raise ShiftFileError(_schema_message(error, data))
    tz_name = data.get("timezone", "Europe/Oslo")
    tz = _zone(tz_name)
    agreement_name = data.get("agreement", "aml")
    agreement = _agreement(agreement_name)
    assistants = tuple(
        FileAssistant(a["id"], a.get("name", ""), a.get("employment_percent"))
        for a in data.get("assistants", ())
    )
    ids = [a.id for a in assistants]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise ShiftFileError(t("core.shifts.duplicate_assistants", ids=", ".join(shown(d) for d in duplicates[:5])))
    known = set(ids) if "assistants" in data else None
    reader = _ShiftReader(tz, known)
    shifts = tuple(reader.shift(i, raw) for i, raw in enumerate(data["shifts"]))
    vedtak = _vedtak(data["vedtak"]) if data.get("vedtak") else ()
    full_time = float(data.get("employer", {}).get("full_time_hours", 37.5))
    return ShiftFile(agreement, agreement_name, tz_name, assistants, vedtak, shifts, full_time)


_ZONE_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_+-]*(/[A-Za-z0-9_+-]+){0,3}")
MAX_ZONE_CHARS = 64  # the longest IANA name is 32 characters


def _zone(name: str) -> ZoneInfo:
    if len(name) > MAX_ZONE_CHARS or not _ZONE_NAME.fullmatch(name):
        raise ShiftFileError(t("core.shifts.unknown_zone_name", name=shown(name)))
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError):
        raise ShiftFileError(t("core.shifts.unknown_zone", name=shown(name))) from None


def document(text: str) -> Any:
    """The JSON of a shift file, read strictly (``core.input_file.parse_json``)."""
    try:
        return input_file.parse_json(text)
    except InputError as error:
        raise ShiftFileError(str(error)) from None


def read_text(path) -> str:
    """A shift file's text from a path ("-" reads standard input): a regular file within the
    size limit, valid UTF-8 (``core.input_file.read_text``); ShiftFileError says why not."""
    try:
        return input_file.read_text(path)
    except InputError as error:
        raise ShiftFileError(str(error)) from None


def loads(text: str) -> ShiftFile:
    return parse(document(text))


def load(path) -> ShiftFile:
    """Read a shift file from a path ("-" reads standard input)."""
    return loads(read_text(path))
