"""The boundary every file from outside crosses before it is believed: bytes, text, JSON.

``read_text`` takes a path (or ``-`` for standard input) and gives text, or raises
``InputError`` with one line in the current language (bokmål by default): only a regular file is opened for reading (a FIFO,
a device or a folder is refused without blocking on it), at most ``MAX_BYTES`` are read, and
the bytes must be valid UTF-8 (standard input too: nothing undecodable travels on).

``parse_json`` is the standard library's C parser with its hooks set strict: no ``NaN`` or
``Infinity`` (nor a number so large it becomes one), no key twice in one object, integers of
at most ``MAX_INT_DIGITS`` digits (Python's own limit of 4,300 digits raised a bare
ValueError), nesting at most ``MAX_DEPTH`` deep (checked before parsing, so a file nested
100,000 deep is refused in milliseconds, not by a RecursionError), and no lone surrogate
(``"\\ud800"``) in any string, since such a string cannot be written out again as UTF-8.
No hand-written parser: the hooks cover all of it, and the C parser reads 200,000 shifts
in a quarter of a second.

``shown`` renders a value from a file for a message: control characters escaped (a value
with a newline cannot split the message into two lines) and cut to a readable length.
"""

from __future__ import annotations

import errno
import json
import os
import re
import stat
import sys
from itertools import accumulate
from pathlib import Path
from typing import Any

from bpa_desktop.i18n import t

MAX_BYTES = 64 * 1024 * 1024  # 200,000 shifts are about 16 MB
MAX_DEPTH = 32  # a shift file is 5 deep; room for the extra keys the schema allows
MAX_INT_DIGITS = 18
MAX_NUMBER_CHARS = 40
SHOWN_CHARS = 60


class InputError(ValueError):
    """The input cannot be used; the message (one line, current language) says which file and why."""


# --- a value in a message ------------------------------------------------------------------

_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")


def _escape(match: re.Match) -> str:
    char = match.group()
    return {"\n": "\\n", "\r": "\\r", "\t": "\\t"}.get(char, f"\\u{ord(char):04x}")


def one_line(text: str) -> str:
    """``text`` with every control character, line separator and lone surrogate escaped."""
    return _CONTROL.sub(_escape, text)


def shown(value: object, limit: int = SHOWN_CHARS) -> str:
    """A value from outside as it appears in a message: one line, at most ``limit`` chars."""
    text = one_line(value if isinstance(value, str) else str(value))
    return text if len(text) <= limit else text[: limit - 1] + "…"


# --- bytes and text ------------------------------------------------------------------------

#: errno -> the catalogue entry that says it (with the file's {path})
_OS_REASONS = {
    errno.ENOENT: "core.file.not_found",
    errno.EACCES: "core.file.no_permission",
    errno.EPERM: "core.file.no_permission",
    errno.ENAMETOOLONG: "core.file.name_too_long",
    errno.ELOOP: "core.file.link_loop",
    errno.ENOTDIR: "core.file.not_a_folder",
    errno.EIO: "core.file.disk_error",
}


def _os_message(path: str, error: OSError) -> str:
    key = _OS_REASONS.get(error.errno or 0)
    if key is None:
        name = errno.errorcode.get(error.errno or 0) or t("core.file.unknown_error")
        return t("core.file.cannot_read", path=path, reason=name)
    return t(key, path=path)


def _too_large(path: str, size: int | None) -> InputError:
    limit = MAX_BYTES // (1024 * 1024)
    if size is None:
        return InputError(t("core.file.too_large", path=path, limit=limit))
    return InputError(t("core.file.too_large_size", path=path, size=f"{size / (1024 * 1024):.0f}", limit=limit))


