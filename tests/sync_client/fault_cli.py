"""`bpa` whose HTTP transport ends the process at a chosen point of a submission
(docs/protocol.md, failure cases 3 and 4): ``exit_before_response`` just as the request would go out,
``exit_after_response`` as soon as the receiver's answer has arrived, before the client can
save the receipt. Test-only: it replaces httpx's transport in this process and runs the CLI.

    python -c "from tests.sync_client.fault_cli import main; raise SystemExit(main())" MODE sync push …
"""

from __future__ import annotations

import os
import sys

import httpx

MODES = ("exit_before_response", "exit_after_response")


class ExitingTransport(httpx.HTTPTransport):
    mode = MODES[0]

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if not request.url.path.endswith("/v1/submissions"):
            return super().handle_request(request)
        if self.mode == "exit_before_response":
            os._exit(137)
        response = super().handle_request(request)
        response.read()
        os._exit(137)


def main() -> int:
    mode, argv = sys.argv[1], sys.argv[2:]
    assert mode in MODES, mode
    ExitingTransport.mode = mode
    httpx.HTTPTransport = ExitingTransport  # the client builds its transport from this name
    from bpa_desktop.cli import main as bpa

    return bpa(argv)
