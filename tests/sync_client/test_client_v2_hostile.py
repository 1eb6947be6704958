"""Hostile or broken receiver answers to the bpa-sync/2 step: the step ends quietly or says why,
never raises, never pins a key it could not read and never applies an event it could not verify."""

from __future__ import annotations

import base64
import uuid

import httpx
import pytest

from bpa_desktop.sync import signing
from bpa_desktop.sync.client_v2 import SharingClient
from tests.sync_client.sharing_fakes import Enrolment, FakeReceiver, MemoryPort, proposal_event

DEVICE = signing.generate_private_key()
GOOD = FakeReceiver()
GOOD.add(proposal_event(1, uuid.uuid4()))
PUBLIC = signing.public_key_raw(GOOD.key)
KEY = {"key_id": signing.key_id(PUBLIC), "public_key": base64.b64encode(PUBLIC).decode()}
ENVELOPE = GOOD.events[0].model_dump(mode="json")

KEY_ANSWERS = [
    (200, b"not json"), (200, b"[]"), (200, b'{"key_id": 1}'), (200, b'{"a":' * 3000 + b"1" + b"}" * 3000),
    (200, b'{"key_id": "00000000000000aa", "public_key": "' + base64.b64encode(PUBLIC) + b'"}'),  # id of another key
    (200, b'{"key_id": "' + KEY["key_id"].encode() + b'", "public_key": "!!!"}'), (500, b""), (429, b""),
    (401, b'{"code": "token_revoked"}'), (302, b""),
]
EVENT_ANSWERS = [
    b"{}", b'{"events": null, "next": 0}', b'{"events": [], "next": -5}', b'{"events": [{}], "next": 1}',
    b'{"events": [' + httpx.Response(200, json=ENVELOPE).content.replace(b'"sig":"', b'"sig":"A') + b'], "next": 1}',
    b'{"events": "all", "next": 1}', b'{"events": [], "next": 1e400}', b"\xff\xfe",
]


def _run(handler, port):
    with httpx.Client(base_url="http://r.test", transport=httpx.MockTransport(handler)) as http:
        return SharingClient(port).run(http, "t", DEVICE, Enrolment())


@pytest.mark.parametrize(("status", "content"), KEY_ANSWERS)
def test_a_bad_receiver_key_answer_pins_nothing(status, content):
    port = MemoryPort()
    summary = _run(lambda request: httpx.Response(status, content=content), port)
    assert port.pinned is None and summary.applied == 0


@pytest.mark.parametrize("content", EVENT_ANSWERS)
def test_a_bad_events_page_applies_nothing(content):
    port = MemoryPort()

    def handler(request):
        if request.url.path == "/v2/receiver-key":
            return httpx.Response(200, json=KEY)
        return httpx.Response(200, content=content)

    summary = _run(handler, port)
    assert summary.applied == 0 and not port.applied and port.cursor == 0


def test_a_transport_error_ends_the_step_quietly():
    def handler(request):
        raise httpx.ConnectError("refused")

    summary = _run(handler, MemoryPort())
    assert summary.applied == 0 and summary.messages == []
