"""The Qt binding must not drop references to None.

PySide6 6.12.0 on Python 3.11 decrements None's reference count on every call of a void
Qt method; after enough calls None is freed and the process aborts with
"Fatal Python error: none_dealloc". pyproject.toml keeps that release out; this test fails
on any binding that has the same fault.
"""

import sys

import pytest
from PySide6.QtWidgets import QListWidget


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_qt_calls_keep_nones_reference_count(qapp):
    widget = QListWidget()
    before = sys.getrefcount(None)
    for _ in range(500):
        widget.update()
        qapp.processEvents()
    # Other code may take or release a handful of references meanwhile; the fault costs 500+.
    assert sys.getrefcount(None) > before - 50
