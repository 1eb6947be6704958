"""The receiver as deployed (docs/receiver.md): migrate, then 4 workers under /bpa-mottak, behind
Debian's nginx ending TLS with packaging/receiver/nginx-bpa-receiver.conf. On PostgreSQL when
BPA_TEST_POSTGRES_URL is set (as in CI), else SQLite. A bounded load through the proxy: 0 lost,
0 duplicated; the staff page works under the sub-path with Secure cookies; every answer carries
the security headers, HSTS included (the proxy says https)."""

from __future__ import annotations

import re
import shutil

import httpx
import pytest

from tests.sync.receiver_helpers import POSTGRES_ADMIN_URL, STAFF_PASSWORD, add_staff_user, backend_database
from tests.sync.receiver_load import run_load
from tests.sync.receiver_stack import NGINX, running_stack

pytestmark = pytest.mark.skipif(shutil.which(NGINX) is None and not __import__("os").path.exists(NGINX),
                                reason="nginx mangler; .ci/run installerer Debian-pakken `nginx`")


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    folder = tmp_path_factory.mktemp("stack")
    backend = "postgresql" if POSTGRES_ADMIN_URL else "sqlite"
    with backend_database(backend, folder) as db_url, running_stack(db_url, folder, workers=4) as running:
        yield running


def test_load_through_the_tls_proxy_loses_and_duplicates_nothing(stack):
    result = run_load(stack.base_url, stack.db_url, clients=20, total=400, verify=str(stack.ca_file))
    print(result.as_json())
    assert result.lost == 0 and result.duplicated_by_id == 0 and result.duplicated_by_natural_key == 0
    assert result.stored == 400
    assert set(result.statuses) <= {200, 201, 409, 503} and result.statuses[201] == 400


def test_staff_page_under_the_sub_path_over_https(stack):
    add_staff_user(stack.db_url)
    with httpx.Client(base_url=stack.base_url, verify=str(stack.ca_file), timeout=30) as browser:
        to_login = browser.get(f"{stack.base_url}/staff/", follow_redirects=False)
        assert to_login.status_code == 303 and to_login.headers["location"] == "/bpa-mottak/staff/login"
        page = browser.get("/staff/login")
        cookie = page.headers["set-cookie"]
        assert "Path=/bpa-mottak/staff" in cookie and "Secure" in cookie and "HttpOnly" in cookie
        assert page.headers["strict-transport-security"] == "max-age=31536000"
        assert page.headers["x-content-type-options"] == "nosniff"
        assert "frame-ancestors 'none'" in page.headers["content-security-policy"]
        assert browser.get("/staff/static/receiver.css").status_code == 200
        csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text).group(1)
        logged_in = browser.post("/staff/login", data={"username": "saksbehandler", "password": STAFF_PASSWORD,
                                                       "csrf_token": csrf}, follow_redirects=False)
        assert logged_in.status_code == 303 and logged_in.headers["location"] == "/bpa-mottak/staff/"
        home = browser.get("/staff/")
        assert home.status_code == 200 and "<h1>Ordninger</h1>" in home.text
        assert browser.get(f"https://{httpx.URL(stack.base_url).netloc.decode()}/", follow_redirects=False
                           ).headers["location"].endswith("/bpa-mottak/")


def test_the_proxy_passes_the_client_address_and_refuses_big_bodies(stack):
    with httpx.Client(base_url=stack.base_url, verify=str(stack.ca_file), timeout=30) as http:
        forged = http.get("/v1/health", headers={"X-Forwarded-For": "203.0.113.66"})
        assert forged.status_code == 200
        big = http.post("/v1/submissions", content=b"x" * (2 * 1024 * 1024))
        assert big.status_code == 413
    log = stack.log_path.read_text()
    assert '"client": "127.0.0.1"' in log and "203.0.113.66" not in log  # nginx replaced the forged header


def test_assistant_link_page_through_the_proxy_and_its_code_in_no_log(stack):
    from tests.sync.receiver_helpers import enrol_device
    from tests.sync.receiver_v2_helpers import Desktop, month_view

    with httpx.Client(base_url=stack.base_url, verify=str(stack.ca_file), timeout=30) as http:
        desktop = Desktop(enrol_device(http, stack.db_url, "Ordning bak proxyen"))
        assert desktop.publish(month_view(desktop.arrangement_id))[1].status_code == 201
        link = desktop.new_link()
        page = http.get(f"/p/{link.code}")
        assert page.status_code == 200 and "Timene dine i mars 2026" in page.text
        assert f'action="/bpa-mottak/p/{link.code}/confirm"' in page.text  # links under the sub-path
        assert page.headers["referrer-policy"] == "no-referrer"
        assert http.get("/p/" + "u" * 32).status_code == 404
        assert http.get("/v1/health").status_code == 200
    nginx_log = (stack.log_path.parent / "nginx-access.log").read_text()
    assert "/bpa-mottak/v1/health" in nginx_log  # nginx logs the other requests as before
    for log in (nginx_log, stack.log_path.read_text()):
        assert link.code not in log and "u" * 32 not in log
