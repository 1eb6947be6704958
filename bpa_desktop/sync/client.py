"""The sync worker's one pass, in plain httpx (no Qt): used by `bpa sync push` and the GUI.

One pass per enrolled arrangement (docs/protocol.md): read the token and key from the keyring →
seal (sign) what waits → claim a batch under a lease (BEGIN IMMEDIATE) → POST each with its
id as Idempotency-Key → record each answer in its own short transaction → pull decisions
since the cursor and apply them with the new cursor in one transaction.

Answers are classified once (``classify``): 2xx delivered; 408/425/429/5xx, timeouts and
connection errors are retried with backoff (never given up); 409 ``in_flight`` is retried
shortly; 401/403 pause the whole arrangement until re-enrolment; 409 ``version_conflict``
needs a correction; other 4xx block the row (kept, shown). HTTP-level retries are off: only
connection set-up is retried by the transport, everything else belongs to the outbox.

The client holds no database: it drives an ``OutboxPort`` (``ws.sync.outbox``), so every
result is recorded by the Workspace in its own short transaction. Tests give it an httpx
transport (a mock, or one that fails on purpose).
"""

from __future__ import annotations

import base64
import email.utils
import hashlib
import os
import platform
import random
import re
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

import httpx
from pydantic import ValidationError

from bpa_desktop import i18n
from bpa_desktop.core.input_file import InputError, parse_json, shown
from bpa_desktop.message import Message
from bpa_desktop.storage.outbox_repository import Enrolment
from bpa_desktop.sync import credentials, outbox, signing, texts
from bpa_desktop.sync import receiver_url as receiver_url_rules
from bpa_desktop.sync.outbox import OutboxPort
from bpa_desktop.sync.protocol import (
    DecisionsPage,
    EnrolRequest,
    EnrolResponse,
    Receipt,
    SignedSubmission,
    StatusRequest,
    StatusResponse,
)

DEFAULT_TIMEOUT = httpx.Timeout(10.0, connect=5.0, read=30.0)
BATCH = 20
DECISIONS_PAGE = 200


class SyncError(Exception):
    """Sync could not do what was asked (enrolment); the message is plain Norwegian."""


# --- classification ------------------------------------------------------------------------


@dataclass(frozen=True)
class Outcome:
    kind: str  # delivered | retry | paused_auth | needs_correction | blocked
    code: str
    text: Message | None = None  # what the row keeps (rendered when shown)
    retry_after: float | None = None
    delay: float | None = None  # fixed delay instead of backoff (in_flight)
    receipt: dict | None = None
    replay: bool = False  # 200: the receiver already had it


#: The longest wait a receiver's Retry-After can ask for (a header of 10^309 seconds or the
#: year 9999 made the next try time overflow).
MAX_RETRY_AFTER_S = 24 * 3600.0
#: Answers larger than this are not read as JSON (a receipt or a page is a few kilobytes).
MAX_ANSWER_BYTES = 1024 * 1024
_CODE = re.compile(r"[a-z0-9_]{1,64}")


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if not value:
        return None
    if value.strip().isdigit():
        return min(float(value.strip()[:12]), MAX_RETRY_AFTER_S)
    try:
        moment = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return min(max(0.0, (moment - datetime.now(timezone.utc)).total_seconds()), MAX_RETRY_AFTER_S)


def _json(response: httpx.Response) -> object:
    """The answer's JSON, read as strictly as a shift file (no NaN, bounded depth and size);
    None when it is not that. A receiver's answer is input like any other."""
    content = response.content
    if len(content) > MAX_ANSWER_BYTES:
        return None
    try:
        return parse_json(content.decode("utf-8"))
    except (UnicodeDecodeError, InputError):
        return None


def _problem(response: httpx.Response) -> dict:
    data = _json(response)
    return data if isinstance(data, dict) else {}


def _said(value: object, fallback: str) -> str:
    """Text a receiver wrote, fit for a message: one line, cut short, never empty."""
    return shown(value, 200) if isinstance(value, str) and value.strip() else fallback


