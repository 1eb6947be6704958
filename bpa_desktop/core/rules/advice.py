"""A rule's short name ("døgnhvile") and what to do about a breach of it, one sentence per
rule id (findings.rule_name.* and findings.what_to_do.* in the catalogue)."""

from __future__ import annotations

from bpa_desktop.i18n import t

RULE_NAME_KEYS = {
    "overlap": "findings.rule_name.overlap",
    "daily-rest": "findings.rule_name.daily_rest",
    "weekly-rest": "findings.rule_name.weekly_rest",
    "daily-hours": "findings.rule_name.daily_hours",
    "weekly-hours": "findings.rule_name.weekly_hours",
    "average-hours": "findings.rule_name.average_hours",
    "overtime": "findings.rule_name.overtime",
    "sunday-work": "findings.rule_name.sunday_work",
    "night-work": "findings.rule_name.night_work",
    "contract-hours": "findings.rule_name.contract_hours",
    "vedtak-hours": "findings.rule_name.vedtak_hours",
}

WHAT_TO_DO_KEYS = {
    "overlap": "findings.what_to_do.overlap",
    "daily-rest": "findings.what_to_do.daily_rest",
    "weekly-rest": "findings.what_to_do.weekly_rest",
    "daily-hours": "findings.what_to_do.daily_hours",
    "weekly-hours": "findings.what_to_do.weekly_hours",
    "average-hours": "findings.what_to_do.average_hours",
    "overtime": "findings.what_to_do.overtime",
    "sunday-work": "findings.what_to_do.sunday_work",
    "night-work": "findings.what_to_do.night_work",
    "contract-hours": "findings.what_to_do.contract_hours",
    "vedtak-hours": "findings.what_to_do.vedtak_hours",
}


def rule_name(rule: str) -> str:
    """"døgnhvile" / "daily rest"; an unknown id as it is."""
    key = RULE_NAME_KEYS.get(rule)
    return t(key) if key else rule


def what_to_do(rule: str) -> str:
    """One sentence: what the person planning can change; "" for an unknown id."""
    key = WHAT_TO_DO_KEYS.get(rule)
    return t(key) if key else ""
