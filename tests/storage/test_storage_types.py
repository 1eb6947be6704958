"""UTCDateTime: any aware instant goes in and comes back as the same instant, in UTC."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from sqlalchemy import Column, Integer, MetaData, Table, create_engine, insert, select
from sqlalchemy.exc import StatementError

from bpa_desktop.storage.types import NaiveDatetimeError, UTCDateTime

metadata = MetaData()
instants = Table(
    "instants", metadata, Column("id", Integer, primary_key=True), Column("at", UTCDateTime())
)


@pytest.fixture(scope="module")
def engine():
    engine = create_engine("sqlite://")
    metadata.create_all(engine)
    yield engine
    engine.dispose()


ZONES = st.sampled_from(
    [ZoneInfo("Europe/Oslo"), ZoneInfo("America/New_York"), ZoneInfo("Asia/Kolkata"), timezone.utc]
)


@settings(deadline=None, max_examples=200)
@given(
    moment=st.datetimes(
        min_value=datetime(1970, 1, 1), max_value=datetime(2100, 1, 1), timezones=ZONES
    )
)
def test_any_aware_datetime_round_trips_as_the_same_instant(engine, moment):
    with engine.begin() as connection:
        row_id = connection.execute(insert(instants).values(at=moment)).inserted_primary_key[0]
        stored = connection.scalar(select(instants.c.at).where(instants.c.id == row_id))
    assert stored.tzinfo is timezone.utc
    # Compare instants as UTC: PEP 495 makes inter-zone == False for times in a fold or gap.
    assert stored == moment.astimezone(timezone.utc)
    assert stored.timestamp() == moment.timestamp()


def test_the_two_autumn_half_past_twos_stay_apart(engine):
    oslo = ZoneInfo("Europe/Oslo")
    first = datetime(2026, 10, 25, 2, 30, tzinfo=oslo, fold=0)
    second = datetime(2026, 10, 25, 2, 30, tzinfo=oslo, fold=1)
    with engine.begin() as connection:
        ids = [
            connection.execute(insert(instants).values(at=m)).inserted_primary_key[0]
            for m in (first, second)
        ]
        back = [connection.scalar(select(instants.c.at).where(instants.c.id == i)) for i in ids]
    assert (back[1] - back[0]).total_seconds() == 3600


def test_naive_datetime_is_refused(engine):
    with pytest.raises(StatementError) as caught, engine.begin() as connection:
        connection.execute(insert(instants).values(at=datetime(2026, 1, 1, 12, 0)))
    assert isinstance(caught.value.orig, NaiveDatetimeError)