def classify(response: httpx.Response | None, error: Exception | None = None, *, expected_sha256: str = "",
             submission_id: str = "") -> Outcome:
    """What one POST /v1/submissions answer (or transport error) means for the row."""
    if error is not None:
        if isinstance(error, httpx.TimeoutException):
            return Outcome("retry", "timeout", texts.TIMEOUT)
        return Outcome("retry", "unreachable", texts.UNREACHABLE)
    assert response is not None
    status = response.status_code
    problem = _problem(response)
    code = problem.get("code")
    code = code if isinstance(code, str) and _CODE.fullmatch(code) else f"http_{status}"
    if 200 <= status < 300:
        try:
            receipt = Receipt.model_validate(problem)
        except ValidationError:
            return Outcome("retry", "bad_receipt", texts.unexpected(status))
        if str(receipt.submission_id) != submission_id or receipt.body_sha256 != expected_sha256:
            return Outcome("blocked", "receipt_mismatch", texts.BAD_RECEIPT)
        return Outcome("delivered", "ok", receipt=receipt.model_dump(mode="json"), replay=status == 200)
    if status in (408, 425, 429) or status >= 500:
        text = texts.BUSY if status in (429, 503) else texts.server_error(status)
        return Outcome("retry", code, text, retry_after=_retry_after(response))
    if status == 409 and code == "in_flight":
        return Outcome("retry", code, texts.IN_FLIGHT, delay=outbox.IN_FLIGHT_DELAY_S)
    if status == 409 and code == "version_conflict":
        return Outcome("needs_correction", code, texts.VERSION_CONFLICT, receipt=outbox.conflict_answer(problem))
    if status in (401, 403):
        detail = _said(problem.get("title"), f"HTTP {status}").rstrip(".")
        return Outcome("paused_auth", code, texts.auth(detail))
    if status == 422 and code == "bad_signature":
        return Outcome("blocked", code, texts.BAD_SIGNATURE)
    if status == 422 and code == "key_reused":
        return Outcome("blocked", code, texts.KEY_REUSED)
    if 400 <= status < 500:
        return Outcome("blocked", code, texts.refused(_said(problem.get("title"), f"HTTP {status}")))
    return Outcome("retry", code, texts.unexpected(status))


# --- one pass --------------------------------------------------------------------------------


@dataclass
class PushSummary:
    """What one pass did, plus the outbox counts afterwards (``bpa sync push`` prints it)."""

    sent: int = 0
    delivered: int = 0
    replayed: int = 0  # answered 200: the receiver already had it (a retry after a lost answer)
    retried: int = 0
    paused_auth: int = 0
    blocked: int = 0
    needs_correction: int = 0
    decisions: int = 0
    events: int = 0  # bpa-sync/2 events applied (proposals, confirmations, approvals)
    shared: int = 0  # publications, links and revocations the receiver took
    messages: list[str] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def waiting(self) -> int:
        return outbox.waiting_count(self.counts) if self.counts else 0

    def as_json(self) -> dict:
        return {
            "sent": self.sent,
            "delivered": self.delivered,
            "replayed": self.replayed,
            "retried": self.retried,
            "paused_auth": self.paused_auth,
            "blocked": self.blocked,
            "needs_correction": self.needs_correction,
            "decisions": self.decisions,
            "events": self.events,
            "shared": self.shared,
            "waiting": self.waiting,
            "counts": self.counts,
            "messages": self.messages,
        }


