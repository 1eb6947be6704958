"""The bpa-sync/2 phone pages in headless Chromium (Playwright) against the real receiver: an
assistant opens their link on a 360 px wide phone, reads their month, proposes "stayed 1 h
longer" on a shift and confirms the month; the same page at 200 % zoom; the union
representative approves the rota from their link. The desktop side is played by the v2 calls
(tests/sync/receiver_v2_helpers.py); it then reads three receiver-signed events.

Checked on each page: labelled fields, one h1 and ordered headings, lang="nb", tap targets at
least 44 × 44 CSS px, no sideways scrolling. Screenshots go to $BPA_LINK_SCREENSHOT_DIR (default
/tmp/recv-shots) for a human to look at.
"""

from __future__ import annotations

import base64
import os
import uuid
from pathlib import Path

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from bpa_desktop.sync import protocol_v2 as v2
from tests.e2e.assistant_link_steps import phone
from tests.sync.receiver_helpers import assert_log_has_no_personal_data, enrol_device
from tests.sync.receiver_v2_helpers import Desktop, month_view, rota_view
from tests.sync.test_receiver_browser import HEADING_LEVELS, OVERFLOW, UNLABELLED_FIELDS

SHOTS = Path(os.environ.get("BPA_LINK_SCREENSHOT_DIR", "/tmp/recv-shots"))
SMALL_TARGETS = """() => [...document.querySelectorAll('button, a.button-link, input[type=radio] + label')]
    .map(el => el.getBoundingClientRect()).filter(r => r.height < 44 || r.width < 44)
    .map(r => `${Math.round(r.width)}x${Math.round(r.height)}`)"""


def shoot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def assert_phone_ready(page) -> None:
    assert page.locator("html").get_attribute("lang") == "nb"
    assert page.evaluate(UNLABELLED_FIELDS) == []
    levels = page.evaluate(HEADING_LEVELS)
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(later <= earlier + 1 for earlier, later in zip(levels, levels[1:])), levels
    assert page.evaluate(OVERFLOW) <= 0  # no sideways scrolling
    assert page.evaluate(SMALL_TARGETS) == []
    assert page.locator("script").count() == 0


