"""The receiver speaks the language a request asks for: staff pages and problem titles in
English for Accept-Language: en, bokmål otherwise (or the operator's `language`)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bpa_desktop.sync.receiver.middleware import preferred_language
from tests.sync.receiver_helpers import add_staff_user

PASSWORD = "riktig-hest-batteri"
NORWEGIAN_WORDS = re.compile(r"[æøåÆØÅ]|\b(Brukernavn|Passord|Logg inn|Ordninger|Timelister|Mangler)\b")




@pytest.mark.parametrize(("header", "expected"), [
    ("en-GB,en;q=0.9", "en"),
    ("nn-NO,en;q=0.5", "nb"),  # nynorsk readers get bokmål, not English
    ("no", "nb"),
    ("de-DE,en;q=0.3,nb;q=0.2", "en"),
    ("en;q=0, nb", "nb"),  # q=0: not wanted
    ("fr, de", "nb"),  # none of ours: the default
    ("en;q=banana, nb;q=0.4", "nb"),  # an unreadable quality is skipped
    ("", "nb"),
])
def test_the_first_of_our_languages_by_quality_then_order(header, expected):
    assert preferred_language(header, "nb") == expected


def test_no_header_and_no_language_of_ours_give_the_operators_choice():
    assert preferred_language("", "en") == "en"
    assert preferred_language("fr", "en") == "en"


@given(st.text(max_size=300))
def test_any_header_gives_one_of_our_languages(header):
    assert preferred_language(header, "nb") in ("nb", "en")


def test_staff_pages_in_english(client, db_url):
    add_staff_user(db_url, password=PASSWORD)
    english = {"Accept-Language": "en-GB,en;q=0.9"}
    page = client.get("/staff/login", headers=english)
    assert page.status_code == 200
    assert '<html lang="en">' in page.text
    assert ">User name</label>" in page.text and ">Log in</button>" in page.text
    assert not NORWEGIAN_WORDS.search(page.text)
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
    wrong = client.post("/staff/login", headers=english,
                        data={"username": "saksbehandler", "password": "feil-passord-her", "csrf_token": csrf})
    assert wrong.status_code == 401 and "Wrong user name or password." in wrong.text
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', wrong.text).group(1)
    home = client.post("/staff/login", headers=english,
                       data={"username": "saksbehandler", "password": PASSWORD, "csrf_token": csrf})
    assert home.status_code == 200 and "<h1>Arrangements</h1>" in home.text
    assert "Make enrolment code" in home.text and "Skip to content" in home.text
    assert not NORWEGIAN_WORDS.search(home.text)
    period = client.get("/staff/submissions?period=2026-03", headers=english)
    assert "No timesheets for 2026-03." in period.text and "Period (YYYY-MM)" in period.text
    assert not NORWEGIAN_WORDS.search(period.text)


def test_staff_pages_in_bokmal_by_default(client, db_url):
    page = client.get("/staff/login")
    assert '<html lang="nb">' in page.text and ">Brukernavn</label>" in page.text


def test_problem_titles_in_the_language_asked_for(client):
    english = client.post("/v1/submissions", json={}, headers={"Accept-Language": "en"})
    bokmal = client.post("/v1/submissions", json={}, headers={"Accept-Language": "nb-NO"})
    assert english.status_code == bokmal.status_code == 400
    assert english.json()["code"] == bokmal.json()["code"]
    assert english.json()["title"] == "The request does not follow bpa-sync/1."
    assert bokmal.json()["title"] == "Forespørselen følger ikke bpa-sync/1."
    unknown = client.get("/v1/nothing-here", headers={"Accept-Language": "en"})
    assert unknown.status_code == 404 and unknown.json()["title"] == "No such address."
    too_large = client.post("/v1/enrol", content=b"{}", headers={"Content-Length": str(2 * 1024 * 1024),
                                                                   "Accept-Language": "en"})
    assert too_large.status_code == 413 and too_large.json()["title"] == "The request is too large."


def test_the_operator_can_make_english_the_default(db_url):
    from fastapi.testclient import TestClient

    from bpa_desktop.sync.receiver import database
    from bpa_desktop.sync.receiver.app import create_app
    from bpa_desktop.sync.receiver.settings import ReceiverSettings

    database.migrate(db_url)
    with TestClient(create_app(settings=ReceiverSettings(db=db_url, language="en")),
                    base_url="http://127.0.0.1") as client:
        assert ">Log in</button>" in client.get("/staff/login").text
        assert ">Logg inn</button>" in client.get("/staff/login", headers={"Accept-Language": "nb"}).text
