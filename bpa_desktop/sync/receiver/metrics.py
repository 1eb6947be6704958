"""Prometheus metrics (prometheus-client), correct with several worker processes.

With `PROMETHEUS_MULTIPROC_DIR` set (`bpa receiver serve` sets it for its workers; a process
manager must set it itself, to an empty directory, before the workers start), every worker
writes its counters to files there and /metrics adds them up across workers. Without it the
process's own registry is served.

Labels hold route templates (`/v1/submissions`, `/staff/submissions/{submission_id}/decision`),
methods, status codes and outcome codes only: never an id, a name or a number from a body.
"""

from __future__ import annotations

import os
from datetime import datetime

from prometheus_client import (
    CONTENT_TYPE_LATEST,
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily
from sqlalchemy import Engine, func, select

MULTIPROC_ENV = "PROMETHEUS_MULTIPROC_DIR"
_HOUR = 3600.0

REQUESTS = Counter(
    "bpa_receiver_http_requests", "HTTP requests answered, by route template, method and status",
    ["route", "method", "status"],
)
REQUEST_SECONDS = Histogram(
    "bpa_receiver_http_request_duration_seconds", "Time to answer, by route template", ["route"],
    buckets=(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0),
)
SUBMISSIONS = Counter(
    "bpa_receiver_submissions", "Submissions received (stored new) and decided by staff", ["outcome"],
)
SUBMISSIONS_REFUSED = Counter(
    "bpa_receiver_submissions_refused", "Submissions refused by intake, by problem code", ["code"],
)
DECISION_LAG = Histogram(
    "bpa_receiver_decision_lag_seconds", "Time from receipt to the staff decision",
    buckets=(_HOUR, 6 * _HOUR, 24 * _HOUR, 3 * 24 * _HOUR, 7 * 24 * _HOUR, 14 * 24 * _HOUR, 30 * 24 * _HOUR),
)
LOGIN_FAILURES = Counter(
    "bpa_receiver_login_failures", "Failed staff logins (bad_credentials) and refused while locked (locked)",
    ["reason"],
)

LINK_EVENTS = Counter(
    "bpa_receiver_link_events", "bpa-sync/2 events recorded (phone pages and staff page), by kind and channel",
    ["kind", "channel"],
)
LINK_REFUSALS = Counter(
    "bpa_receiver_link_refusals", "Phone page requests refused: not_found, rate_limited, bad_form", ["reason"],
)


def record_decision(decision: str, received_at: datetime, decided_at: datetime) -> None:
    SUBMISSIONS.labels(outcome=decision).inc()
    DECISION_LAG.observe(max(0.0, (decided_at - received_at).total_seconds()))


class _WaitingCollector:
    """Undecided submissions and the age of the oldest, read from the database at scrape time
    (the same for every worker, so not a per-process counter)."""

    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def collect(self):
        from bpa_desktop.sync.receiver.database import read_session
        from bpa_desktop.sync.receiver.store import Submission, utc_now

        with read_session(self._engine) as session:
            undecided = Submission.state == "received"
            count = session.scalar(select(func.count()).select_from(Submission).where(undecided))
            oldest = session.scalar(select(Submission.received_at).where(undecided).order_by(Submission.received_at).limit(1))
        waiting = GaugeMetricFamily("bpa_receiver_undecided_submissions", "Submissions waiting for a staff decision")
        waiting.add_metric([], count or 0)
        yield waiting
        age = GaugeMetricFamily(
            "bpa_receiver_oldest_undecided_age_seconds", "How long the oldest undecided submission has waited"
        )
        age.add_metric([], max(0.0, (utc_now() - oldest).total_seconds()) if oldest else 0.0)
        yield age


def render(engine: Engine) -> tuple[bytes, str]:
    """The /metrics body and its content type."""
    if os.environ.get(MULTIPROC_ENV):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    waiting = CollectorRegistry()
    waiting.register(_WaitingCollector(engine))
    return generate_latest(registry) + generate_latest(waiting), CONTENT_TYPE_LATEST
