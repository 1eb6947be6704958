"""Helpers for the Synk page tests: an enrolment written straight into the outbox tables (secrets
in the `memory_keyring` fixture, never the real keyring), and a main window over a given Workspace."""

from __future__ import annotations

from bpa_desktop.sync import credentials, signing

REMOTE = "5b0f7c2e-8d1a-4c3b-9e6f-2a4d8c1e7b90"


def enrol_offline(workspace, arrangement_id: int, receiver_url: str) -> str:
    """Enrol without a receiver (secrets in the current keyring); returns the key id."""
    key = signing.generate_private_key()
    credentials.store_signing_key(REMOTE, key)
    credentials.store_token(receiver_url, REMOTE, "bpa1_test_token")
    workspace.sync.outbox.save_enrolment(arrangement_id, receiver_url=receiver_url,
                          remote_arrangement_id=REMOTE, public_key=signing.public_key_raw(key))
    return signing.key_id(signing.public_key_raw(key))


def open_window(qtbot, workspace, **options):
    """The main window over `workspace`, shown, with the arrangement list loaded."""
    from bpa_desktop.ui.context import AppContext
    from bpa_desktop.ui.main_window import MainWindow

    ctx = AppContext(workspace)
    window = MainWindow(ctx, offer_first_run=False, **options)
    qtbot.addWidget(window)  # closed after the test: closeEvent stops the sync worker
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    qtbot.waitUntil(lambda: ctx.arrangements_loaded)
    return window


def show_sync_page(qtbot, window):
    page = window.show_page("synk")
    qtbot.waitUntil(lambda: page.is_loaded)
    return page


def column(page, name: str) -> list[str]:
    """The texts of one column of the Synk table, top to bottom."""
    index = page.model.COLUMNS.index(name)
    return [page.model.index(row, index).data() for row in range(page.model.rowCount())]