def read_bytes(path: str | Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of the regular file at ``path`` ("-": standard input), at most ``limit``."""
    if str(path) == "-":
        data = sys.stdin.buffer.read(limit + 1)
        if len(data) > limit:
            raise _too_large(t("core.file.stdin"), None)
        return data
    name = shown(path, 200)
    try:
        # O_NONBLOCK: opening a FIFO must not wait for a writer; fstat then refuses it.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0))
    except OSError as error:
        raise InputError(_os_message(name, error)) from None
    except ValueError:  # a NUL byte in the path
        raise InputError(t("core.file.bad_name", path=name)) from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(t("core.file.is_folder", path=name))
        if not stat.S_ISREG(info.st_mode):
            raise InputError(t("core.file.not_regular", path=name))
        if info.st_size > limit:
            raise _too_large(name, info.st_size)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        chunks, total = [], 0
        while total <= limit:
            chunk = os.read(fd, min(1 << 20, limit + 1 - total))
            if not chunk:
                break
            chunks.append(chunk)
            total += len(chunk)
    except OSError as error:
        raise InputError(_os_message(name, error)) from None
    finally:
        os.close(fd)
    if total > limit:  # it grew while we read
        raise _too_large(name, None)
    return b"".join(chunks)


def decode(data: bytes, source: str) -> str:
    """Strict UTF-8 (a byte-order mark is allowed and dropped)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise InputError(t("core.file.not_utf8", source=source, byte=error.start + 1, line=line)) from None


def read_text(path: str | Path, limit: int = MAX_BYTES) -> str:
    source = t("core.file.stdin") if str(path) == "-" else shown(path, 200)
    return decode(read_bytes(path, limit), source)


# --- strict JSON ---------------------------------------------------------------------------

_STEP = [0] * 256
_STEP[ord("[")] = _STEP[ord("{")] = 1
_STEP[ord("]")] = _STEP[ord("}")] = -1
_NOT_STRUCTURE = bytes(b for b in range(256) if b not in b'[]{}"')


def _skeleton(text: str) -> bytes:
    """The brackets of ``text`` that lie outside strings, in order (bytes operations at C
    speed: a 200,000-shift file takes about 30 ms)."""
    data = text.encode("utf-8", "surrogatepass")
    data = data.replace(b"\\\\", b"").replace(b'\\"', b"")  # now every '"' delimits a string
    structure = data.translate(None, _NOT_STRUCTURE)
    # Two quotes in a row enclose no bracket, inside or outside a string: dropping them keeps
    # the parity of every other quote, and leaves few strings to split on.
    structure = structure.replace(b'""', b"")
    return b"".join(structure.split(b'"')[::2])


def nesting_depth(text: str) -> int:
    """How deep arrays and objects nest in ``text`` (for valid JSON; any text gives a number)."""
    return max(accumulate(map(_STEP.__getitem__, _skeleton(text))), default=0)


def _no_constant(name: str):
    raise InputError(t("core.file.json_constant", name=name))


def _integer(digits: str) -> int:
    if len(digits.lstrip("-")) > MAX_INT_DIGITS:
        raise InputError(t("core.file.json_integer", digits=len(digits.lstrip("-")), limit=MAX_INT_DIGITS))
    return int(digits)


def _number(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise InputError(t("core.file.json_number_chars", chars=len(text), limit=MAX_NUMBER_CHARS))
    value = float(text)
    if value in (float("inf"), float("-inf")):
        raise InputError(t("core.file.json_number_large", number=shown(text)))
    return value


def _object(pairs: list[tuple[str, Any]]) -> dict:
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise InputError(t("core.file.json_duplicate_key", key=shown(key)))
            seen.add(key)
    return result


_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")


def _lone_surrogate(value: Any) -> str | None:
    """The first string (key or value) inside ``value`` that holds a lone surrogate."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            try:
                item.encode("utf-8")
            except UnicodeEncodeError:
                return item
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return None


def parse_json(text: str, max_depth: int = MAX_DEPTH) -> Any:
    """``text`` as JSON under the rules in the module text; raises InputError."""
    depth = nesting_depth(text)
    if depth > max_depth:
        raise InputError(t("core.file.json_depth", depth=depth, limit=max_depth))
    try:
        data = json.loads(
            text,
            object_pairs_hook=_object,
            parse_constant=_no_constant,
            parse_int=_integer,
            parse_float=_number,
        )
    except json.JSONDecodeError as error:
        raise InputError(t("core.file.json_invalid", line=error.lineno, column=error.colno)) from None
    except RecursionError:  # the depth check above should make this impossible
        raise InputError(t("core.file.json_too_deep")) from None
    if _SURROGATE_ESCAPE.search(text):
        bad = _lone_surrogate(data)
        if bad is not None:
            raise InputError(t("core.file.json_surrogate", text=shown(bad)))
    return data
