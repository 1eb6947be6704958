"""bpa-sync/2 helpers for the receiver tests: month and rota views, device-signed publications,
link grants with their codes, and the desktop's calls (a `Device` from receiver_helpers)."""

from __future__ import annotations

import hashlib
import secrets
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone

from bpa_desktop.sync import protocol_v2 as v2
from bpa_desktop.sync import signing

OSLO_OFFSET = timezone(timedelta(hours=1))


def month_view(arrangement_id: str, assistant_ref: str = "a-kari", display_name: str = "Kari",
               period: str = "2026-03", version: int = 1, shifts: int = 3) -> v2.MonthView:
    rows = []
    for day in range(shifts):
        start = datetime(2026, 3, 2 + day, 8, 0, tzinfo=OSLO_OFFSET)
        rows.append(v2.MonthShift(shift_ref=f"s{day + 1}-{assistant_ref}", starts_at=start,
                                  ends_at=start + timedelta(hours=8), minutes=480, code="D"))
    return v2.MonthView(arrangement_id=arrangement_id, assistant_ref=assistant_ref, display_name=display_name,
                        period=period, timesheet_version=version, shifts=rows, total_minutes=480 * shifts)


def rota_view(arrangement_id: str, version: int = 1) -> v2.RotaView:
    shifts = []
    for day, who in enumerate(["Kari", "Ola", None]):
        start = datetime(2026, 4, 6 + day, 8, 0, tzinfo=OSLO_OFFSET)
        shifts.append(v2.RotaShift(starts_at=start, ends_at=start + timedelta(hours=8), code="D", who=who))
    return v2.RotaView(arrangement_id=arrangement_id, rota_version_id=version, label=f"Turnus v{version}",
                       valid_from=datetime(2026, 4, 6).date(), valid_to=datetime(2026, 5, 3).date(), shifts=shifts)


def publication_body(view, publication_id: uuid.UUID | None = None) -> v2.PublicationBody:
    kind = "month" if isinstance(view, v2.MonthView) else "rota"
    return v2.PublicationBody(publication_id=publication_id or uuid.uuid4(), arrangement_id=view.arrangement_id,
                              kind=kind, **{kind: view}, content_hash=v2.view_hash(view),
                              published_at=datetime.now(timezone.utc))


def sign_publication(key, body_bytes: bytes) -> v2.SignedEnvelope:
    public_raw = signing.public_key_raw(key)
    return v2.SignedEnvelope.of(signing.key_id(public_raw), body_bytes,
                                key.sign(v2.PUBLICATION_SIGNATURE_CONTEXT + body_bytes))


@dataclass
class Link:
    link_id: uuid.UUID
    code: str
    grant: v2.LinkGrant


def make_link(arrangement_id: str, role: str = "assistant", assistant_ref: str | None = "a-kari",
              label: str = "Kari", days: float = 30) -> Link:
    code = secrets.token_urlsafe(24)
    link_id = uuid.uuid4()
    grant = v2.LinkGrant(link_id=link_id, arrangement_id=arrangement_id, role=role,
                         assistant_ref=assistant_ref if role == "assistant" else None, label=label,
                         code_sha256=hashlib.sha256(code.encode("ascii")).hexdigest(),
                         expires_at=datetime.now(timezone.utc) + timedelta(days=days))
    return Link(link_id, code, grant)


class Desktop:
    """The desktop's bpa-sync/2 calls, with a v1-enrolled `Device`'s token and key."""

    def __init__(self, device) -> None:
        self.device = device
        self.http = device.http
        self.arrangement_id = device.arrangement_id

    @property
    def headers(self) -> dict:
        return {"Authorization": f"Bearer {self.device.token}"}

    def publish(self, view, publication_id: uuid.UUID | None = None):
        body = publication_body(view, publication_id)
        raw = v2.canonical_bytes(body)
        return body, self.put_envelope(body.publication_id, sign_publication(self.device.key, raw))

    def put_envelope(self, publication_id, envelope: v2.SignedEnvelope):
        return self.http.put(f"/v2/publications/{publication_id}", json=envelope.model_dump(mode="json"),
                             headers=self.headers)

    def grant(self, link: Link):
        return self.http.put(f"/v2/links/{link.link_id}", json=link.grant.model_dump(mode="json"), headers=self.headers)

    def new_link(self, **kwargs) -> Link:
        link = make_link(self.arrangement_id, **kwargs)
        response = self.grant(link)
        assert response.status_code == 201, response.text
        return link

    def revoke(self, link_id: uuid.UUID):
        revocation = v2.LinkRevocation(link_id=link_id, revoked_at=datetime.now(timezone.utc))
        return self.http.post(f"/v2/links/{link_id}/revoke", json=revocation.model_dump(mode="json"),
                              headers=self.headers)

    def events(self, since: int = 0, limit: int = 100):
        return self.http.get("/v2/events", params={"since": since, "limit": limit}, headers=self.headers)

    def receiver_key(self):
        return self.http.get("/v2/receiver-key", headers=self.headers)


def page_forms(html: str) -> list[dict]:
    """Each <form>'s action and hidden fields, as the browser would send them."""
    import re

    found = []
    for action, inner in re.findall(r'<form method="post" action="([^"]+)"[^>]*>(.*?)</form>', html, re.S):
        fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', inner))
        found.append({"action": action, **fields})
    return found


def form_for(html: str, ending: str, **values) -> tuple[str, dict]:
    """The first form posting to an action ending in `ending`, with `values` filled in."""
    for form in page_forms(html):
        if form["action"].endswith(ending) and all(form.get(k, v) == v for k, v in values.items() if k == "decision"):
            action = form.pop("action")
            return action, {**form, **values}
    raise AssertionError(f"no form for {ending} in the page")
