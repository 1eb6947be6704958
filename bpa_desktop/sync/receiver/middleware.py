"""ASGI middleware of the receiver: the request's language, body limit, security headers, access
log and request metrics.

Plain ASGI (not BaseHTTPMiddleware) so the body limit sees the body as it streams in.
"""

from __future__ import annotations

import json
import logging
import time

from starlette.datastructures import Headers, MutableHeaders
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from bpa_desktop import i18n
from bpa_desktop.i18n import t
from bpa_desktop.sync.protocol import PROBLEM_MEDIA_TYPE
from bpa_desktop.sync.receiver import metrics

access_log = logging.getLogger("bpa_receiver.access")

# No script at all; styles only from our own stylesheet; forms post only to us; never framed.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; "
    "frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CONTENT_SECURITY_POLICY,
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "x-frame-options": "DENY",
    "cross-origin-opener-policy": "same-origin",
    "cross-origin-resource-policy": "same-origin",
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
}
HSTS = "max-age=31536000"


class SecurityHeaders:
    """Every answer carries the headers above; HSTS when the receiver is reached over HTTPS
    (the proxy's X-Forwarded-Proto, trusted through --forwarded-allow-ips) or is configured secure."""

    def __init__(self, app: ASGIApp, *, always_hsts: bool = False) -> None:
        self.app = app
        self.always_hsts = always_hsts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        secure = self.always_hsts or scope.get("scheme") == "https"

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                if secure:
                    headers.setdefault("strict-transport-security", HSTS)
            await send(message)

        await self.app(scope, receive, send_with_headers)


class RequestLanguage:
    """Texts of one request (staff pages, problem titles) in the language its Accept-Language
    asks for first among ours (Norwegian of any written form is bokmål), else ``default``."""

    def __init__(self, app: ASGIApp, *, default: str) -> None:
        self.app = app
        self.default = default

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        chosen = preferred_language(Headers(scope=scope).get("accept-language", ""), self.default)
        with i18n.language(chosen):
            await self.app(scope, receive, send)


_OURS = {"nb": "nb", "no": "nb", "nn": "nb", "en": "en"}


def preferred_language(header: str, default: str) -> str:
    """The first of our languages in an Accept-Language header, by quality then order."""
    offers = []
    for position, part in enumerate(header.split(",")[:20]):  # a bounded header, as any input
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                continue
        ours = _OURS.get(tag.strip().lower().split("-")[0])
        if ours and quality > 0:
            offers.append((-quality, position, ours))
    return min(offers)[2] if offers else default


class BodyLimit:
    """Refuse a request body over `max_bytes` with 413, counted as it arrives.

    The Content-Length header is checked first, but a chunked body has none: the body is read
    here, at most `max_bytes` of it, before the application sees any of it, and reading stops at
    the first byte over the limit (the connection is then closed, so the rest is never read).
    """

    def __init__(self, app: ASGIApp, *, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        length = Headers(scope=scope).get("content-length")
        if length is not None and (not length.isdigit() or int(length) > self.max_bytes):
            return await _too_large(send)
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.max_bytes:
                return await _too_large(send)
            chunks.append(body)
            if not message.get("more_body", False):
                break
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


async def _too_large(send: Send) -> None:
    body = json.dumps({
        "type": "https://bpa-desktop.invalid/problems/too_large", "title": t("receiver.problem.too_large"),
        "status": 413, "detail": "", "code": "too_large",
    }, ensure_ascii=False).encode("utf-8")
    await send({
        "type": "http.response.start", "status": 413,
        "headers": [(b"content-type", PROBLEM_MEDIA_TYPE.encode()), (b"content-length", str(len(body)).encode()),
                    (b"connection", b"close")],
    })
    await send({"type": "http.response.body", "body": body})


def _route_template(scope: Scope) -> str:
    route = scope.get("route")
    path = getattr(route, "path", None)
    return path if isinstance(path, str) else "unmatched"


class AccessLog:
    """One structured log line and the request metrics per answered request.

    The line has the route *template*, never the path or query (they may carry ids), and the
    client address as the proxy reported it; no bodies, no names, no tokens.
    """

    def __init__(self, app: ASGIApp, *, log_requests: bool) -> None:
        self.app = app
        self.log_requests = log_requests

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started = time.perf_counter()
        status = 500

        async def capture(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            seconds = time.perf_counter() - started
            route = _route_template(scope)
            metrics.REQUESTS.labels(route=route, method=scope["method"], status=str(status)).inc()
            metrics.REQUEST_SECONDS.labels(route=route).observe(seconds)
            if self.log_requests:
                client = scope.get("client")
                access_log.info("request", extra={
                    "method": scope["method"], "route": route, "status": status,
                    "duration_ms": round(seconds * 1000, 1), "client": client[0] if client else None,
                })
