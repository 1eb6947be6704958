"""Smoke test of the FROZEN programs in a built bundle (packaging/build-linux.sh makes one).

    python packaging/smoke_test.py dist/bpa-desktop

Runs the bundle's own `bpa-desktop` and `bpa` (never the source tree's Python) on a demo
database in a temporary folder: the GUI's screenshot, `check`, `pay`, every export format, the
embedded fonts of each PDF (`pdffonts`, when poppler-utils is installed), `sync status`, a
backup, `receiver serve` and its `/v1/health`, and the install step. Standard library only, so
it runs with any Python 3.11. Prints one line per step and "N passed, N failed" at the end;
exits 1 if any step failed.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date, timedelta
from pathlib import Path

TIMEOUT = 120


class StepFailed(Exception):
    pass


class Smoke:
    def __init__(self, bundle: Path, work: Path) -> None:
        self.bundle = bundle
        self.work = work
        self.env = dict(os.environ, QT_QPA_PLATFORM="offscreen", XDG_DATA_HOME=str(work / "data"),
                        XDG_CONFIG_HOME=str(work / "config"), HOME=str(work / "home"),
                        PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring")
        (work / "home").mkdir()
        self.passed: list[str] = []
        self.failed: list[str] = []

    def run(self, program: str, *args: str, ok=(0,), timeout: int = TIMEOUT) -> subprocess.CompletedProcess:
        argv = [str(self.bundle / program), *args]
        done = subprocess.run(argv, env=self.env, cwd=self.work, capture_output=True, text=True, timeout=timeout)
        if done.returncode not in ok:
            raise StepFailed(f"{' '.join(argv[1:])}: exit {done.returncode}\n{done.stderr[-2000:]}")
        return done

    def step(self, name: str, check) -> None:
        started = time.perf_counter()
        try:
            check()
        except (StepFailed, subprocess.TimeoutExpired, OSError, ValueError, KeyError, AssertionError) as error:
            self.failed.append(name)
            print(f"FAIL {name}: {error}", flush=True)
        else:
            self.passed.append(name)
            print(f"ok   {name} ({time.perf_counter() - started:.1f} s)", flush=True)


def file_with_content(path: Path, starts_with: bytes = b"") -> None:
    if not path.is_file() or path.stat().st_size == 0:
        raise StepFailed(f"{path.name} was not written")
    if starts_with and not path.read_bytes().startswith(starts_with):
        raise StepFailed(f"{path.name} does not start with {starts_with!r}")


def fonts_embedded(pdf: Path) -> None:
    """Every font in the PDF is embedded (pdffonts' "emb" column), and it is DejaVu."""
    if shutil.which("pdffonts") is None:
        print("     (pdffonts not installed: embedded fonts not checked)")
        return
    lines = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True, check=True).stdout.splitlines()
    rows = [line.split() for line in lines[2:] if line.strip()]
    if not rows:
        raise StepFailed(f"{pdf.name} has no fonts")
    for row in rows:
        # name type [type…] encoding emb sub uni object ID: emb is the 5th field from the end
        if row[-5] != "yes" or "DejaVu" not in row[0]:
            raise StepFailed(f"{pdf.name}: font not embedded or not DejaVu: {' '.join(row)}")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for_health(url: str, process: subprocess.Popen, seconds: float = 60) -> dict:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise StepFailed(f"the receiver stopped with exit {process.returncode}: {process.stderr.read()[-1500:]}")
        try:
            with urllib.request.urlopen(url, timeout=2) as answer:
                return json.loads(answer.read())
        except OSError:
            time.sleep(0.2)
    raise StepFailed(f"no answer from {url} within {seconds:.0f} s")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("bundle", type=Path, help="the built folder, e.g. dist/bpa-desktop")
    args = parser.parse_args()
    bundle = args.bundle.resolve()
    with tempfile.TemporaryDirectory(prefix="bpa-smoke-") as tmp:
        smoke = Smoke(bundle, Path(tmp))
        run_steps(smoke)
    print(f"frozen smoke: {len(smoke.passed)} passed, {len(smoke.failed)} failed")
    return 1 if smoke.failed else 0


