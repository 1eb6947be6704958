"""`python -m bpa_desktop.cli` behaves like the `bpa` script: input errors are one line, exit 2."""

import subprocess
import sys


def test_module_entry_reports_unreadable_input_in_one_line(tmp_path):
    missing = tmp_path / "finnes-ikke.json"
    result = subprocess.run(
        [sys.executable, "-m", "bpa_desktop.cli", "check", str(missing)],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1
    assert str(missing) in result.stderr
    assert "Traceback" not in result.stderr