class SyncClient:
    """Pushes one database's outbox. Create one per thread (it owns an httpx client per pass)."""

    def __init__(
        self,
        outbox_port: OutboxPort,
        *,
        transport: httpx.BaseTransport | None = None,
        timeout: httpx.Timeout | float = DEFAULT_TIMEOUT,
        lease_seconds: float = outbox.LEASE_SECONDS,
        owner: str | None = None,
        rng: random.Random | None = None,
        sharing=None,
    ) -> None:
        self._outbox = outbox_port
        self._sharing = sharing  # a SharingPort (sync/client_v2.py): the bpa-sync/2 step, or None
        self._transport = transport
        self._timeout = timeout
        self._lease_seconds = lease_seconds
        self.owner = owner or f"{platform.node()[:20]}:{os.getpid()}:{uuid.uuid4().hex[:8]}"
        self._rng = rng
        self._should_stop: Callable[[], bool] = lambda: False
        self._on_sent: Callable[[PushSummary], None] = lambda _summary: None

    def _http(self, base_url: str) -> httpx.Client:
        transport = self._transport or httpx.HTTPTransport(retries=1)  # connection set-up only
        return httpx.Client(
            base_url=base_url,
            timeout=self._timeout,
            transport=transport,
            # The receiver's own words (a refusal's title) in the language the user reads.
            headers={"User-Agent": "bpa-desktop (bpa-sync/1)", "Accept-Language": i18n.get_language()},
        )

    # -- health ----------------------------------------------------------------------------

    def probe(self, base_url: str) -> bool:
        """True when the receiver answers /v1/health: the only proof of being online."""
        try:
            with self._http(base_url) as http:
                return http.get("/v1/health").status_code == 200
        except httpx.HTTPError:
            return False

    # -- enrolment -------------------------------------------------------------------------

    def enrol(self, arrangement_id: int, receiver_url: str, code: str) -> Enrolment:
        """One-time code + this arrangement's public key → API token (kept in the keyring).

        An existing key is reused (re-enrolment after a revoked token keeps signed
        submissions valid). A new key is put in the keyring *before* the request under a
        name derived from the code, so repeating a command whose answer was lost sends the
        same key and gets the same token.
        """
        receiver_url = receiver_url.strip().rstrip("/")
        if (refused := receiver_url_rules.refusal(receiver_url)) is not None:
            raise SyncError(refused)  # before any request, and before a key is made
        previous = self._outbox.load_enrolments(arrangement_id)
        pending_name = "pending-" + hashlib.sha256(code.strip().upper().encode()).hexdigest()[:16]
        try:
            key = credentials.load_signing_key(previous[0].remote_arrangement_id) if previous else None
            key = key or credentials.load_signing_key(pending_name)
            if key is None:
                key = signing.generate_private_key()
                credentials.store_signing_key(pending_name, key)
        except credentials.CredentialsUnavailable as error:
            raise SyncError(str(error)) from None
        public_raw = signing.public_key_raw(key)
        request = EnrolRequest(
            code=code.strip(),
            public_key=base64.b64encode(public_raw).decode("ascii"),
            key_id=signing.key_id(public_raw),
            device_label=f"bpa-desktop {platform.system()}"[:64],
        )
        try:
            with self._http(receiver_url) as http:
                response = http.post("/v1/enrol", json=request.model_dump(mode="json"))
        except httpx.HTTPError as error:
            reason = texts.TIMEOUT if isinstance(error, httpx.TimeoutException) else texts.UNREACHABLE
            raise SyncError(str(texts.enrol_unreachable(reason, receiver_url))) from None
        if response.status_code not in (200, 201):
            title = _said(_problem(response).get("title"), f"HTTP {response.status_code}")
            raise SyncError(str(texts.enrol_refused(title)))
        try:
            enrolled = EnrolResponse.model_validate(_json(response))
        except ValidationError:
            raise SyncError(str(texts.UNREADABLE_ANSWER)) from None
        try:
            credentials.store_signing_key(enrolled.arrangement_id, key)
            credentials.store_token(receiver_url, enrolled.arrangement_id, enrolled.token)
        except credentials.CredentialsUnavailable as error:
            raise SyncError(str(error)) from None
        self._outbox.save_enrolment(
            arrangement_id,
            receiver_url=receiver_url,
            remote_arrangement_id=enrolled.arrangement_id,
            public_key=public_raw,
        )
        return self._outbox.load_enrolments(arrangement_id)[0]

    # -- push ------------------------------------------------------------------------------

    def push_once(self, arrangement_id: int | None = None, *, ignore_backoff: bool = False,
                  should_stop: Callable[[], bool] | None = None,
                  on_sent: Callable[[PushSummary], None] | None = None) -> PushSummary:
        """One pass. ``should_stop`` is asked before each batch (a cancelled pass ends there:
        every submission it sent has its answer recorded); ``on_sent`` hears after each batch."""
        summary = PushSummary()
        self._should_stop = should_stop or (lambda: False)
        self._on_sent = on_sent or (lambda _summary: None)
        enrolments = self._outbox.load_enrolments(arrangement_id)
        enrolled_ids = {e.arrangement_id for e in enrolments}
        for local_id, count in self._outbox.queued_by_arrangement().items():
            if local_id not in enrolled_ids and (arrangement_id is None or arrangement_id == local_id) and count:
                self._outbox.note_error(local_id, code="not_enrolled", text=texts.NOT_ENROLLED)
                summary.messages.append(str(texts.NOT_ENROLLED))
        for enrolment in enrolments:
            if self._should_stop():
                break
            self._push_arrangement(enrolment, summary, ignore_backoff)
        summary.counts = self._outbox.counts(arrangement_id)
        return summary

    def _secrets(self, enrolment, summary: PushSummary):
        try:
            token = credentials.load_token(enrolment.receiver_url, enrolment.remote_arrangement_id)
            key = credentials.load_signing_key(enrolment.remote_arrangement_id)
        except credentials.CredentialsUnavailable as error:
            self._outbox.note_error(enrolment.arrangement_id, code="keyring", text=Message("sync.no_keyring"))
            summary.messages.append(str(error))
            return None
        if token is None or key is None:
            text = texts.TOKEN_MISSING if token is None else texts.KEY_MISSING
            summary.paused_auth += self._outbox.pause_auth(enrolment.arrangement_id, code="secret_missing", text=text)
            summary.messages.append(str(text))
            return None
        return token, key

    def _push_arrangement(self, enrolment, summary: PushSummary, ignore_backoff: bool) -> None:
        secrets = self._secrets(enrolment, summary)
        if secrets is None:
            return
        token, key = secrets
        self._outbox.seal(enrolment, key)
        headers = {"Authorization": f"Bearer {token}"}
        tried: set[str] = set()
        sealed_at = summary.delivered
        with self._http(enrolment.receiver_url) as http:
            while True:
                if self._should_stop():
                    return  # cancelled: what was sent is recorded, nothing is claimed
                batch = self._outbox.claim(
                    enrolment.arrangement_id, self.owner,
                    lease_seconds=self._lease_seconds, limit=BATCH, ignore_backoff=ignore_backoff, exclude=tried,
                )
                if not batch and summary.delivered > sealed_at:
                    # A receipt settles the head a later version of its period waited for:
                    # build and sign that one now, and send it in this pass.
                    sealed_at = summary.delivered
                    if self._outbox.seal(enrolment, key):
                        continue
                if not batch:
                    break
                tried.update(item.id for item in batch)
                sent = self._send_batch(http, headers, enrolment, batch, summary)
                self._on_sent(summary)
                if not sent:
                    return  # receiver unreachable or access refused: stop this pass
            self._pull_decisions(http, headers, enrolment, summary)
            if self._sharing is not None and not self._should_stop():
                from bpa_desktop.sync.client_v2 import SharingClient

                shared = SharingClient(self._sharing).run(http, token, key, enrolment)
                summary.events += shared.applied
                summary.shared += shared.published + shared.links + shared.revoked
                summary.messages += [str(text) for text in shared.messages]

    def _send_batch(self, http: httpx.Client, headers: dict, enrolment, batch, summary: PushSummary) -> bool:
        for index, item in enumerate(batch):
            signed = SignedSubmission.of(item.key_id, item.body, item.sig).model_dump(mode="json")
            response, error = None, None
            summary.sent += 1
            try:
                response = http.post("/v1/submissions", json=signed, headers={**headers, "Idempotency-Key": item.id})
            except httpx.HTTPError as caught:
                error = caught
            outcome = classify(response, error, expected_sha256=item.body_sha256, submission_id=item.id)
            if not self._record(enrolment, item, outcome, summary):
                rest = [other.id for other in batch[index + 1:]]
                if outcome.kind == "retry":
                    self._outbox.release(rest, self.owner, code=outcome.code, reason=outcome.text,
                                   retry_after=outcome.retry_after, rng=self._rng)
                    summary.retried += len(rest)
                return False
        return True

    def _record(self, enrolment, item, outcome: Outcome, summary: PushSummary) -> bool:
        """Save one answer; False when the rest of the pass should stop."""
        if outcome.kind == "delivered":
            self._outbox.mark_delivered(item.id, outcome.receipt)
            summary.delivered += 1
            summary.replayed += outcome.replay
            return True
        if outcome.kind == "retry":
            when = self._outbox.mark_retry(item.id, self.owner, code=outcome.code, reason=outcome.text,
                                     retry_after=outcome.retry_after, delay=outcome.delay, rng=self._rng)
            summary.retried += 1
            if when is not None:
                summary.messages.append(str(texts.retry(outcome.text, when)))
            # A server that answered may take the next one; one that did not answer will not.
            return outcome.code not in ("unreachable", "timeout") and outcome.retry_after is None
        if outcome.kind == "paused_auth":
            summary.paused_auth += self._outbox.pause_auth(enrolment.arrangement_id,
                                                     code=outcome.code, text=outcome.text)
            summary.messages.append(str(outcome.text))
            return False
        self._outbox.mark_state(item.id, self.owner, outcome.kind, code=outcome.code, text=outcome.text,
                                answer=outcome.receipt if outcome.kind == "needs_correction" else None)
        if outcome.kind == "blocked":
            summary.blocked += 1
        else:
            summary.needs_correction += 1
        summary.messages.append(str(outcome.text))
        return True

    # -- decisions -------------------------------------------------------------------------

    def _pull_decisions(self, http: httpx.Client, headers: dict, enrolment, summary: PushSummary) -> None:
        cursor = enrolment.decisions_cursor
        for _ in range(1000):  # a bound, not a limit in practice: 200 000 decisions
            try:
                response = http.get("/v1/decisions", params={"since": cursor, "limit": DECISIONS_PAGE}, headers=headers)
            except httpx.HTTPError:
                return  # decisions come next time; nothing is lost
            if response.status_code == 409 and _problem(response).get("code") == "cursor_ahead":
                self._reconcile(http, headers, enrolment, summary)
                cursor = 0
                continue
            if response.status_code in (401, 403):
                outcome = classify(response)
                summary.paused_auth += self._outbox.pause_auth(enrolment.arrangement_id,
                                                         code=outcome.code, text=outcome.text)
                return
            if response.status_code != 200:
                return
            try:
                page = DecisionsPage.model_validate(_json(response))
            except ValidationError:
                summary.messages.append(str(texts.UNREADABLE_DECISIONS))
                return  # a page that is not one: read again next time; nothing is applied
            summary.decisions += self._outbox.apply_decisions(enrolment.arrangement_id, page.decisions, page.next)
            if len(page.decisions) < DECISIONS_PAGE or page.next == cursor:
                return
            cursor = page.next

    def _reconcile(self, http: httpx.Client, headers: dict, enrolment, summary: PushSummary) -> None:
        """The receiver was restored from an older backup: ask which of the ids it had it still
        has, send the others again with the same ids, and read decisions from 0."""
        ids = self._outbox.ids_at_receiver(enrolment.arrangement_id)
        unknown: list[str] = []
        for start in range(0, len(ids), 1000):
            chunk = ids[start:start + 1000]
            try:
                response = http.post(
                    "/v1/submissions/status",
                    json=StatusRequest(ids=[uuid.UUID(i) for i in chunk]).model_dump(mode="json"),
                    headers=headers,
                )
            except httpx.HTTPError:
                return  # the check is repeated on the next cursor_ahead
            if response.status_code != 200:
                return
            try:
                answer = StatusResponse.model_validate(_json(response))
            except ValidationError:
                return
            unknown += [str(s.submission_id) for s in answer.submissions if s.state == "unknown"]
        self._outbox.requeue_unknown(unknown)
        self._outbox.apply_decisions(enrolment.arrangement_id, [], 0)
        if unknown:
            summary.messages.append(str(texts.CURSOR_RESET))

