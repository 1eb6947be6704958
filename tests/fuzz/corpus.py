"""The fuzz corpus, generated at test time: seed shift files and hostile values, and the
hypothesis strategies that mutate one into the other.

Hostile values are those the hardening issue found (2,393 tries) and their neighbours:
NaN and Infinity, integers past Python's 4,300 digits, years 0001/2101/9999, times in the
spring gap, 24:00, lone surrogates, control characters and line breaks, HTML, long strings,
absurd time zones, deep nesting, duplicate keys, invalid UTF-8 and a byte-order mark.
"""

from __future__ import annotations

import json
import random

from hypothesis import strategies as st

SEEDS: list[dict] = [
    {
        "format": "bpa-shifts/1",
        "agreement": "ks",
        "assistants": [{"id": "a1", "name": "Kari", "employment_percent": 60}],
        "vedtak": {"hours_per_week": 40, "from": "2026-01-01"},
        "shifts": [
            {"assistant": "a1", "start": "2026-03-28T22:00", "end": "2026-03-29T08:00",
             "passive": [{"start": "2026-03-29T00:00", "end": "2026-03-29T06:00"}]},
            {"assistant": "a1", "start": "2026-03-30T08:00", "end": "2026-03-30T16:00", "kind": "overtime"},
        ],
    },
    {
        "format": "bpa-shifts/1",
        "timezone": "Europe/Oslo",
        "agreement": "aml",
        "employer": {"full_time_hours": 37.5},
        "vedtak": [{"hours_per_week": 20, "from": "2026-10-01", "to": "2026-10-31", "reference": "x"}],
        "shifts": [
            {"id": "s1", "assistant": "b", "start": "2026-10-24T22:00", "end": "2026-10-25T08:00", "code": "N"},
            {"id": "s2", "assistant": "c", "start": "2026-10-25T02:30+01:00", "end": "2026-10-25T09:00"},
            {"assistant": "b", "start": "2026-12-24T08:00", "end": "2026-12-24T20:00", "kind": "substitute"},
        ],
    },
    {"format": "bpa-shifts/1", "agreement": "virke", "timezone": "UTC", "shifts": [
        {"assistant": "x", "start": "2028-02-29T23:00Z", "end": "2028-03-01T07:00Z"}]},
]

HOSTILE_TEXTS = [
    "", " ", "\n", "x" * 10_000, "2026-03-02T08:00\n", "2026-03-29T02:30", "2026-13-45T25:61",
    "0001-01-01T00:00", "9999-12-31T23:59+14:00", "2101-04-17T08:00", "2199-12-31T24:00", "2026-03-02T24:00",
    "<h1 style=\"color:red\">GODKJENT</h1><img src=\"file:///etc/passwd\">", "\u202eevil", "\u0000", "\udcff",
    "Europe/" + "x" * 10_000, "../../etc/passwd", "Europe/Oslo\n", "ks\r\n", "planned ", "😀", "٢٠٢٦-٠٣-٠٢T08:00",
]
HOSTILE_NUMBERS = ["NaN", "Infinity", "-Infinity", "1e999", "-1e999", "1e-400", "-0", "0", "9" * 5000,
                   "-" + "9" * 40, "1" * 19, "123456789012345678", "0.0000000000000000000001", "168", "168.0001",
                   "true", "null", "[]", "{}"]
RAW_HOSTILE = ['"\\ud800"', '"\\udfff\\ud800"', '"a\\u0000b"', '[' * 40 + ']' * 40, '{"a":1,"a":2}',
               '"\\u2028"', '"' + "\\\\" * 50 + '"']


def _paths(value, prefix=()):
    """Every path into a JSON value (lists by index, objects by key)."""
    yield prefix
    if isinstance(value, dict):
        for key, item in value.items():
            yield from _paths(item, (*prefix, key))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _paths(item, (*prefix, index))


_MARK = "\u2603FUZZ\u2603"


def _replace_at(document, path, marker):
    copy = json.loads(json.dumps(document))
    if not path:
        return marker
    target = copy
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = marker
    return copy


@st.composite
def structured_text(draw, seeds=SEEDS) -> str:
    """A seed with one to three values replaced by hostile text, numbers or raw JSON."""
    document = json.loads(json.dumps(draw(st.sampled_from(seeds))))
    raws = []
    for number in range(draw(st.integers(1, 3))):
        path = draw(st.sampled_from(list(_paths(document))))
        raw = draw(st.one_of(
            st.sampled_from(HOSTILE_TEXTS).map(lambda t: json.dumps(t, ensure_ascii=draw(st.booleans()))),
            st.sampled_from(HOSTILE_NUMBERS),
            st.sampled_from(RAW_HOSTILE),
            st.text(max_size=30).map(json.dumps),
            st.integers(-10**20, 10**20).map(str),
            st.floats(allow_nan=False, allow_infinity=False).map(repr),
        ))
        document = _replace_at(document, path, f"{_MARK}{number}")
        raws.append(raw)
    text = json.dumps(document, ensure_ascii=False)
    for number, raw in enumerate(raws):
        text = text.replace(json.dumps(f"{_MARK}{number}", ensure_ascii=False), raw, 1)
    return text


@st.composite
def mutated_bytes(draw, seeds=SEEDS) -> bytes:
    """A seed's bytes after random byte-level edits: flips, inserts, deletes, truncation,
    invalid UTF-8, a byte-order mark, a duplicated stretch."""
    data = bytearray(json.dumps(draw(st.sampled_from(seeds)), ensure_ascii=draw(st.booleans())).encode("utf-8"))
    rng = random.Random(draw(st.integers(0, 2**32 - 1)))
    for _ in range(draw(st.integers(1, 6))):
        if not data:
            break
        at = rng.randrange(len(data))
        operation = rng.randrange(7)
        if operation == 0:
            data[at] = rng.randrange(256)
        elif operation == 1:
            data[at:at] = rng.choice([b"\xff", b"\xc3\x28", b"\xed\xa0\x80", b"\x00", b"NaN", b"[", b"{", b'"',
                                      b"\\", b"\\u", b"\n", b"1e999", b"9" * 400])
        elif operation == 2:
            del data[at:at + rng.randrange(1, 20)]
        elif operation == 3:
            del data[at:]
        elif operation == 4:
            data[0:0] = b"\xef\xbb\xbf"
        elif operation == 5:
            span = data[at:at + rng.randrange(1, 60)]
            data[at:at] = span
        else:
            data[at:at] = b'"' + "é".encode() * rng.randrange(1, 5)
    return bytes(data)


def hostile_file_bytes():
    """Any of the above, as the bytes of a file."""
    return st.one_of(structured_text().map(lambda t: t.encode("utf-8", "surrogatepass")), mutated_bytes())
