"""The receiver's own distribution (packaging/receiver) installs with pip into a fresh virtual
environment without Qt, and the installed `bpa-receiver` migrates and serves. CI builds that
environment once (BPA_TEST_RECEIVER_VENV, the one its deployed receiver runs from); elsewhere
the test builds it in tmp_path (about half a minute with pip's cache)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx

from tests.sync.receiver_helpers import free_port, stop, wait_until_healthy

REPO = Path(__file__).resolve().parents[2]


def _venv(tmp_path: Path) -> Path:
    given = os.environ.get("BPA_TEST_RECEIVER_VENV")
    if given:
        return Path(given)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    done = subprocess.run([str(venv / "bin" / "pip"), "install", "-q", str(REPO / "packaging" / "receiver")],
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return venv


def _size_mib(folder: Path) -> float:
    return sum(path.stat().st_size for path in folder.rglob("*") if path.is_file() and not path.is_symlink()) / 2**20


def test_pip_install_of_the_receiver_pulls_no_qt_and_serves(tmp_path):
    venv = _venv(tmp_path)
    python, receiver = str(venv / "bin" / "python"), str(venv / "bin" / "bpa-receiver")
    listed = subprocess.run([python, "-m", "pip", "list", "--format=freeze"], capture_output=True, text=True,
                            check=True, cwd=tmp_path).stdout.lower()
    for desktop_only in ("pyside6", "shiboken6", "reportlab", "keyring", "icalendar", "holidays"):
        assert f"\n{desktop_only}" not in "\n" + listed, desktop_only
    assert "bpa-receiver==" in listed and "psycopg==" in listed and "argon2-cffi==" in listed
    # Outside the checkout, so the installed package is the one imported.
    probe = subprocess.run([python, "-c", (
        "import importlib.util, pkgutil, bpa_desktop, bpa_desktop.sync as s, bpa_desktop.commands as c;"
        "print(bpa_desktop.__file__);"
        "print(sorted(m.name for m in pkgutil.iter_modules(s.__path__)), sorted(m.name for m in pkgutil.iter_modules(c.__path__)));"
        "print(importlib.util.find_spec('PySide6'))")], capture_output=True, text=True, check=True, cwd=tmp_path)
    where, modules, qt = probe.stdout.splitlines()
    assert where.startswith(str(venv))
    assert modules == "['bundle', 'protocol', 'protocol_v2', 'receiver', 'signing'] ['cli_language', 'common', 'receiver']"
    assert qt == "None"
    # every module it ships imports with what it ships (a module the build left out fails here)
    imported = subprocess.run([python, "-c", (
        "import importlib, pkgutil, bpa_desktop;"
        "names = [m.name for m in pkgutil.walk_packages(bpa_desktop.__path__, 'bpa_desktop.')"
        " if '.migrations' not in m.name];"
        "[importlib.import_module(name) for name in names]; print(len(names))")],
        capture_output=True, text=True, cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr[-2000:]
    assert int(imported.stdout) > 20
    print(f"receiver venv: {_size_mib(venv):.0f} MiB")

    # the message catalogue ships with it: help in either language
    english = subprocess.run([receiver, "--lang", "en", "--help"], cwd=tmp_path, capture_output=True, text=True)
    bokmal = subprocess.run([receiver, "--help"], cwd=tmp_path, capture_output=True, text=True)
    assert "The municipality's receiver of timesheets" in english.stdout and "Kommunens mottak" in bokmal.stdout

    db = f"sqlite:///{tmp_path / 'receiver.db'}"
    assert subprocess.run([receiver, "migrate", "--db", db], cwd=tmp_path, capture_output=True).returncode == 0
    port = free_port()
    log = tmp_path / "serve.log"
    with open(log, "wb") as out:
        process = subprocess.Popen([receiver, "serve", "--db", db, "--port", str(port), "--workers", "2"],
                                   cwd=tmp_path, stdout=out, stderr=subprocess.STDOUT)
        try:
            wait_until_healthy(f"http://127.0.0.1:{port}", process, log)
            assert httpx.get(f"http://127.0.0.1:{port}/v1/ready", timeout=10).status_code == 200
            page = httpx.get(f"http://127.0.0.1:{port}/staff/login", timeout=10)
            assert page.status_code == 200 and "Logg inn" in page.text
            english_page = httpx.get(f"http://127.0.0.1:{port}/staff/login", timeout=10,
                                     headers={"Accept-Language": "en"})
            assert ">Log in</button>" in english_page.text
            assert httpx.get(f"http://127.0.0.1:{port}/staff/static/receiver.css", timeout=10).status_code == 200
        finally:
            stop(process)
