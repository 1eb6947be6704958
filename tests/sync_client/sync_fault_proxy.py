"""An HTTP proxy on loopback in front of the real receiver that can misbehave on purpose:
answer 5xx (with Retry-After) N times, hang without answering, flip one character of a
submission's signed body, or stop listening altogether (connection refused)."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

HOP_HEADERS = {"host", "content-length", "connection", "transfer-encoding", "keep-alive"}


class FaultProxy:
    def __init__(self, upstream: str, port: int = 0) -> None:
        self.upstream = upstream.rstrip("/")
        self.mode: str | None = None  # None | "fail" | "hang" | "flip"
        self.failures_left = 0
        self.fail_status = 503
        self.retry_after: str | None = None
        self.hang_seconds = 3.0
        self.submission_posts = 0
        self._port = port
        self._server: ThreadingHTTPServer | None = None
        self.start()

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._port}"

    def start(self) -> None:
        proxy = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep test output quiet
                pass

            def _relay(self):
                length = int(self.headers.get("Content-Length") or 0)
                body = self.rfile.read(length) if length else b""
                is_submission = self.command == "POST" and self.path == "/v1/submissions"
                if is_submission:
                    proxy.submission_posts += 1
                    if proxy.mode == "fail" and proxy.failures_left > 0:
                        proxy.failures_left -= 1
                        problem = json.dumps({"type": "about:blank", "title": "Feil", "status": proxy.fail_status,
                                              "detail": "", "code": "injected"}).encode()
                        self.send_response(proxy.fail_status)
                        self.send_header("Content-Type", "application/problem+json")
                        if proxy.retry_after is not None:
                            self.send_header("Retry-After", proxy.retry_after)
                        self.send_header("Content-Length", str(len(problem)))
                        self.end_headers()
                        self.wfile.write(problem)
                        return
                    if proxy.mode == "hang":
                        time.sleep(proxy.hang_seconds)
                        self.close_connection = True
                        return
                    if proxy.mode == "flip":
                        data = json.loads(body)
                        text = data["body"]
                        data["body"] = text[:12] + ("A" if text[12] != "A" else "B") + text[13:]
                        body = json.dumps(data).encode()
                headers = {k: v for k, v in self.headers.items() if k.lower() not in HOP_HEADERS}
                answer = httpx.request(self.command, proxy.upstream + self.path, headers=headers, content=body,
                                       timeout=30)
                self.send_response(answer.status_code)
                for key, value in answer.headers.items():
                    if key.lower() not in HOP_HEADERS:
                        self.send_header(key, value)
                self.send_header("Content-Length", str(len(answer.content)))
                self.end_headers()
                self.wfile.write(answer.content)

            do_GET = do_POST = _relay

        server = ThreadingHTTPServer(("127.0.0.1", self._port), Handler)
        server.daemon_threads = True
        self._port = server.server_address[1]
        self._server = server
        threading.Thread(target=server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        """Stop listening: new connections are refused until ``start`` is called again."""
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
