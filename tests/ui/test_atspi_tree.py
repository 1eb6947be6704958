"""A screen-reader check from outside the process (issue 16 item 8): the demo runs on Qt's X11
plugin under Xvfb with the AT-SPI bus, and tests/ui/atspi_walk.py (the system Python, which
has Debian's python3-pyatspi) walks the accessibility tree of every page, choosing pages the
way assistive technology does (AT-SPI Selection on the page list). Every focusable control
must have a role and a name. Skipped where Xvfb, D-Bus, AT-SPI or pyatspi are missing;
.ci/run installs them."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

WALKER = Path(__file__).with_name("atspi_walk.py")
BUS_LAUNCHER = Path("/usr/libexec/at-spi-bus-launcher")
SYSTEM_PYTHON = "/usr/bin/python3"


def _missing() -> str | None:
    for tool in ("xvfb-run", "dbus-run-session"):
        if shutil.which(tool) is None:
            return tool
    if not BUS_LAUNCHER.exists():
        return str(BUS_LAUNCHER)
    probe = subprocess.run([SYSTEM_PYTHON, "-c", "import pyatspi"], capture_output=True)
    return None if probe.returncode == 0 else "python3-pyatspi"


@pytest.mark.parametrize("language", ["nb", "en"])
def test_every_focusable_control_on_every_page_has_a_role_and_a_name(tmp_path, language):
    missing = _missing()
    if missing:
        pytest.skip(f"{missing} is not installed (.ci/run installs it)")
    env = {key: value for key, value in os.environ.items() if not key.startswith("QT_")}
    env.update(QT_QPA_PLATFORM="xcb", QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", XDG_DATA_HOME=str(tmp_path),
               XDG_CONFIG_HOME=str(tmp_path))
    script = (
        f"{BUS_LAUNCHER} --launch-immediately & sleep 1; "
        f"{sys.executable} -m bpa_desktop --demo --lang {language} --page oversikt & app=$!; "
        f"{SYSTEM_PYTHON} {WALKER}; status=$?; kill $app; exit $status"
    )
    run = subprocess.run(["xvfb-run", "-a", "-s", "-screen 0 1366x768x24", "dbus-run-session", "--",
                          "bash", "-c", script], env=env, capture_output=True, text=True, timeout=240)
    pages = [line for line in run.stdout.splitlines() if line.startswith("page ")]
    assert len(pages) == 8, run.stdout + run.stderr[-2000:]
    assert run.returncode == 0, run.stdout
