"""The Deling dialog on the Synk page, by keyboard: it opens from the page, a link is made for
an assistant and shown once (address, code, QR code), printable as a card; the links list
shows it waiting, it is revoked; every control has a name and the focus comes back after each
dialog. "Importer svar fra fil" applies a file of receiver-signed answers."""

from __future__ import annotations

import base64
import os
import uuid
from datetime import date, datetime, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from bpa_desktop.sync import signing
from bpa_desktop.sync.protocol_v2 import ConfirmationPayload, EventBody, EventBundle, ReceiverKey
from tests.sync_client.sharing_fakes import FakeReceiver, StubParticipants
from tests.ui.sync_ui_helpers import REMOTE, enrol_offline, open_window, show_sync_page


@pytest.fixture
def sharing_window(qtbot, demo_workspace, demo_arrangement_id, memory_keyring, _bokmal):
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        dead = f"http://127.0.0.1:{sock.getsockname()[1]}"
    enrol_offline(demo_workspace, demo_arrangement_id, dead)
    stub = StubParticipants(REMOTE)
    stub.names = {a.id: a.name.split()[0] for a in demo_workspace.people.list_assistants(demo_arrangement_id)}
    sharing = demo_workspace.sync.sharing
    sharing._participants = sharing.events._participants = lambda: stub  # the contract's ws.participants
    window = open_window(qtbot, demo_workspace)
    page = show_sync_page(qtbot, window)
    qtbot.waitUntil(lambda: page.sharing_button.isEnabled())
    return window, page, stub, dead


def focused() -> QWidget:
    return QApplication.focusWidget()


def test_sharing_dialog_by_keyboard_makes_shows_and_revokes_a_link(qtbot, sharing_window, demo_workspace,
                                                                   demo_arrangement_id):
    window, page, stub, dead = sharing_window
    assert page.sharing_button.text() == "&Deling …"
    page.sharing_button.setFocus()
    qtbot.keyClick(page.sharing_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    qtbot.waitUntil(lambda: dialog.data is not None)
    assert focused() is dialog.who
    for widget in dialog.findChildren(QWidget):
        if widget.isVisible() and widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
            assert widget.accessibleName(), widget
    first_assistant = dialog.who.currentText()
    assert dialog.who.currentData()[0] == "assistant"

    # Tab to "Lag lenke …" and press it
    for _ in range(10):
        if focused() is dialog.link_button:
            break
        qtbot.keyClick(focused(), Qt.Key.Key_Tab)
    assert focused() is dialog.link_button
    qtbot.keyClick(dialog.link_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.dialog is not None and dialog.dialog.isVisible(), timeout=10_000)
    card = dialog.dialog
    link = dialog.last_link
    assert card.url_field.text() == link.url == f"{dead}/p/{link.code}"
    assert card.code_field.text() == link.code and len(link.code) >= 32
    assert not card.qr.pixmap().isNull() and card.qr.accessibleName() == "QR-kode for lenken"
    assert card.windowTitle() == f"Lenke for {first_assistant.split()[0]}"
    assert focused() is card.print_button
    shots = Path(os.environ.get("BPA_SCREENSHOT_DIR", "/tmp/bpa-sync-e2e-screenshots"))
    shots.mkdir(parents=True, exist_ok=True)
    assert card.grab().save(str(shots / "sharing-link-card.png"), "PNG")

    # the card prints through the app's print preview
    card.print_button.click()
    qtbot.waitUntil(lambda: card.print_dialog is not None and card.print_dialog.isVisible(), timeout=30_000)
    card.print_dialog.reject()
    qtbot.waitUntil(lambda: card.print_dialog is None, timeout=10_000)

    qtbot.keyClick(card, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: dialog.dialog is None)
    # back where the keyboard was (the offscreen platform activates windows only when asked)
    qtbot.waitUntil(lambda: dialog.focusWidget() is dialog.link_button)
    dialog.activateWindow()
    qtbot.waitUntil(lambda: focused() is dialog.link_button)

    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1, timeout=10_000)
    assert dialog.model.text(0, 2) in ("Venter på sending", "Aktiv")
    qtbot.keyClick(dialog.link_button, Qt.Key.Key_Tab)
    assert focused() is dialog.table
    qtbot.keyClick(dialog.table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.revoke_button.isEnabled())
    qtbot.keyClick(dialog.table, Qt.Key.Key_Tab)
    assert focused() is dialog.revoke_button
    qtbot.keyClick(dialog.revoke_button, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1 and dialog.model.text(0, 2) == "Trukket tilbake",
                    timeout=10_000)
    assert dialog.grab().save(str(shots / "sharing-dialog.png"), "PNG")
    (info,) = demo_workspace.sync.sharing.links(demo_arrangement_id)
    assert info.revoked_at is not None and info.link_id == link.link_id

    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: page.dialog is None)
    qtbot.waitUntil(lambda: window.focusWidget() is page.sharing_button)


