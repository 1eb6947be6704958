"""The one catalogue (resources/catalogue): every entry in both languages with the same
parameters, every key the code uses exists, every entry is used, every tr() string has bokmål."""

from __future__ import annotations

import re

from bpa_desktop import i18n
from tests.i18n import catalogue_scan as scan

TREES = scan.sources()
BY_FILE = scan.entries_by_file()
ALL = {key: entry for flat in BY_FILE.values() for key, entry in flat.items()}
QT_PLACEHOLDER = re.compile(r"%\d")
#: Keys the code builds from a value (one family each, with the place that builds it).
DYNAMIC_FAMILIES = (
    "format.",  # bpa_desktop/text_format.py reads its words and patterns by name
    "weekday_", "plan_rule_", "plan_preset_",  # bpa_desktop/planner/reasons.py: f"weekday_{n}", f"plan_{name}_{value}"
    "plan_help_",  # bpa_desktop/planner/explain.py: a reason's key with plan_help_ for plan_reason_
)


def test_the_loader_reads_every_file_once_and_no_key_twice():
    assert len(i18n.entries()) == sum(len(flat) for flat in BY_FILE.values()) == len(ALL)


def _problems(key: str, entry: dict) -> list[str]:
    if set(entry) != {"nb", "en"}:
        return [f"{key}: has {sorted(entry)}, needs nb and en"]
    problems = []
    for language in i18n.LANGUAGES:
        value = entry[language]
        if isinstance(value, dict) and set(value) != {"one", "other"}:
            problems.append(f"{key}: {language} has {sorted(value)}, a plural needs one and other")
        texts = list(i18n.texts_of(entry, language))
        if not texts or not all(isinstance(text, str) and text != "" for text in texts):
            problems.append(f"{key}: {language} is empty")
    if problems:
        return problems
    nb = set().union(*(i18n.fields(text) for text in i18n.texts_of(entry, "nb")))
    en = set().union(*(i18n.fields(text) for text in i18n.texts_of(entry, "en")))
    if nb != en:
        problems.append(f"{key}: nb has {sorted(nb)}, en has {sorted(en)}")
    qt_nb = {p for text in i18n.texts_of(entry, "nb") for p in QT_PLACEHOLDER.findall(text)}
    qt_en = {p for text in i18n.texts_of(entry, "en") for p in QT_PLACEHOLDER.findall(text)}
    if qt_nb != qt_en:
        problems.append(f"{key}: nb has {sorted(qt_nb)}, en has {sorted(qt_en)}")
    # a mnemonic in one language and not the other is a missing Alt key
    if key.startswith("ui.") and ("&" in entry["nb"].replace("&&", "")) != ("&" in entry["en"].replace("&&", "")):
        problems.append(f"{key}: an & (Alt key) in one language only")
    return problems


def test_every_entry_has_both_languages_with_the_same_parameters():
    assert [problem for key, entry in sorted(ALL.items()) for problem in _problems(key, entry)] == []


def test_the_entry_check_catches_what_it_checks():
    assert _problems("x", {"nb": "Hei {name}"}) == ["x: has ['nb'], needs nb and en"]
    assert _problems("x", {"nb": "Hei {name}", "en": ""}) == ["x: en is empty"]
    assert _problems("x", {"nb": "Hei {name}", "en": "Hi {person}"}) == ["x: nb has ['name'], en has ['person']"]
    assert _problems("x", {"nb": {"one": "1 vakt", "other": "{count} vakter"},
                           "en": {"one": "1 shift", "other": "{count} shifts"}}) == []
    assert _problems("ui.C.k", {"nb": "&Lagre", "en": "Save"}) == ["ui.C.k: an & (Alt key) in one language only"]


def test_every_key_the_code_uses_exists():
    used = {**scan.keys_used(TREES), **scan.template_keys()}
    missing = {key: where for key, where in used.items() if key not in ALL}
    assert missing == {}


def test_every_entry_is_used():
    literals = scan.string_constants(TREES) | set(scan.template_keys())
    tr_used = {(context, source) for context, source, _ in scan.tr_calls(TREES)}
    unused = []
    for name, flat in BY_FILE.items():
        for key, entry in flat.items():
            if name == scan.QT_OWN_FILE or key.startswith(DYNAMIC_FAMILIES):
                continue
            if key.startswith("ui."):
                context = key[3:].rpartition(".")[0]
                if (context, entry["en"]) not in tr_used:
                    unused.append(key)
            elif key not in literals:
                unused.append(key)
    assert unused == []


def test_every_tr_string_in_the_ui_has_its_bokmal():
    known = {(key[3:].rpartition(".")[0], entry["en"]) for key, entry in ALL.items() if key.startswith("ui.")}
    missing = sorted({(context, source, where) for context, source, where in scan.tr_calls(TREES)
                      if (context, source) not in known})
    assert missing == [], "add these to resources/catalogue/ui.json (nb and en)"


def test_the_scan_finds_tr_strings_and_keys():
    """The checks above see what they check: a known tr() and a known key."""
    assert ("ApprovalsPanel", "Rota version") in {(c, s) for c, s, _ in scan.tr_calls(TREES)}
    assert "timesheet_locked" in scan.keys_used(TREES)
    assert "receiver.page.log_in" in scan.template_keys()


def test_fields_are_the_named_parameters():
    assert i18n.fields("{name} har {hours} t") == {"name", "hours"}
    assert i18n.fields("{count:d} vakter, {when.year}") == {"count", "when"}
