"""The staff web page in a real headless Chromium against the real receiver (uvicorn subprocess).

Two timesheets arrive signed over the API; a caseworker logs in through the page, accepts one and
rejects the other with a reason; the arbeidsleder's device then reads both decisions, reason
included, from GET /v1/decisions. Along the way the pages are checked for what a keyboard or
screen-magnifier user needs: labelled fields, one h1, ordered headings, a visible focus ring, a
working skip link, and no sideways scrolling at 200 % zoom. Screenshots go to
$BPA_SCREENSHOT_DIR (default /tmp/bpa-receiver-screenshots) for a human to look at.
"""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import httpx

from tests.sync.receiver_helpers import STAFF_PASSWORD, assert_log_has_no_personal_data, enrol_device

SCREENSHOTS = Path(os.environ.get("BPA_SCREENSHOT_DIR", "/tmp/bpa-receiver-screenshots"))
REASON = "Kveldstillegg mangler for 14. mars – rett og send på nytt."

# Facts about the page the browser computes; each list should come back empty.
UNLABELLED_FIELDS = """() => [...document.querySelectorAll('input:not([type=hidden]), textarea, select')]
    .filter(field => field.labels.length === 0 && !field.getAttribute('aria-label'))
    .map(field => field.name || field.id)"""
HEADING_LEVELS = "() => [...document.querySelectorAll('h1,h2,h3,h4,h5,h6')].map(h => Number(h.tagName[1]))"
FOCUS_RING = """() => { const s = getComputedStyle(document.activeElement);
    return {tag: document.activeElement.tagName, text: document.activeElement.textContent.trim(),
            style: s.outlineStyle, width: parseFloat(s.outlineWidth)}; }"""
OVERFLOW = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


def shoot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def assert_accessible_basics(page) -> None:
    assert page.evaluate(UNLABELLED_FIELDS) == []
    levels = page.evaluate(HEADING_LEVELS)
    assert levels.count(1) == 1 and levels[0] == 1
    assert all(later <= earlier + 1 for earlier, later in zip(levels, levels[1:])), levels
    assert page.locator("html").get_attribute("lang") == "nb"


def assert_reflows_at_200_percent(page, name: str) -> None:
    """200 % zoom = the same page on half the CSS width: no sideways scrolling, text still there."""
    full = page.viewport_size
    page.set_viewport_size({"width": full["width"] // 2, "height": full["height"]})
    try:
        assert page.evaluate(OVERFLOW) <= 0
        shoot(page, name)
    finally:
        page.set_viewport_size(full)


def test_caseworker_accepts_and_rejects_in_the_browser_and_the_device_reads_it(staff_web, receiver_under_test):
    receiver = receiver_under_test
    backend = "postgresql" if receiver.db_url.startswith("postgresql") else "sqlite"
    # Names and numbers of this test's own: the deployed receiver in CI is shared by several tests.
    tag = uuid.uuid4().hex[:6]
    name, first, second = f"Ordning Solsiden {tag}", f"A{tag}1", f"A{tag}2"
    with httpx.Client(base_url=receiver.base_url, timeout=30) as http:
        device = enrol_device(http, receiver.db_url, name=name)
        accepted_body, response = device.submit(employee_no=first)
        assert response.status_code == 201
        rejected_body, response = device.submit(employee_no=second, lines={"100": 7_200, "210": 0})
        assert response.status_code == 201

        page = staff_web.page
        page.goto(f"{receiver.base_url}/staff/")
        assert page.url.endswith("/staff/login")  # not logged in yet
        for name_, value in (("content-security-policy", "frame-ancestors 'none'"), ("x-content-type-options", "nosniff"),
                             ("referrer-policy", "no-referrer")):
            assert value in page.request.get(page.url).headers[name_]
        assert_accessible_basics(page)
        shoot(page, f"{backend}-1-login")

        # The login page starts in the username field, with a visible focus ring.
        focus = page.evaluate(FOCUS_RING)
        assert (focus["tag"], focus["style"] != "none", focus["width"] >= 2) == ("INPUT", True, True)

        staff_web.log_in()
        assert_accessible_basics(page)
        # Keyboard: the first Tab reaches the skip link, drawn on screen; Enter moves to the content.
        page.keyboard.press("Tab")
        focus = page.evaluate(FOCUS_RING)
        assert focus["text"] == "Hopp til innhold" and focus["style"] != "none" and focus["width"] >= 2
        assert page.get_by_role("link", name="Hopp til innhold").is_visible()
        shoot(page, f"{backend}-2-home")
        assert_reflows_at_200_percent(page, f"{backend}-2-home-zoom200")
        page.keyboard.press("Enter")
        assert page.evaluate("() => document.activeElement.id") == "main"

        staff_web.open_period("2026-03")
        assert_accessible_basics(page)
        assert page.get_by_role("heading", level=2, name=name).is_visible()
        shoot(page, f"{backend}-3-period-before")
        assert_reflows_at_200_percent(page, f"{backend}-3-period-before-zoom200")

        staff_web.accept(first)
        staff_web.reject(second, REASON)
        assert_accessible_basics(page)
        rows = page.get_by_role("row")
        assert rows.filter(has_text=first).get_by_role("cell").nth(2).inner_text().startswith("Godkjent")
        assert REASON in rows.filter(has_text=second).inner_text()
        assert page.get_by_role("button", name=f"Avvis ansatt {second} v1").count() == 0  # decided once
        page.get_by_role("button", name="Vis periode").focus()
        shoot(page, f"{backend}-4-period-after")

        assert_reflows_at_200_percent(page, f"{backend}-5-period-after-zoom200")

        feed = device.decisions()
        assert feed.status_code == 200
        decisions = {d["submission_id"]: d for d in feed.json()["decisions"]}
        assert decisions[str(accepted_body.submission_id)]["decision"] == "accepted"
        assert decisions[str(rejected_body.submission_id)]["decision"] == "rejected"
        assert decisions[str(rejected_body.submission_id)]["reason"] == REASON
        assert len(decisions) == 2

    # The structured log of the receiver names nobody and holds no number, code or secret.
    assert_log_has_no_personal_data(receiver.log_path, name, "Solsiden", first, second, REASON, device.token,
                                    device.code, STAFF_PASSWORD, str(accepted_body.submission_id))


def test_wrong_password_is_announced_on_the_login_page(staff_web):
    staff_web.page.goto(f"{staff_web.base_url}/staff/login")
    staff_web.page.get_by_label("Brukernavn").fill("saksbehandler")
    staff_web.page.get_by_label("Passord").fill("ikke-passordet-mitt")
    staff_web.page.get_by_role("button", name="Logg inn").click()
    alert = staff_web.page.get_by_role("alert")
    assert alert.inner_text() == "Feil brukernavn eller passord."
    # The username is kept and the cursor waits in the password field.
    assert staff_web.page.get_by_label("Brukernavn").input_value() == "saksbehandler"
    assert staff_web.page.evaluate("() => document.activeElement.id") == "password"
    assert_accessible_basics(staff_web.page)
    shoot(staff_web.page, "login-error")
