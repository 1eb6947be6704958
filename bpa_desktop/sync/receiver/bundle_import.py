"""`bpa receiver import FILE`: a bundle goes through the same intake as POST /v1/submissions.

Each item is its own transaction (one bad item does not hold back the others), so importing the
same file twice, or importing and later receiving the same ids online, stores every id once.
If the key is not enrolled yet and the bundle carries an enrolment (one-time code), the key is
enrolled first through the same code path as POST /v1/enrol.
"""

from __future__ import annotations

from dataclasses import dataclass

from pydantic import ValidationError
from sqlalchemy import Engine, select

from bpa_desktop.i18n import t
from bpa_desktop.sync.bundle import Bundle
from bpa_desktop.sync.protocol import EnrolRequest, parse_body
from bpa_desktop.sync.receiver import enrolment, intake
from bpa_desktop.sync.receiver.database import write_session
from bpa_desktop.sync.receiver.problems import ProblemError
from bpa_desktop.sync.receiver.store import Arrangement, DeviceKey


@dataclass(frozen=True)
class ItemResult:
    index: int
    submission_id: str | None
    result: str  # "stored" | "duplicate" | "error"
    code: str | None = None
    message: str | None = None

    def as_json(self) -> dict:
        return {key: value for key, value in self.__dict__.items() if value is not None}


def _arrangement(session, bundle: Bundle) -> Arrangement:
    arrangement = session.scalars(select(Arrangement).where(Arrangement.ref == bundle.arrangement_id)).one_or_none()
    if arrangement is None:
        raise ProblemError(404, "unknown_arrangement", t("receiver.problem.unknown_arrangement"))
    return arrangement


def _enrol_if_needed(engine: Engine, bundle: Bundle, actor: str) -> None:
    with write_session(engine) as session:
        arrangement = _arrangement(session, bundle)
        enrolled = session.scalars(
            select(DeviceKey).where(DeviceKey.arrangement_id == arrangement.id, DeviceKey.key_id == bundle.key_id)
        ).one_or_none()
        if enrolled is None and bundle.enrolment is not None:
            request = EnrolRequest(
                code=bundle.enrolment.code,
                public_key=bundle.public_key,
                key_id=bundle.key_id,
                device_label=bundle.enrolment.device_label,
            )
            enrolment.enrol(session, request, actor=actor)


def _item_id(item) -> str | None:
    """Best-effort id for the report (the signature is checked by intake, not here)."""
    try:
        return str(parse_body(item.body_bytes()).submission_id)
    except (ValidationError, ValueError):
        return None


def import_bundle(engine: Engine, bundle: Bundle, *, actor: str) -> list[ItemResult]:
    _enrol_if_needed(engine, bundle, actor)
    results = []
    for index, item in enumerate(bundle.items):
        try:
            with write_session(engine) as session:
                arrangement = _arrangement(session, bundle)
                outcome = intake.receive(session, arrangement=arrangement, signed=item, idempotency_key=None, via="bundle")
                if outcome.created:
                    enrolment.audit(session, actor, "bundle_item_stored", str(outcome.receipt.submission_id))
            results.append(
                ItemResult(index, str(outcome.receipt.submission_id), "stored" if outcome.created else "duplicate")
            )
        except ProblemError as problem:
            results.append(ItemResult(index, _item_id(item), "error", problem.code, problem.title))
    return results
