"""Classification of receiver answers (docs/protocol.md) and the full-jitter backoff, with
httpx.MockTransport: no network, no receiver."""

from __future__ import annotations

import random
from datetime import datetime, timedelta, timezone

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from bpa_desktop import text_format
from bpa_desktop.core.calendar import OSLO
from bpa_desktop.i18n import language
from bpa_desktop.message import Message
from bpa_desktop.sync import client, outbox, texts

SID = "0b8f1c52-5a0c-4d6b-9d57-0d3f0c8f2a11"
SHA = "a" * 64


def _answer(status: int, json=None, headers=None) -> httpx.Response:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(status, json=json, headers=headers)

    with httpx.Client(transport=httpx.MockTransport(handler), base_url="http://mottak.test") as http:
        return http.post("/v1/submissions", json={})


def _classify(status: int, json=None, headers=None) -> client.Outcome:
    return client.classify(_answer(status, json, headers), expected_sha256=SHA, submission_id=SID)


def _problem(code: str, status: int, title: str = "Tittel") -> dict:
    return {"type": "about:blank", "title": title, "status": status, "detail": "", "code": code}


RECEIPT = {"submission_id": SID, "body_sha256": SHA, "received_at": "2026-05-20T10:00:00Z", "seq": 7}


def test_201_and_200_are_delivered_and_200_is_a_replay():
    created, replay = _classify(201, RECEIPT), _classify(200, RECEIPT)
    assert (created.kind, created.replay, replay.kind, replay.replay) == ("delivered", False, "delivered", True)
    assert created.receipt["seq"] == 7


def test_a_receipt_for_other_bytes_blocks_instead_of_marking_delivered():
    outcome = _classify(201, {**RECEIPT, "body_sha256": "b" * 64})
    assert outcome.kind == "blocked" and outcome.text == texts.BAD_RECEIPT


@pytest.mark.parametrize("status", [408, 425, 429, 500, 502, 503, 504])
def test_transient_statuses_are_retried(status):
    outcome = _classify(status, _problem("busy", status), {"Retry-After": "30"})
    assert outcome.kind == "retry" and outcome.retry_after == 30.0


def test_retry_after_as_an_http_date():
    when = datetime.now(timezone.utc) + timedelta(seconds=90)
    outcome = _classify(503, _problem("busy", 503), {"Retry-After": when.strftime("%a, %d %b %Y %H:%M:%S GMT")})
    assert 80 <= outcome.retry_after <= 91


@pytest.mark.parametrize(
    ("status", "code", "kind"),
    [
        (409, "in_flight", "retry"),
        (409, "version_conflict", "needs_correction"),
        (401, "token_invalid", "paused_auth"),
        (403, "token_revoked", "paused_auth"),
        (403, "key_revoked", "paused_auth"),
        (422, "bad_signature", "blocked"),
        (422, "key_reused", "blocked"),
        (400, "invalid_body", "blocked"),
    ],
)
def test_problem_codes(status, code, kind):
    outcome = _classify(status, _problem(code, status))
    assert (outcome.kind, outcome.code) == (kind, code)
    assert outcome.text.render()  # always something to show


def test_in_flight_waits_briefly_not_with_backoff():
    assert _classify(409, _problem("in_flight", 409)).delay == outbox.IN_FLIGHT_DELAY_S


def test_revoked_token_text_says_what_to_do_and_that_nothing_is_lost():
    text = _classify(403, _problem("token_revoked", 403, "Tilgangen er trukket tilbake.")).text.render()
    assert "Tilgangen er trukket tilbake" in text and "Registrer maskinen på nytt" in text
    assert "Ingenting er tapt" in text


def test_transport_errors():
    assert client.classify(None, httpx.ConnectError("refused")).text == texts.UNREACHABLE
    timeout = client.classify(None, httpx.ReadTimeout("slow"))
    assert (timeout.kind, timeout.code) == ("retry", "timeout")


@given(st.integers(min_value=0, max_value=200), st.integers(min_value=0, max_value=2**32))
def test_full_jitter_stays_between_zero_and_the_capped_exponential(attempts, seed):
    delay = outbox.backoff_delay(attempts, random.Random(seed))
    assert 0 <= delay <= min(outbox.BACKOFF_CAP_S, outbox.BACKOFF_BASE_S * 2**min(attempts, 30))


def test_full_jitter_spreads_retries():
    rng = random.Random(1)
    delays = [outbox.backoff_delay(6, rng) for _ in range(200)]
    assert max(delays) > 200 and min(delays) < 100  # 0..320 s: the herd is spread


def test_retry_text_names_the_next_try_in_oslo_time():
    now = datetime(2026, 5, 20, 11, 0, tzinfo=timezone.utc)  # 13:00 in Oslo (CEST)
    assert text_format.when_text(now + timedelta(minutes=65), now) == "kl. 14:05"
    assert text_format.when_text(now + timedelta(days=1), now) == "21.05.2026 kl. 13:00"
    later = datetime.now(timezone.utc) + timedelta(days=3)
    local = later.astimezone(OSLO)
    stored = texts.retry(texts.UNREACHABLE, later).to_json()  # what the outbox row keeps
    assert str(Message.from_json(stored)) == f"Kommunen svarer ikke – prøver igjen {local:%d.%m.%Y} kl. {local:%H:%M}"
    with language("en"):
        assert str(Message.from_json(stored)) == (
            f"The municipality does not answer – trying again {local:%Y-%m-%d} {local:%H:%M}")