def run_steps(smoke: Smoke) -> None:
    work = smoke.work
    db = work / "demo.sqlite"
    period = (date.today().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")  # last month

    def versions():
        for program in ("bpa-desktop", "bpa"):
            out = smoke.run(program, "--version").stdout
            if program not in out or not any(ch.isdigit() for ch in out):
                raise StepFailed(f"{program} --version printed {out!r}")

    def gui():
        shot = work / "gui.png"
        smoke.run("bpa-desktop", "--demo", "--page", "turnus", "--screenshot", str(shot))
        file_with_content(shot, b"\x89PNG")

    def demo():
        smoke.run("bpa", "demo", "--db", str(db))

    def rota_json_check_pay():
        shifts = work / "shifts.json"
        smoke.run("bpa", "export", "rota", "--db", str(db), "--format", "json", "--out", str(shifts))
        json.loads(shifts.read_text(encoding="utf-8"))
        findings = json.loads(smoke.run("bpa", "check", str(shifts), ok=(0, 1)).stdout)
        pay = json.loads(smoke.run("bpa", "pay", str(shifts), ok=(0, 1)).stdout)
        if not isinstance(findings, (dict, list)) or not pay:
            raise StepFailed("check or pay printed no JSON")

    def timesheet_pdf():
        out = work / "timesheet.pdf"
        smoke.run("bpa", "export", "timesheet", "--db", str(db), "--assistant", "1", "--period", period,
                  "--out", str(out))
        file_with_content(out, b"%PDF")
        fonts_embedded(out)

    def payroll():
        for fmt in ("visma", "csv"):
            out = work / f"payroll-{fmt}.csv"
            smoke.run("bpa", "export", "payroll", "--db", str(db), "--period", period, "--format", fmt,
                      "--out", str(out), ok=(0, 1))  # 1: some timesheet of the month is not attested yet
            file_with_content(out)

    def rota_pdf():
        out = work / "rota.pdf"
        smoke.run("bpa", "export", "rota", "--db", str(db), "--format", "pdf", "--out", str(out))
        file_with_content(out, b"%PDF")
        fonts_embedded(out)

    def rota_ics():
        out = work / "rota.ics"
        smoke.run("bpa", "export", "rota", "--db", str(db), "--format", "ics", "--assistant", "1",
                  "--out", str(out))
        file_with_content(out, b"BEGIN:VCALENDAR")

    def sync_status():
        json.loads(smoke.run("bpa", "sync", "status", "--db", str(db)).stdout)

    def backup():
        smoke.run("bpa", "backup", "create", "--db", str(db))
        copies = json.loads(smoke.run("bpa", "backup", "list", "--db", str(db), "--json").stdout)
        if not copies:
            raise StepFailed("backup list shows no copy")

    def plan():
        answer = smoke.run("bpa", "plan", "--db", str(db), "--weeks", "2", "--time-limit", "5", "--first",
                           ok=(0, 1))  # CP-SAT (OR-Tools) inside the bundle
        if not answer.stdout.strip().startswith("{"):
            raise StepFailed(f"bpa plan printed {answer.stdout[:200]!r}")

    def encryption_library():
        status = json.loads(smoke.run("bpa", "db", "status", "--db", str(db)).stdout)
        if not status["library"] or status["encrypted"]:
            raise StepFailed(f"bpa db status: {status}")  # sqlcipher3 is in the bundle

    def printing_and_pdf_speed():
        # Printing renders PDFs with QtPdf (ui/printing.py); ReportLab's C speed-ups are loaded
        # by name. Neither shows in a command's output, so their files are looked for.
        for pattern in ("QtPdf.*", "libQt6Pdf.so*", "_rl_accel*"):
            if not any(smoke.bundle.rglob(pattern)):
                raise StepFailed(f"nothing named {pattern} in the bundle")

    def receiver():
        receiver_db = work / "receiver.sqlite"
        smoke.run("bpa", "receiver", "migrate", "--db", str(receiver_db))
        port = free_port()
        process = subprocess.Popen(
            [str(smoke.bundle / "bpa"), "receiver", "serve", "--db", str(receiver_db), "--host", "127.0.0.1",
             "--port", str(port)], env=smoke.env, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            text=True)
        try:
            health = wait_for_health(f"http://127.0.0.1:{port}/v1/health", process)
            if health.get("status") != "ok":
                raise StepFailed(f"/v1/health said {health}")
        finally:
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def install():
        prefix = work / "prefix"
        subprocess.run(["sh", str(smoke.bundle / "install.sh")], env=dict(smoke.env, PREFIX=str(prefix)),
                       check=True, capture_output=True, timeout=TIMEOUT)
        desktop = prefix / "share" / "applications" / "no.bpa_desktop.BpaDesktop.desktop"
        if f"Exec={prefix}/opt/bpa-desktop/bpa-desktop" not in desktop.read_text(encoding="utf-8"):
            raise StepFailed("the installed .desktop file does not start the installed program")
        file_with_content(prefix / "share" / "icons" / "hicolor" / "48x48" / "apps" / "no.bpa_desktop.BpaDesktop.png")
        out = subprocess.run([str(prefix / "bin" / "bpa"), "--version"], env=smoke.env, capture_output=True,
                             text=True, timeout=TIMEOUT, check=True).stdout
        if "bpa" not in out:
            raise StepFailed(f"the installed bpa --version printed {out!r}")
        subprocess.run(["sh", str(smoke.bundle / "install.sh"), "--uninstall"],
                       env=dict(smoke.env, PREFIX=str(prefix)), check=True, capture_output=True, timeout=TIMEOUT)
        if (prefix / "opt" / "bpa-desktop").exists() or desktop.exists():
            raise StepFailed("--uninstall left files behind")

    def appstream():
        share = smoke.bundle / "share"
        metainfo = share / "no.bpa_desktop.BpaDesktop.metainfo.xml"
        for tool, argv in (("appstreamcli", ["appstreamcli", "validate", "--no-net", str(metainfo)]),
                           ("appstream-util", ["appstream-util", "validate", "--nonet", str(metainfo)]),
                           ("desktop-file-validate", ["desktop-file-validate",
                                                      str(share / "no.bpa_desktop.BpaDesktop.desktop")])):
            if shutil.which(tool) is None:
                print(f"     ({tool} not installed: not checked)")
                continue
            done = subprocess.run(argv, capture_output=True, text=True, timeout=TIMEOUT)
            if done.returncode != 0:
                raise StepFailed(f"{tool}: {done.stdout}{done.stderr}")

    for name, check in (
        ("--version of both programs", versions),
        ("metainfo and .desktop validate", appstream),
        ("bpa-desktop --demo --screenshot", gui),
        ("bpa demo", demo),
        ("bpa export rota json, check, pay", rota_json_check_pay),
        ("bpa export timesheet (PDF, fonts embedded)", timesheet_pdf),
        ("bpa export payroll visma and csv", payroll),
        ("bpa export rota pdf (fonts embedded)", rota_pdf),
        ("bpa export rota ics", rota_ics),
        ("bpa sync status", sync_status),
        ("bpa backup create and list", backup),
        ("bpa plan (OR-Tools in the bundle)", plan),
        ("bpa db status (SQLCipher in the bundle)", encryption_library),
        ("QtPdf for printing and ReportLab's speed-ups in the bundle", printing_and_pdf_speed),
        ("bpa receiver serve and /v1/health", receiver),
        ("install.sh and --uninstall", install),
    ):
        smoke.step(name, check)


if __name__ == "__main__":
    sys.exit(main())
