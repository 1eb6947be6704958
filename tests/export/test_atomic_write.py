"""Files the app produces appear whole or not at all: a failed write leaves the old file (or
none) and no temporary file behind."""

from __future__ import annotations

import os
from datetime import date

import pytest

from bpa_desktop import atomic_write
from bpa_desktop.export.payroll import PayrollLine, render_pay_lines_csv


def test_a_write_replaces_the_file_whole(tmp_path):
    target = tmp_path / "lonn.csv"
    target.write_bytes(b"old")
    atomic_write.write_bytes(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert [p.name for p in tmp_path.iterdir()] == ["lonn.csv"]


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    target = tmp_path / "turnus.pdf"
    target.write_bytes(b"the good copy")

    def disk_full(_fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    with pytest.raises(OSError):
        atomic_write.write_bytes(target, b"half a new copy")
    assert target.read_bytes() == b"the good copy"
    assert [p.name for p in tmp_path.iterdir()] == ["turnus.pdf"]


def test_a_failed_first_write_leaves_nothing(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "replace", lambda *_args: (_ for _ in ()).throw(OSError(13, "Permission denied")))
    with pytest.raises(OSError):
        render_pay_lines_csv([], tmp_path / "lonn.csv")
    assert list(tmp_path.iterdir()) == []


def test_the_renderers_write_through_it(tmp_path):
    line = PayrollLine("1001", "1000", 7.5, 245.0, date(2026, 3, 1), date(2026, 3, 31))
    path = tmp_path / "lonn.csv"
    data = render_pay_lines_csv([line], path)
    assert path.read_bytes() == data and b"1001" in data
