"""A real display (issue 16 item 11): every X11 library CI installs for Qt's xcb plugin is named in
the README too, so that a person whose first start fails with "Could not load the Qt platform
plugin xcb" finds what to install. (The CI step itself starts the app on xcb under Xvfb.)"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_readme_names_every_x11_library_ci_installs():
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    installed = set(re.findall(r"\blib(?:xcb|xkbcommon)[\w.+-]*", ci))
    assert {"libxcb-icccm4", "libxcb-keysyms1"} <= installed  # the two the issue found missing
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert sorted(name for name in installed if name not in readme) == []
