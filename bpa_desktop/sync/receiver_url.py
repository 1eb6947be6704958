"""Which receiver addresses the desktop client may talk to: https, or plain http only to this
machine (loopback), so timesheets and the API token never cross a network unencrypted."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

from bpa_desktop.i18n import t



def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def refusal(url: str) -> str | None:
    """Why `url` may not be used as a receiver address (in the user's language), or None when it may."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        return t("sync.url_invalid")
    if parts.scheme not in ("http", "https") or not host:
        return t("sync.url_invalid")
    if parts.scheme == "http" and not _is_loopback(host):
        return t("sync.url_not_https")
    return None