def test_sharing_dialog_publishes_a_month_and_the_rota(qtbot, sharing_window, demo_workspace, demo_arrangement_id):
    window, page, stub, _dead = sharing_window
    dialog = page.open_sharing_dialog()
    qtbot.waitUntil(lambda: dialog.data is not None)
    assert dialog.publish_month_button.isEnabled() and dialog.publish_rota_button.isEnabled()
    dialog.publish_month_button.click()
    qtbot.waitUntil(lambda: "publisert" in dialog.message.text(), timeout=10_000)
    dialog.publish_rota_button.click()
    qtbot.waitUntil(lambda: "Turnusversjonen er publisert" in dialog.message.text(), timeout=10_000)
    kinds = sorted(p.kind for p in demo_workspace.sync.sharing.publications(demo_arrangement_id))
    assert kinds == ["month", "rota"]
    qtbot.waitUntil(lambda: "turnusversjonen (venter på sending" in dialog.published.text(), timeout=10_000)
    assert dialog.published.text().startswith("Publisert: måneden ")
    # an approver has no month of their own
    dialog.who.setCurrentIndex(dialog.who.findText("Tillitsvalgt"))
    assert not dialog.publish_month_button.isEnabled() and dialog.link_button.isEnabled()
    dialog.reject()


def test_sharing_import_answers_from_a_file(qtbot, sharing_window, demo_workspace, demo_arrangement_id, tmp_path):
    window, page, stub, _dead = sharing_window
    sharing = demo_workspace.sync.sharing
    assistant = demo_workspace.people.list_assistants(demo_arrangement_id)[0]
    month = sharing.publish_month(assistant.id, date(2026, 2, 1))
    receiver = FakeReceiver()
    public = signing.public_key_raw(receiver.key)
    sharing.pin_key(demo_arrangement_id, signing.key_id(public), public)
    body = EventBody(event_id=uuid.uuid4(), seq=1, arrangement_id=REMOTE, link_id=uuid.uuid4(), role="assistant",
                     assistant_ref=stub.ref_of(assistant.id), channel="link", occurred_at=datetime.now(timezone.utc),
                     kind="confirmation", confirmation=ConfirmationPayload(
                         publication_id=uuid.UUID(month.publication_id), period="2026-02",
                         content_hash=month.content_hash))
    receiver.add(body)
    path = tmp_path / "svar.json"
    path.write_text(EventBundle(arrangement_id=REMOTE, receiver_key=ReceiverKey(
        key_id=signing.key_id(public), public_key=base64.b64encode(public).decode()),
        events=receiver.events).model_dump_json(), encoding="utf-8")
    assert page.import_events_button.text() == "I&mporter svar fra fil …"
    page.import_events(path)
    qtbot.waitUntil(lambda: page.message.text().startswith("1 svar importert"), timeout=10_000)
    assert list(stub.confirmations.values())[0]["channel"] == "link"
