"""The real receiver processes (issue 15): the migration race is gone (10 fresh starts of
4 workers, none crashes; concurrent `migrate` runs take turns), a 100 MB chunked body does not
grow a worker's memory, and /metrics adds up the counters of all workers."""

from __future__ import annotations

import re
import socket
import subprocess
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from tests.sync.receiver_helpers import (
    POSTGRES_ADMIN_URL,
    backend_database,
    enrol_device,
    receiver_command,
    run_receiver,
)

BACKEND = "postgresql" if POSTGRES_ADMIN_URL else "sqlite"
CRASH_SIGNS = ("died", "failed to start", "Traceback", "Application startup failed", "refusing to start")


def _workers_started(log: str) -> int:
    return len(re.findall(r"Application startup complete", log))


def test_ten_fresh_starts_of_four_workers_never_crash_a_worker(tmp_path):
    """Each round: a fresh database, `migrate`, then `serve --workers 4` as documented."""
    report = []
    for round_no in range(10):
        folder = tmp_path / f"round{round_no}"
        folder.mkdir()
        with backend_database(BACKEND, folder) as db_url:
            with run_receiver(db_url, folder / "server.log", workers=4) as receiver:
                deadline = time.monotonic() + 60
                while _workers_started(receiver.log_path.read_text()) < 4 and time.monotonic() < deadline:
                    time.sleep(0.2)
                for _ in range(8):
                    assert httpx.get(f"{receiver.base_url}/v1/ready", timeout=10).status_code == 200
            log = (folder / "server.log").read_text()
        report.append((_workers_started(log), [sign for sign in CRASH_SIGNS if sign in log]))
    print("rounds (workers up, crash signs):", report)
    assert report == [(4, [])] * 10


def test_migrate_runs_started_together_take_turns(tmp_path):
    with backend_database(BACKEND, tmp_path) as db_url:
        runs = [subprocess.Popen(receiver_command("migrate", "--db", db_url), stdout=subprocess.PIPE,
                                 stderr=subprocess.PIPE, text=True) for _ in range(4)]
        results = [(run.wait(timeout=120), run.stdout.read(), run.stderr.read()) for run in runs]
    assert [code for code, _, _ in results] == [0, 0, 0, 0], [err for _, _, err in results]
    assert sorted('"changed": true' in out for _, out, _ in results) == [False, False, False, True]


def _rss_kib(pid: int) -> int:
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    raise AssertionError("no VmRSS")


def chunked_post(base_url: str, path: str, megabytes: int) -> tuple[int | None, int]:
    """POST `megabytes` MB as a chunked body over a raw socket; returns (status, bytes sent)."""
    host, port = httpx.URL(base_url).host, httpx.URL(base_url).port
    sent = 0
    chunk = b"{" * 65536
    with socket.create_connection((host, port), timeout=30) as sock:
        sock.sendall(f"POST {path} HTTP/1.1\r\nHost: {host}\r\nContent-Type: application/json\r\n"
                     "Transfer-Encoding: chunked\r\n\r\n".encode())
        try:
            while sent < megabytes * 1_000_000:
                sock.sendall(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
                sent += len(chunk)
            sock.sendall(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass  # the receiver answered and closed: it will not read the rest
        try:
            head = sock.recv(4096)
        except (ConnectionResetError, socket.timeout):
            head = b""
    match = re.match(rb"HTTP/1\.1 (\d{3})", head)
    return (int(match.group(1)) if match else None), sent


@pytest.mark.parametrize("path", ["/v1/submissions", "/v1/enrol", "/staff/login"])
def test_a_100_mb_chunked_body_is_refused_without_growing_memory(tmp_path, path):
    with backend_database("sqlite", tmp_path) as db_url, run_receiver(db_url, tmp_path / "server.log") as receiver:
        httpx.get(f"{receiver.base_url}/staff/login", timeout=10)  # warm: templates, forms parser
        before = _rss_kib(receiver.process.pid)
        with ThreadPoolExecutor(4) as pool:
            results = list(pool.map(lambda _n: chunked_post(receiver.base_url, path, 100), range(4)))
        after = _rss_kib(receiver.process.pid)
        assert httpx.get(f"{receiver.base_url}/v1/health", timeout=10).status_code == 200
    print(f"{path}: RSS {before // 1024} MiB before, {after // 1024} MiB after 4 × 100 MB chunked; {results}")
    assert all(status in (413, None) for status, _ in results) and any(status == 413 for status, _ in results)
    assert all(sent < 100_000_000 for _, sent in results)  # the connection closed long before the end
    assert after - before < 20 * 1024  # under 20 MiB (the old receiver grew by 1.1 GiB here)


def test_metrics_add_up_across_workers(tmp_path):
    with backend_database(BACKEND, tmp_path) as db_url, \
            run_receiver(db_url, tmp_path / "server.log", workers=4) as receiver:
        with httpx.Client(base_url=receiver.base_url, timeout=30) as http:
            device = enrol_device(http, db_url)
        pids = set()
        for n in range(40):  # new connections, so the kernel spreads them over the workers
            with httpx.Client(base_url=receiver.base_url, timeout=30) as http:
                device.http = http
                assert device.submit(employee_no=str(5000 + n))[1].status_code == 201
        log = receiver.log_path.read_text()
        pids = set(re.findall(r'"pid": (\d+), "message": "request"', log))
        text = httpx.get(f"{receiver.base_url}/metrics", timeout=30).text
    received = re.search(r'^bpa_receiver_submissions_total\{outcome="received"\} ([0-9.]+)$', text, re.M)
    assert received and float(received.group(1)) == 40, text[:2000]
    assert len(pids) >= 2  # the 40 went to more than one worker, and /metrics counted them all


def test_uvicorn_imports_the_factory_and_a_worker_on_an_old_schema_says_why_it_stops(tmp_path):
    """What a process manager does: `uvicorn --factory …:create_app`, configured by BPA_RECEIVER_*."""
    import os
    import sys

    from tests.sync.receiver_helpers import free_port, migrate_receiver, stop, wait_until_healthy

    db_url = f"sqlite:///{tmp_path / 'receiver.db'}"
    env = {**os.environ, "BPA_RECEIVER_DB": db_url, "PYTHONUNBUFFERED": "1"}
    command = [sys.executable, "-m", "uvicorn", "--factory", "bpa_desktop.sync.receiver.app:create_app",
               "--host", "127.0.0.1", "--port", str(free_port())]
    refused = subprocess.run(command, env=env, capture_output=True, text=True, timeout=60)
    assert refused.returncode != 0
    assert "Kjør `bpa receiver migrate` én gang før mottaket startes" in refused.stderr + refused.stdout

    migrate_receiver(db_url)
    log = tmp_path / "uvicorn.log"
    with open(log, "wb") as out:
        process = subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT)
        try:
            base_url = f"http://127.0.0.1:{command[-1]}"
            wait_until_healthy(base_url, process, log)
            assert httpx.get(f"{base_url}/v1/ready", timeout=10).status_code == 200
        finally:
            stop(process)
