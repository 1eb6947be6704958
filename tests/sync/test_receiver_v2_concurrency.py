"""bpa-sync/2 under concurrency, against the real receiver with 4 workers (uvicorn subprocess; on
PostgreSQL too with BPA_TEST_POSTGRES_URL): phone forms sent at once from several links make
gap-free event seqs with one receiver key made once, and the same form sent five times at once
is one event."""

from __future__ import annotations

import base64
from concurrent.futures import ThreadPoolExecutor

import httpx
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

from bpa_desktop.sync import protocol_v2 as v2
from tests.sync.receiver_helpers import enrol_device, run_receiver
from tests.sync.receiver_v2_helpers import Desktop, form_for, month_view


def test_assistant_link_forms_at_once_make_gap_free_events_signed_by_one_key(tmp_path, db_url):
    with run_receiver(db_url, tmp_path / "server.log", workers=4) as receiver, \
            httpx.Client(base_url=receiver.base_url, timeout=60) as http:
        desktop = Desktop(enrol_device(http, db_url))
        refs = [f"a-{n}" for n in range(4)]
        for ref in refs:
            assert desktop.publish(month_view(desktop.arrangement_id, ref, ref, shifts=5))[1].status_code == 201
        links = [desktop.new_link(assistant_ref=ref, label=ref) for ref in refs]
        # The forms first (each page draws its own event id), then all posts at once.
        posts = []
        for link, ref in zip(links, refs):
            for shift in range(1, 6):
                page = http.get(f"/p/{link.code}/shift/s{shift}-{ref}")
                posts.append(form_for(page.text, "/propose", change="stayed_longer", minutes=str(shift * 10)))
        twin = posts[0]

        def send(post):
            with httpx.Client(base_url=receiver.base_url, timeout=60) as own:
                return own.post(post[0], data=post[1], follow_redirects=False).status_code

        with ThreadPoolExecutor(max_workers=12) as pool:
            statuses = list(pool.map(send, posts + [twin] * 4))
        assert set(statuses) == {303}, statuses

        page = v2.EventsPage.model_validate(desktop.events(limit=500).json())
        key = v2.ReceiverKey.model_validate(desktop.receiver_key().json())
        public = Ed25519PublicKey.from_public_bytes(base64.b64decode(key.public_key))
        bodies = []
        for envelope in page.events:
            assert envelope.key_id == key.key_id  # one key, made once, though four workers signed
            public.verify(envelope.sig_bytes(), v2.EVENT_SIGNATURE_CONTEXT + envelope.body_bytes())
            bodies.append(v2.EventBody.model_validate_json(envelope.body_bytes()))
    assert [body.seq for body in bodies] == list(range(1, len(posts) + 1))  # gap-free, the twin once
    assert len({body.event_id for body in bodies}) == len(posts) == 20
    assert page.next == 20
