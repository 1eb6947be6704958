"""Every font in every PDF is the bundled DejaVu, embedded (no ReportLab Helvetica declared)."""

from __future__ import annotations

import re
import shutil
import subprocess

import pytest

from bpa_desktop.export import pdf
from bpa_desktop.export.rota_pdf import render_rota_pdf
from bpa_desktop.export.timesheet_pdf import render_timesheet_pdf
from tests.export import export_sample_data as sample



def font_names(data: bytes) -> set[str]:
    return set(re.findall(rb"/BaseFont\s*/([A-Za-z0-9+_-]+)", data))


def test_the_bundled_dejavu_is_the_font_without_a_system_font():
    found = pdf.find_fonts(dejavu_dirs=(pdf.BUNDLED_FONTS,))
    assert found.regular == "BPA-DejaVuSans" and found.embedded
    assert (pdf.BUNDLED_FONTS / "LICENSE").is_file()


@pytest.mark.parametrize("render", [
    lambda: render_timesheet_pdf(sample.timesheet_document()),
    lambda: render_rota_pdf(sample.rota_document(weeks=1)),
], ids=["timesheet", "rota"])
def test_every_font_is_embedded_dejavu(render, tmp_path):
    data = render()
    names = font_names(data)
    assert names and all(b"DejaVu" in name for name in names), names
    if shutil.which("pdffonts"):
        path = tmp_path / "out.pdf"
        path.write_bytes(data)
        rows = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout.splitlines()[2:]
        assert rows and all(row.split()[-5] == "yes" for row in rows), rows
