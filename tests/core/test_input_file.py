"""The input boundary (core/input_file.py): strict JSON, the depth check, values in messages."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bpa_desktop.core import input_file
from bpa_desktop.core.input_file import (
    InputError,
    nesting_depth,
    one_line,
    parse_json,
    shown,
)

# JSON values whose strings are full of brackets, quotes and backslashes: what could fool
# the depth check that runs before the parser.
tricky_text = st.text(alphabet=st.sampled_from('[]{}"\\ab\n\u00e6'), max_size=12)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10**6, 10**6) | tricky_text,
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(tricky_text, inner, max_size=4),
    max_leaves=30,
)


def _depth(value) -> int:
    if isinstance(value, list):
        return 1 + max(map(_depth, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(_depth, value.values()), default=0)
    return 0


@settings(max_examples=300, deadline=None)
@given(json_values, st.booleans())
def test_nesting_depth_counts_only_brackets_outside_strings(value, ascii_only):
    text = json.dumps(value, ensure_ascii=ascii_only, indent=None if ascii_only else 1)
    assert nesting_depth(text) == _depth(value)


@settings(max_examples=300, deadline=None)
@given(json_values)
def test_what_json_can_write_the_reader_reads_back(value):
    if _depth(value) <= input_file.MAX_DEPTH:
        assert parse_json(json.dumps(value)) == value


def test_depth_limit_is_checked_before_parsing():
    parse_json("[" * input_file.MAX_DEPTH + "]" * input_file.MAX_DEPTH)
    with pytest.raises(InputError, match="nøstet 33 nivåer dypt; bpa godtar høyst 32"):
        parse_json("[" * 33 + "]" * 33)


@pytest.mark.parametrize("text, reason", [
    ('{"a": NaN}', "NaN"),
    ('[Infinity]', "Infinity"),
    ('[-Infinity]', "-Infinity"),
    ('[1e400]', "for stort"),
    ('[-1e400]', "for stort"),
    ('[' + "1" * 19 + ']', "19 sifre"),
    ('[-' + "1" * 19 + ']', "19 sifre"),
    ('[0.' + "1" * 50 + ']', "52 tegn"),
    ('{"a": 1, "b": {"c": 1, "c": 2}}', "«c» står to ganger"),
    ('["\\udc00"]', "enslig surrogat"),
    ('{"\\ud800x": 1}', "enslig surrogat"),
    ('{"a": 1', "ikke gyldig JSON (linje 1, kolonne 8)"),
])
def test_refused(text, reason):
    with pytest.raises(InputError, match=reason.replace("(", r"\(").replace(")", r"\)")):
        parse_json(text)


def test_largest_allowed_integer_and_a_surrogate_pair():
    assert parse_json('[' + "9" * 18 + ', "\\ud83d\\ude00"]') == [10**18 - 1, "\U0001F600"]


def test_one_line_escapes_every_line_break_and_control_character():
    assert one_line("a\nb\r\tc\u2028d\x00\udc80") == "a\\nb\\r\\tc\\u2028d\\u0000\\udc80"
    assert shown("x" * 100) == "x" * 59 + "…"


def test_decode_allows_a_byte_order_mark_and_names_the_bad_byte():
    assert input_file.decode(b"\xef\xbb\xbf[1]", "f") == "[1]"
    with pytest.raises(InputError, match=r"f er ikke gyldig UTF-8-tekst \(byte 7, linje 2\)"):
        input_file.decode(b'[1,\n "\xff"]', "f")


def test_read_bytes_reads_a_regular_file_and_refuses_growth(tmp_path):
    path = tmp_path / "a.json"
    path.write_bytes(b"x" * 100)
    assert input_file.read_bytes(path, limit=100) == b"x" * 100
    with pytest.raises(InputError, match="bpa leser høyst"):
        input_file.read_bytes(path, limit=99)
