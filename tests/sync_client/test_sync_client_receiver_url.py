"""The desktop client refuses a receiver address that is not https (plain http only to this
machine), with a clear Norwegian message, before any request goes out and before a key is made."""

from __future__ import annotations

import httpx
import pytest

from bpa_desktop.i18n import t
from bpa_desktop.sync import receiver_url
from bpa_desktop.sync.client import SyncClient, SyncError
from bpa_desktop.workspace import WorkspaceError


@pytest.mark.parametrize("url", [
    "http://example.invalid", "http://example.invalid:8765/", "HTTP://mottak.kommune.no", "http://10.0.0.5",
    "http://192.168.1.10:8765", "http://[2001:db8::1]/", "http://127.0.0.1.example.invalid", "ftp://mottak.kommune.no",
    "mottak.kommune.no", "https://", "",
])
def test_not_https_is_refused(url):
    assert receiver_url.refusal(url) is not None


@pytest.mark.parametrize("url", [
    "https://mottak.kommune.no", "https://mottak.kommune.no:8443/bpa/", "http://127.0.0.1:8765", "http://127.8.9.1",
    "http://localhost:8000/", "http://[::1]:8765", " https://mottak.kommune.no ",
])
def test_https_and_loopback_http_are_allowed(url):
    assert receiver_url.refusal(url) is None


def test_enrolling_at_http_example_invalid_sends_nothing_and_makes_no_key(demo_workspace, demo_arrangement_id,
                                                                           memory_keyring):
    requests: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(500)

    client = SyncClient(demo_workspace.sync.outbox, transport=httpx.MockTransport(record))
    with pytest.raises(SyncError) as refused:
        client.enrol(demo_arrangement_id, "http://example.invalid", "ABCD-EFGH-JKLM-NPQR")
    assert str(refused.value) == t("sync.url_not_https")
    assert "https://" in str(refused.value) and "127.0.0.1" in str(refused.value)
    assert requests == [] and memory_keyring.items == {}
    assert demo_workspace.sync.enrolment(demo_arrangement_id) is None

    # The same through the Workspace (the Synk page's and `bpa sync enrol`'s path).
    with pytest.raises(WorkspaceError, match="må begynne med https://"):
        demo_workspace.sync.enrol(demo_arrangement_id, "http://example.invalid", "ABCD-EFGH-JKLM-NPQR",
                                  transport=httpx.MockTransport(record))
    assert requests == []


@pytest.mark.parametrize("language", ["nb", "en"])
def test_requests_ask_for_the_users_language(demo_workspace, demo_arrangement_id, memory_keyring, language):
    """The receiver's own words in a refusal (its problem title) then come in the user's language."""
    from bpa_desktop import i18n

    requests: list[httpx.Request] = []

    def record(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        return httpx.Response(503, headers={"Retry-After": "1"})

    client = SyncClient(demo_workspace.sync.outbox, transport=httpx.MockTransport(record))
    with i18n.language(language), pytest.raises(SyncError):
        client.enrol(demo_arrangement_id, "http://127.0.0.1:9", "ABCD-EFGH-JKLM-NPQR")
    assert requests and {r.headers["Accept-Language"] for r in requests} == {language}
