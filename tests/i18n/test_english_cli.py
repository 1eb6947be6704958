"""With --lang en (or BPA_LANG=en) `bpa` speaks English: findings, help and messages; without,
bokmål (the `bpa check` contract: `message` is Norwegian bokmål by default)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys

import pytest

from bpa_desktop import i18n

REST = {
    "format": "bpa-shifts/1", "timezone": "Europe/Oslo", "agreement": "aml",
    "assistants": [{"id": "a1", "name": "Kari", "employment_percent": 60}],
    "shifts": [
        {"assistant": "a1", "start": "2026-03-02T14:00", "end": "2026-03-02T22:00"},
        {"assistant": "a1", "start": "2026-03-03T07:00", "end": "2026-03-03T15:00"},
        {"assistant": "a1", "start": "2026-03-07T08:00", "end": "2026-03-07T22:30"},  # 14.5 h
        {"assistant": "a1", "start": "2026-03-08T08:00", "end": "2026-03-08T16:00"},  # Sunday
        {"assistant": "a1", "start": "2026-03-15T08:00", "end": "2026-03-15T16:00"},  # next Sunday
    ],
}
#: words that only a Norwegian text has
NORWEGIAN = re.compile(r"[æøåÆØÅ]|\b(og|ikke|har|vakt\w*|hvile|loven|krever|uke|timer|bruk|valg|mars)\b")


def bpa(*argv: str, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bpa_desktop.cli", *argv], capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=120)


@pytest.fixture
def shift_file(tmp_path):
    path = tmp_path / "shifts.json"
    path.write_text(json.dumps(REST), encoding="utf-8")
    return str(path)


def test_findings_are_bokmal_by_default_and_english_with_lang_en(shift_file):
    nb = json.loads(bpa("check", shift_file).stdout)["findings"]
    en = json.loads(bpa("check", "--lang", "en", shift_file).stdout)["findings"]
    assert [f["rule"] for f in nb] == [f["rule"] for f in en] and len(en) >= 3
    assert {f["rule"] for f in en} >= {"daily-rest", "daily-hours", "sunday-work"}
    rest_nb = next(f for f in nb if f["rule"] == "daily-rest")
    rest_en = next(f for f in en if f["rule"] == "daily-rest")
    assert rest_nb["message"] == "Kari har 9 t hvile mellom vaktene 2. og 3. mars; loven krever 11 t"
    assert rest_en["message"] == "Kari has 9 h of rest between the shifts on 2 and 3 March; the law requires 11 h"
    for finding in en:
        assert not NORWEGIAN.search(finding["message"].replace("Kari", "")), finding["message"]


def test_bpa_lang_in_the_environment_does_the_same(shift_file):
    en = json.loads(bpa("check", shift_file, env={"BPA_LANG": "en"}).stdout)["findings"]
    assert all(not NORWEGIAN.search(f["message"].replace("Kari", "")) for f in en)


@pytest.mark.parametrize("argv", [["--help"], ["check", "--help"], ["export", "timesheet", "--help"],
                                  ["sync", "push", "--help"], ["receiver", "serve", "--help"]])
def test_help_is_all_english_or_all_bokmal(argv):
    english = bpa("--lang", "en", *argv).stdout
    bokmal = bpa(*argv).stdout
    assert english.startswith("usage: ") and "options:" in english
    assert not NORWEGIAN.search(english), english
    assert bokmal.startswith("bruk: ") and "valg:" in bokmal
    assert "show this help" not in bokmal and "options" not in bokmal and "version number" not in bokmal


def test_the_desktop_app_help_is_all_english_or_all_bokmal():
    def desktop(*argv: str) -> str:
        return subprocess.run([sys.executable, "-m", "bpa_desktop", *argv], capture_output=True, text=True,
                              timeout=120).stdout

    english, bokmal = desktop("--lang", "en", "--help"), desktop("--help")
    assert english.startswith("usage: bpa-desktop") and not NORWEGIAN.search(english), english
    assert bokmal.startswith("bruk: bpa-desktop") and "valg:" in bokmal
    assert "show " not in bokmal and "options" not in bokmal, bokmal


def test_an_input_error_is_in_the_chosen_language(tmp_path):
    missing = str(tmp_path / "none.sqlite")
    assert bpa("export", "rota", "--db", missing, "--out", "x.json", "--format", "json").stderr.strip() == f"bpa: fant ikke databasen {missing}"
    assert bpa("--lang", "en", "export", "rota", "--db", missing, "--out", "x.json", "--format", "json").stderr.strip() == (
        f"bpa: database {missing} not found")
    refused = bpa("--lang", "en", "check").stderr
    assert "the following arguments are required: file" in refused


def test_every_finding_text_has_english_without_norwegian_words():
    """All findings.* entries: the English has no Norwegian word (names and law titles aside)."""
    for key, entry in i18n.entries().items():
        if key.startswith("findings.") and "reference" not in key and "basis" not in key:
            for text in i18n.texts_of(entry, "en"):
                assert not NORWEGIAN.search(text), (key, text)
