"""Outbox errors kept as a catalogue message (key and parameters), not as a Norwegian sentence.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03

``outbox_submission.last_error_text`` (a bokmål sentence) becomes ``last_error_message``: JSON
``{"key": ..., "params": {...}}`` that the app writes out in the language of the moment it is
shown (bpa_desktop/i18n.py). The column is renamed in place (SQLite's RENAME COLUMN keeps the
table and its triggers). Each stored sentence that one of the app's own texts wrote is turned
back into its key and parameters; any other text (the municipality's words) is kept as it is,
as a plain message, so every old row still reads as before.

Frozen: this file must not import the app's ORM classes, enums or catalogue; the sentences
below are the ones bpa-desktop wrote up to revision 0004.
"""

from __future__ import annotations

import json
import re
from datetime import datetime
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

#: key -> the bokmål text written before this revision ({name} marks a parameter).
OLD_TEXTS = {
    "sync.not_enrolled": "Maskinen er ikke registrert hos kommunen ennå. Registrer den med koden du har fått fra kommunen.",
    "sync.unreachable": "Kommunen svarer ikke",
    "sync.timeout": "Kommunen svarer ikke (ingen svar innen fristen)",
    "sync.server_error": "Kommunens mottak har en feil (HTTP {status})",
    "sync.busy": "Kommunens mottak er opptatt",
    "sync.in_flight": "Timelisten blir allerede behandlet hos kommunen",
    "sync.unexpected": "Uventet svar fra kommunen (HTTP {status})",
    "sync.auth": "Kommunen godtar ikke lenger tilgangen til denne maskinen ({detail}). Registrer maskinen på nytt "
                 "med en ny kode fra kommunen. Ingenting er tapt: timelistene venter og sendes etterpå.",
    "sync.token_missing": "Tilgangsnøkkelen mangler i nøkkelringen. Registrer maskinen på nytt med en ny kode fra kommunen.",
    "sync.key_missing": "Signeringsnøkkelen mangler i nøkkelringen. Registrer maskinen på nytt med en ny kode fra kommunen.",
    "sync.version_conflict": "Timelisten er endret hos kommunen siden denne versjonen ble laget. "
                             "Se begge versjonene og lag en ny rettelse.",
    "sync.bad_signature": "Kommunen kunne ikke bekrefte signaturen, så innholdet kan ha blitt endret underveis. "
                          "Din kopi er uendret. Prøv igjen, eller send som fil.",
    "sync.key_reused": "Kommunen har en annen timeliste med samme ID. Din kopi er uendret; kontakt kommunen.",
    "sync.refused": "Kommunen avviste innsendingen: {title}",
    "sync.bad_receipt": "Kvitteringen fra kommunen stemmer ikke med timelisten. Din kopi er uendret; kontakt kommunen.",
    "sync.invalid_pay_code": "Lønnsarten {codes} kan ikke sendes (bare bokstaver, tall, punktum og bindestrek). "
                             "Rett lønnsarten i innstillingene og korriger timelisten.",
    "sync.cursor_reset": "Kommunens mottak er gjenopprettet fra sikkerhetskopi; innsendte timelister kontrolleres på nytt.",
    "sync.no_keyring": "Finner ingen sikker nøkkelring (passordlager) på denne maskinen, så nøkler for sending "
                       "til kommunen kan ikke lagres. Du kan fortsatt føre og attestere timer; de sendes når "
                       "nøkkelringen er tilgjengelig, eller du kan sende dem som fil.",
}
#: "{reason} – prøver igjen kl. 14:05" or "… prøver igjen 21.05. kl. 14:05" (the retry time is the row's next_attempt_at)
RETRY = re.compile(r"^(?P<reason>.*) – prøver igjen (\d\d\.\d\d\. )?kl\. \d\d:\d\d$", re.S)


def _pattern(template: str) -> re.Pattern:
    parts = re.split(r"\{(\w+)\}", template)
    regex = "".join(re.escape(part) if index % 2 == 0 else f"(?P<{part}>.+?)" for index, part in enumerate(parts))
    return re.compile(f"^{regex}$", re.S)


PATTERNS = [(key, _pattern(template)) for key, template in OLD_TEXTS.items()]


def _message(key: str, params: dict) -> dict:
    return {"key": key, "params": params}


def message_of(text: str, next_attempt_at: str | None = None) -> dict:
    """The message an old sentence was written from; a plain message when it is none of ours."""
    retry = RETRY.match(text)
    if retry and next_attempt_at:
        reason = message_of(retry.group("reason"))
        at = next_attempt_at.replace(" ", "T")
        if not at.endswith(("Z", "+00:00")) and "+" not in at[10:]:
            at += "+00:00"  # stored as UTC (storage/types.py)
        return _message("sync.retry_at", {"reason": {"$message": reason}, "at": {"$datetime": at}})
    for key, pattern in PATTERNS:
        found = pattern.match(text)
        if found:
            params = {name: (int(value) if name == "status" and value.isdigit() else value)
                      for name, value in found.groupdict().items()}
            return _message(key, params)
    return _message("", {"text": text})


def upgrade() -> None:
    op.execute("ALTER TABLE outbox_submission RENAME COLUMN last_error_text TO last_error_message")
    connection = op.get_bind()
    rows = connection.execute(sa.text(
        "SELECT id, last_error_message, next_attempt_at FROM outbox_submission WHERE last_error_message IS NOT NULL"
    )).fetchall()
    for submission_id, text, next_attempt_at in rows:
        stored = json.dumps(message_of(text, next_attempt_at), ensure_ascii=False, sort_keys=True)
        connection.execute(sa.text("UPDATE outbox_submission SET last_error_message = :m WHERE id = :id"),
                           {"m": stored, "id": submission_id})


def text_of(message: dict) -> str:
    """The bokmål sentence revision 0004 kept for a message (the way back)."""
    key, params = message.get("key", ""), message.get("params") or {}
    if not key:
        return str(params.get("text", ""))
    if key == "sync.retry_at":
        at = datetime.fromisoformat(params["at"]["$datetime"]).astimezone(ZoneInfo("Europe/Oslo"))
        return f"{text_of(params['reason']['$message'])} – prøver igjen kl. {at:%H:%M}"
    template = OLD_TEXTS.get(key)
    return template.format(**params) if template else key


def downgrade() -> None:
    connection = op.get_bind()
    rows = connection.execute(sa.text(
        "SELECT id, last_error_message FROM outbox_submission WHERE last_error_message IS NOT NULL"
    )).fetchall()
    for submission_id, stored in rows:
        connection.execute(sa.text("UPDATE outbox_submission SET last_error_message = :t WHERE id = :id"),
                           {"t": text_of(json.loads(stored)), "id": submission_id})
    op.execute("ALTER TABLE outbox_submission RENAME COLUMN last_error_message TO last_error_text")
