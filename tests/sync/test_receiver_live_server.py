"""The real receiver (`bpa receiver serve`, uvicorn) in a subprocess on 127.0.0.1."""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections import Counter

import httpx

from tests.sync.receiver_helpers import enrol_device


def test_twenty_threads_posting_the_same_key_store_one_row(live_receiver):
    with httpx.Client(base_url=live_receiver.base_url, timeout=30) as http:
        device = enrol_device(http, live_receiver.db_url)
        signed = device.sign(device.body())
    statuses, receipts = [], []
    barrier = threading.Barrier(20)

    def push():
        with httpx.Client(base_url=live_receiver.base_url, timeout=30) as own:
            device_copy = type(device)(own, device.arrangement_id, device.key, device.token, device.code)
            barrier.wait()
            response = device_copy.post(signed)
            statuses.append(response.status_code)
            receipts.append(response.json())

    threads = [threading.Thread(target=push) for _ in range(20)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert Counter(statuses) == Counter({201: 1, 200: 19})
    assert all(receipt == receipts[0] for receipt in receipts)

    listed = subprocess.run(
        [sys.executable, "-m", "bpa_desktop.cli", "receiver", "list", "--db", live_receiver.db_url, "--json"],
        capture_output=True, check=True,
    )
    assert [item["id"] for item in json.loads(listed.stdout)["submissions"]] == [receipts[0]["submission_id"]]


def test_tampered_bytes_over_the_wire_are_refused(live_receiver):
    with httpx.Client(base_url=live_receiver.base_url, timeout=30) as http:
        device = enrol_device(http, live_receiver.db_url)
        signed = device.sign(device.body())
        payload = json.dumps(signed.model_dump(mode="json")).encode()
        body_b64 = signed.body.encode()
        flipped = body_b64[:10] + (b"A" if body_b64[10:11] != b"A" else b"B") + body_b64[11:]
        response = http.post(
            "/v1/submissions",
            content=payload.replace(body_b64, flipped),
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {device.token}",
                     "Idempotency-Key": str(device.body().submission_id)},
        )
        assert response.status_code == 422
        assert response.json()["code"] == "bad_signature"
        assert http.get("/openapi.json").status_code == 404  # not published unless switched on
