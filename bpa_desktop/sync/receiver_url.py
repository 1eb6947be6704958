"""Which receiver addresses the desktop client may talk to: https, or plain http only to this
machine (loopback), so timesheets and the API token never cross a network unencrypted."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

NOT_HTTPS = (
    "Adressen til kommunens mottak må begynne med https://. Ukryptert http:// er bare tillatt "
    "til denne maskinen (localhost eller 127.0.0.1). Sjekk adressen du fikk fra kommunen."
)
NOT_A_URL = "Adressen til kommunens mottak er ikke en gyldig nettadresse (for eksempel https://mottak.kommune.no)."


def _is_loopback(host: str) -> bool:
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def refusal(url: str) -> str | None:
    """Why `url` may not be used as a receiver address (plain Norwegian), or None when it may."""
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").lower()
    except ValueError:
        return NOT_A_URL
    if parts.scheme not in ("http", "https") or not host:
        return NOT_A_URL
    if parts.scheme == "http" and not _is_loopback(host):
        return NOT_HTTPS
    return None