def test_assistant_link_pages_in_the_browser_at_360_px_and_200_percent_and_the_approver_link(
        chromium, receiver_under_test):
    receiver = receiver_under_test
    name = f"Ordning Linkesiden {uuid.uuid4().hex[:6]}"
    with httpx.Client(base_url=receiver.base_url, timeout=30) as http:
        desktop = Desktop(enrol_device(http, receiver.db_url, name=name))
        month, _ = desktop.publish(month_view(desktop.arrangement_id, "a-kari", "Kari", shifts=5))
        rota, _ = desktop.publish(rota_view(desktop.arrangement_id))
        kari = desktop.new_link(assistant_ref="a-kari", label="Kari")
        rep = desktop.new_link(role="union_rep", label="Tillitsvalgt")

        context = phone(chromium, receiver.base_url)
        try:
            page = context.new_page()
            page.goto(f"{receiver.base_url}/p/{kari.code}")
            assert page.get_by_role("heading", level=1).inner_text() == "Hei, Kari"
            assert page.get_by_role("heading", level=2, name="Timene dine i mars 2026").is_visible()
            assert page.get_by_text("Sum: 40 t").is_visible()
            assert_phone_ready(page)
            shoot(page, "1-assistant-360px")

            page.get_by_role("link", name="Meld avvik ma 2. mars 08:00–16:00").click()
            assert page.get_by_role("heading", level=1).inner_text() == "Meld avvik på en vakt"
            assert_phone_ready(page)
            page.get_by_label("Ble lenger").check()
            page.get_by_label("Minutter").fill("60")
            page.get_by_label("Kommentar til arbeidslederen (valgfritt)").fill("Ble til 17, ventet på avløser")
            shoot(page, "2-assistant-proposal-form-360px")
            page.get_by_role("button", name="Send forslaget").click()
            assert page.get_by_role("status").inner_text() == "Takk! Forslaget er sendt til arbeidslederen."
            assert page.get_by_text("ma 2. mars: Ble lenger").is_visible()

            page.get_by_role("button", name="Bekreft måneden").click()
            assert page.get_by_role("status").inner_text() == "Takk! Du har bekreftet måneden."
            assert page.get_by_role("button", name="Bekreft måneden").count() == 0  # confirmed once
            assert_phone_ready(page)
            shoot(page, "3-assistant-confirmed-360px")
        finally:
            context.close()

        context = phone(chromium, receiver.base_url, zoom=2)
        try:
            page = context.new_page()
            page.goto(f"{receiver.base_url}/p/{kari.code}")
            assert page.evaluate("() => window.innerWidth") == 180  # 360 px at 200 %
            assert page.get_by_role("heading", level=1).is_visible()
            assert page.evaluate(OVERFLOW) <= 0
            shoot(page, "4-assistant-200pct")
            page.goto(f"{receiver.base_url}/p/{kari.code}/shift/s2-a-kari")
            assert page.evaluate(OVERFLOW) <= 0
            shoot(page, "5-assistant-proposal-form-200pct")
        finally:
            context.close()

        context = phone(chromium, receiver.base_url, locale="en-GB")  # the phone asks for English
        try:
            page = context.new_page()
            page.goto(f"{receiver.base_url}/p/{kari.code}")
            assert page.locator("html").get_attribute("lang") == "en"
            assert page.get_by_role("heading", level=1).inner_text() == "Hello, Kari"
            assert page.get_by_role("heading", level=2, name="Your hours in March 2026").is_visible()
            assert page.evaluate(OVERFLOW) <= 0
            shoot(page, "9-assistant-english-360px")
        finally:
            context.close()

        context = phone(chromium, receiver.base_url)
        try:
            page = context.new_page()
            page.goto(f"{receiver.base_url}/p/{rep.code}")
            assert page.get_by_role("heading", level=1).inner_text() == "Turnus til godkjenning – Tillitsvalgt"
            assert page.get_by_text("ledig vakt").is_visible()
            assert_phone_ready(page)
            shoot(page, "6-approver-360px")
            page.get_by_role("button", name="Godkjenn turnusen (versjon 1)").click()
            assert page.get_by_role("status").inner_text() == "Takk! Du har godkjent turnusen."
            assert page.get_by_text("Du godkjente denne versjonen").is_visible()
            shoot(page, "7-approver-approved-360px")
            page.goto(f"{receiver.base_url}/p/{kari.code}x")  # a code one letter off
            assert page.get_by_role("heading", level=1).inner_text() == "Lenken virker ikke"
            shoot(page, "8-unknown-link-360px")
        finally:
            context.close()

        # The desktop pulls three events, each signed with the key it pinned.
        key = v2.ReceiverKey.model_validate(desktop.receiver_key().json())
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(key.public_key))
        feed = v2.EventsPage.model_validate(desktop.events().json())
        bodies = []
        for envelope in feed.events:
            public.verify(envelope.sig_bytes(), v2.EVENT_SIGNATURE_CONTEXT + envelope.body_bytes())
            bodies.append(v2.EventBody.model_validate_json(envelope.body_bytes()))
    assert [(body.seq, body.kind) for body in bodies] == [(1, "proposal"), (2, "confirmation"), (3, "approval")]
    proposal, confirmation, approval = bodies
    assert (proposal.proposal.change, proposal.proposal.minutes, proposal.proposal.shift_ref) == ("stayed_longer", 60, "s1-a-kari")
    assert confirmation.confirmation.content_hash == month.content_hash
    assert approval.role == "union_rep" and approval.approval.approved
    assert approval.approval.content_hash == rota.content_hash
    assert_log_has_no_personal_data(receiver.log_path, name, kari.code, rep.code, "Kari", "Tillitsvalgt",
                                    "ventet på avløser")
