"""What the assistant and the union representative do on their phones (Playwright on Debian's
Chromium, 360 px wide like a small phone): shared by the end-to-end link flow tests."""

from __future__ import annotations

import os
import re
from pathlib import Path

SCREENSHOTS = Path(os.environ.get("BPA_SCREENSHOT_DIR", "/tmp/bpa-sync-e2e-screenshots"))


PHONE = {"width": 360, "height": 780}


def phone(chromium, base_url: str, *, zoom: int = 1, locale: str = "nb-NO"):
    """A phone-sized context; zoom 2 is the same phone at 200 %: half the CSS width, twice the
    pixels. The deployed receiver's certificate is self-signed: trusted for this context only."""
    context = chromium.new_context(
        viewport={"width": PHONE["width"] // zoom, "height": PHONE["height"] // zoom}, device_scale_factor=zoom,
        locale=locale, ignore_https_errors=base_url.startswith("https://"))
    context.set_default_timeout(15_000)
    return context


def shoot(page, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def propose_stayed_longer(page, url: str, minutes: int = 60, shot: str | None = None) -> None:
    """Open the link, pick the first shift, report 'Ble lenger' by ``minutes``, send."""
    page.goto(url)
    page.get_by_role("link", name=re.compile(r"^Meld avvik")).first.click()
    page.get_by_role("radio", name="Ble lenger").check()
    page.get_by_label("Minutter").fill(str(minutes))
    if shot:
        shoot(page, shot)
    page.get_by_role("button", name="Send forslaget").click()
    page.wait_for_url(re.compile(r"\?msg=proposal"))


def confirm_month(page, url: str, shot: str | None = None) -> None:
    page.goto(url)
    page.get_by_role("button", name="Bekreft måneden").click()
    page.wait_for_url(re.compile(r"\?msg=confirmed"))
    if shot:
        shoot(page, shot)


def approve_rota(page, url: str, shot: str | None = None) -> None:
    page.goto(url)
    page.get_by_role("button", name=re.compile(r"^Godkjenn turnusen")).click()
    page.wait_for_url(re.compile(r"\?msg=approved"))
    if shot:
        shoot(page, shot)
