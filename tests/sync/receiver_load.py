"""A bounded load on a receiver on loopback: C concurrent clients (one enrolled arrangement and
one connection each) POST their share of T signed submissions, then re-send 10 % of them (a
lost-answer retry). Latency is measured per request; afterwards the receiver's database is
counted by id and by natural key, so lost and duplicated are facts, not assumptions.

Used by benchmarks/bench_receiver.py (figures for N workers, direct and through the proxy) and
by tests/sync/test_receiver_proxy.py (a smaller run that CI makes).
"""

from __future__ import annotations

import asyncio
import statistics
import time
import uuid
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone

import httpx
from sqlalchemy import func, select

from bpa_desktop.sync import signing
from bpa_desktop.sync.protocol import SubmissionBody
from bpa_desktop.sync.receiver import database, enrolment
from bpa_desktop.sync.receiver.store import Arrangement, Submission
from tests.sync.receiver_helpers import enrol_request

DEADLINE_S = 600  # a run that takes longer stops (bounded by count and by time)


@dataclass
class LoadResult:
    clients: int
    submissions: int
    requests: int
    seconds: float
    statuses: dict[int, int]
    p50_ms: float
    p99_ms: float
    stored: int
    lost: int
    duplicated_by_id: int
    duplicated_by_natural_key: int

    @property
    def requests_per_second(self) -> float:
        return self.requests / self.seconds

    def as_json(self) -> dict:
        return {**self.__dict__, "requests_per_second": round(self.requests_per_second, 1)}


@dataclass
class _Client:
    arrangement_id: str
    token: str
    items: list[tuple[str, dict]]  # (submission_id, signed JSON)


def _issue_codes(db_url: str, names: list[str]) -> list[str]:
    engine = database.make_engine(db_url)
    try:
        with database.write_session(engine) as session:
            return [enrolment.create_enrol_code(session, name, actor="load").code for name in names]
    finally:
        engine.dispose()


def _prepare(base_url: str, db_url: str, clients: int, total: int, verify, run_id: str) -> list[_Client]:
    names = [f"Last {run_id} {n}" for n in range(clients)]
    codes = _issue_codes(db_url, names)
    shares = [total // clients + (1 if n < total % clients else 0) for n in range(clients)]
    prepared = []
    with httpx.Client(base_url=base_url, verify=verify, timeout=30) as http:
        for code, share in zip(codes, shares):
            key = signing.generate_private_key()
            response = http.post("/v1/enrol", json=enrol_request(key, code))
            response.raise_for_status()
            enrolled = response.json()
            items = []
            for n in range(share):  # signed before the clock starts: the load is the receiver's
                body = SubmissionBody(
                    submission_id=uuid.uuid4(), arrangement_id=enrolled["arrangement_id"], employee_no=str(1000 + n),
                    period="2026-03", version=1, supersedes=None, kind="attestation",
                    lines={"100": 9000, "210": 600}, attested_by_role="arbeidsleder",
                    attested_at=datetime.now(timezone.utc), app_version="load",
                )
                items.append((str(body.submission_id), signing.sign_submission(key, body).model_dump(mode="json")))
            prepared.append(_Client(enrolled["arrangement_id"], enrolled["token"], items))
    return prepared


async def _run_client(base_url: str, client: _Client, verify, latencies: list[float], statuses: Counter) -> None:
    retries = client.items[: max(1, len(client.items) // 10)]
    async with httpx.AsyncClient(base_url=base_url, verify=verify, timeout=30) as http:
        for submission_id, signed in client.items + retries:
            headers = {"Authorization": f"Bearer {client.token}", "Idempotency-Key": submission_id}
            for _attempt in range(20):  # busy (503/409 in_flight): back off like the outbox would
                started = time.perf_counter()
                response = await http.post("/v1/submissions", json=signed, headers=headers)
                latencies.append(time.perf_counter() - started)
                statuses[response.status_code] += 1
                if response.status_code not in (503, 409):
                    break
                await asyncio.sleep(float(response.headers.get("Retry-After", "0.2")))


def _count(db_url: str, arrangement_ids: list[str]) -> tuple[int, int, int, int]:
    """(stored rows, distinct ids, rows per natural key beyond one, expected ids present)."""
    engine = database.make_engine(db_url)
    try:
        with database.read_session(engine) as session:
            rows = session.execute(
                select(Submission.submission_id, Submission.arrangement_id, Submission.employee_no, Submission.period,
                       Submission.version)
                .join(Arrangement, Arrangement.id == Submission.arrangement_id)
                .where(Arrangement.ref.in_(arrangement_ids))
            ).all()
            assert session.scalar(select(func.count()).select_from(Arrangement)) >= len(arrangement_ids)
    finally:
        engine.dispose()
    by_id = Counter(row[0] for row in rows)
    by_key = Counter(tuple(row[1:]) for row in rows)
    return len(rows), len(by_id), sum(n - 1 for n in by_key.values()), sum(n - 1 for n in by_id.values())


def run_load(base_url: str, db_url: str, *, clients: int, total: int, verify=True) -> LoadResult:
    run_id = uuid.uuid4().hex[:8]
    prepared = _prepare(base_url, db_url, clients, total, verify, run_id)
    latencies: list[float] = []
    statuses: Counter = Counter()

    async def everyone() -> None:
        await asyncio.wait_for(
            asyncio.gather(*(_run_client(base_url, client, verify, latencies, statuses) for client in prepared)),
            timeout=DEADLINE_S,
        )

    started = time.perf_counter()
    # A thread of its own: the caller's thread may already run an event loop (Playwright's sync API does).
    with ThreadPoolExecutor(1) as loop_thread:
        loop_thread.submit(asyncio.run, everyone()).result()
    seconds = time.perf_counter() - started
    stored, distinct, dup_key, dup_id = _count(db_url, [client.arrangement_id for client in prepared])
    sent_ids = {submission_id for client in prepared for submission_id, _ in client.items}
    ordered = sorted(latencies)
    return LoadResult(
        clients=clients, submissions=total, requests=len(latencies), seconds=round(seconds, 2),
        statuses=dict(sorted(statuses.items())),
        p50_ms=round(statistics.median(ordered) * 1000, 1),
        p99_ms=round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 1),
        stored=stored, lost=len(sent_ids) - distinct, duplicated_by_id=dup_id, duplicated_by_natural_key=dup_key,
    )
