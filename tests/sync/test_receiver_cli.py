"""`bpa receiver …` in-process: enrol-code, import (twice), list, add-user, revoke-token."""

from __future__ import annotations

import json

import pytest

from bpa_desktop import cli
from bpa_desktop.sync import bundle, signing
from tests.sync.receiver_helpers import enrol_request, make_body


def run(capsys, *argv) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _migrated(db_url, capsys):
    """Every command but `migrate` needs the schema; the operator runs `migrate` first."""
    code, out, err = run(capsys, "receiver", "migrate", "--db", db_url)
    assert code == 0, err
    assert json.loads(out)["changed"] is True


def test_commands_refuse_a_database_that_was_not_migrated(tmp_path, capsys):
    code, _, err = run(capsys, "receiver", "list", "--db", str(tmp_path / "new.db"))
    assert code == 2 and "bpa receiver migrate" in err
    code, out, _ = run(capsys, "receiver", "migrate", "--db", str(tmp_path / "new.db"))
    assert code == 0 and json.loads(out) == {"from": None, "to": json.loads(out)["to"], "changed": True}
    code, out, _ = run(capsys, "receiver", "migrate", "--db", str(tmp_path / "new.db"))
    assert json.loads(out)["changed"] is False  # running it again is harmless
    assert run(capsys, "receiver", "list", "--db", str(tmp_path / "new.db"))[0] == 0


def test_bundle_imported_twice_stores_each_id_once_then_online_push_dedups(tmp_path, capsys, client, db_url):
    code, out, _ = run(capsys, "receiver", "enrol-code", "--db", db_url, "--name", "Ordning A")
    assert code == 0
    issued = json.loads(out)
    key = signing.generate_private_key()
    bodies = [make_body(issued["arrangement_id"], employee_no=str(n)) for n in (11, 12, 13)]
    items = [signing.sign_submission(key, body) for body in bodies]
    path = tmp_path / "bundle.json"
    bundle.write_bundle(path, bundle.build_bundle(
        issued["arrangement_id"], signing.public_key_raw(key), items,
        enrolment=bundle.BundleEnrolment(code=issued["code"], device_label="papir"),
    ))

    code, out, _ = run(capsys, "receiver", "import", "--db", db_url, str(path))
    assert code == 0
    assert [r["result"] for r in json.loads(out)["results"]] == ["stored"] * 3
    code, out, _ = run(capsys, "receiver", "import", "--db", db_url, str(path))
    assert code == 0
    assert [(r["result"], r["submission_id"]) for r in json.loads(out)["results"]] == [
        ("duplicate", str(body.submission_id)) for body in bodies
    ]

    # Online later: the enrolment replay (same code, same key) gives the token; pushing an
    # imported id answers with its stored receipt instead of storing it again.
    token = client.post("/v1/enrol", json=enrol_request(key, issued["code"])).json()["token"]
    response = client.post(
        "/v1/submissions", json=items[0].model_dump(mode="json"),
        headers={"Authorization": f"Bearer {token}", "Idempotency-Key": str(bodies[0].submission_id)},
    )
    assert response.status_code == 200

    code, out, _ = run(capsys, "receiver", "list", "--db", db_url, "--json")
    listed = json.loads(out)["submissions"]
    assert sorted(item["id"] for item in listed) == sorted(str(body.submission_id) for body in bodies)
    assert {item["received_via"] for item in listed} == {"bundle"}
    assert listed[0]["lines"] == {"100": 9000, "210": 630} and listed[0]["state"] == "received"


def test_import_reports_a_tampered_item_and_exits_1(tmp_path, capsys, db_url):
    _, out, _ = run(capsys, "receiver", "enrol-code", "--db", db_url, "--name", "Ordning A")
    issued = json.loads(out)
    key = signing.generate_private_key()
    good = signing.sign_submission(key, make_body(issued["arrangement_id"], employee_no="1"))
    bad = signing.sign_submission(key, make_body(issued["arrangement_id"], employee_no="2"))
    bad = bad.model_copy(update={"sig": good.sig})
    path = tmp_path / "bundle.json"
    bundle.write_bundle(path, bundle.build_bundle(
        issued["arrangement_id"], signing.public_key_raw(key), [good, bad],
        enrolment=bundle.BundleEnrolment(code=issued["code"]),
    ))
    code, out, _ = run(capsys, "receiver", "import", "--db", db_url, str(path))
    assert code == 1
    results = json.loads(out)["results"]
    assert [(r["result"], r.get("code")) for r in results] == [("stored", None), ("error", "bad_signature")]


def test_unreadable_bundle_is_exit_2(tmp_path, capsys, db_url):
    path = tmp_path / "nope.json"
    path.write_text("{}")
    code, _, err = run(capsys, "receiver", "import", "--db", db_url, str(path))
    assert code == 2 and "bpa-bundle/1" in err
    code, _, err = run(capsys, "receiver", "import", "--db", db_url, str(tmp_path / "missing.json"))
    assert code == 2


def test_add_user_from_env_and_revoke_token(capsys, monkeypatch, client, db_url):
    monkeypatch.setenv("BPA_RECEIVER_PASSWORD", "kort")
    code, _, err = run(capsys, "receiver", "add-user", "--db", db_url, "--username", "anne")
    assert code == 2 and "minst 12 tegn" in err
    monkeypatch.setenv("BPA_RECEIVER_PASSWORD", "et-langt-passord")
    code, out, _ = run(capsys, "receiver", "add-user", "--db", db_url, "--username", "anne")
    assert json.loads(out) == {"username": "anne", "created": True}
    assert "et-langt-passord" not in out

    _, out, _ = run(capsys, "receiver", "enrol-code", "--db", db_url, "--name", "Ordning A")
    key = signing.generate_private_key()
    token = client.post("/v1/enrol", json=enrol_request(key, json.loads(out)["code"])).json()["token"]
    headers = {"Authorization": f"Bearer {token}"}
    assert client.get("/v1/decisions", headers=headers).status_code == 200
    code, out, _ = run(capsys, "receiver", "revoke-token", "--db", db_url, "--arrangement", "Ordning A")
    assert json.loads(out)["revoked"] == 1
    assert client.get("/v1/decisions", headers=headers).json()["code"] == "token_revoked"
    code, _, err = run(capsys, "receiver", "revoke-token", "--db", db_url, "--arrangement", "Finnes ikke")
    assert code == 2 and "Finnes ikke" in err


def test_database_from_a_newer_version_is_refused(tmp_path, capsys):
    import sqlite3

    path = tmp_path / "newer.db"
    run(capsys, "receiver", "migrate", "--db", str(path))
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f00dfeed'")
    before = path.read_bytes()
    code, _, err = run(capsys, "receiver", "list", "--db", str(path))
    assert code == 2 and "nyere versjon" in err
    code, _, err = run(capsys, "receiver", "migrate", "--db", str(path))
    assert code == 2 and "nyere versjon" in err
    assert path.read_bytes() == before
