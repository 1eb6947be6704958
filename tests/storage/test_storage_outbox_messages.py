"""Migration 0005: the outbox's error sentences (bokmål, up to 0004) become catalogue messages
that read the same in bokmål and are English when the language is English; a sentence that
is none of ours (the municipality's words) is kept as it is."""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta, timezone

from alembic import command

from bpa_desktop import demo
from bpa_desktop.core.calendar import OSLO
from bpa_desktop.i18n import language
from bpa_desktop.storage import migrate
from bpa_desktop.storage.connection import make_engine
from bpa_desktop.workspace import Workspace

OLD = {
    "Kommunens mottak har en feil (HTTP 502)": ("Kommunens mottak har en feil (HTTP 502)",
                                                "The municipality's receiver has an error (HTTP 502)"),
    "Kommunen avviste innsendingen: Ukjent ansattnummer": (
        "Kommunen avviste innsendingen: Ukjent ansattnummer",
        "The municipality refused the submission: Ukjent ansattnummer"),  # their words stay theirs
    "Noe kommunen skrev selv": ("Noe kommunen skrev selv", "Noe kommunen skrev selv"),
}


def _at_0004(tmp_path):
    path = tmp_path / "bpa.sqlite"
    demo.build_demo(path)
    engine = make_engine(path, foreign_keys=False, single_connection=True)
    with engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0004")
    engine.dispose()
    return path


def test_old_sentences_become_messages_in_both_languages(tmp_path):
    path = _at_0004(tmp_path)
    retry_at = datetime.now(timezone.utc).replace(microsecond=0) + timedelta(days=2)
    with sqlite3.connect(path) as connection:
        ids = [row[0] for row in connection.execute("SELECT id FROM outbox_submission ORDER BY id")]
        assert len(ids) >= len(OLD) + 1, "the demo has submissions"
        for submission_id, text in zip(ids, OLD):
            connection.execute("UPDATE outbox_submission SET last_error_text = ? WHERE id = ?", (text, submission_id))
        connection.execute(
            "UPDATE outbox_submission SET last_error_text = ?, next_attempt_at = ? WHERE id = ?",
            ("Kommunen svarer ikke – prøver igjen kl. 14:05", retry_at.strftime("%Y-%m-%d %H:%M:%S.%f"), ids[len(OLD)]))
    connection.close()
    migrate.prepare_database(path)
    with Workspace.open(path) as ws:
        shown = {info.id: info for info in ws.sync.list_submissions()}
        local = retry_at.astimezone(OSLO)
        for submission_id, (nb, en) in zip(ids, OLD.values()):
            assert shown[submission_id].last_error_text == nb
            with language("en"):
                assert shown[submission_id].last_error_text == en
        retry = shown[ids[len(OLD)]]
        assert retry.last_error_text == f"Kommunen svarer ikke – prøver igjen {local:%d.%m.%Y} kl. {local:%H:%M}"
        with language("en"):
            assert retry.last_error_text == (
                f"The municipality does not answer – trying again {local:%Y-%m-%d} {local:%H:%M}")


def test_going_back_to_0004_writes_the_bokmal_sentences_again(tmp_path):
    path = _at_0004(tmp_path)
    with sqlite3.connect(path) as connection:
        (submission_id,) = connection.execute("SELECT id FROM outbox_submission LIMIT 1").fetchone()
        connection.execute("UPDATE outbox_submission SET last_error_text = ? WHERE id = ?",
                           ("Kommunens mottak er opptatt", submission_id))
    connection.close()
    migrate.prepare_database(path)
    engine = make_engine(path, foreign_keys=False, single_connection=True)
    with engine.begin() as connection:
        command.downgrade(migrate.alembic_config(connection), "0004")
    engine.dispose()
    with sqlite3.connect(path) as connection:
        assert connection.execute("SELECT last_error_text FROM outbox_submission WHERE id = ?",
                                  (submission_id,)).fetchone() == ("Kommunens mottak er opptatt",)
    connection.close()
