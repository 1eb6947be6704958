"""The task runner runs work off the GUI thread and calls back on it."""

from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget

from bpa_desktop.ui.workers import TaskRunner


def test_result_and_error_come_back_on_the_gui_thread(qtbot):
    runner = TaskRunner()
    gui = threading.get_ident()
    seen = {}

    def work(x):
        seen["worker"] = threading.get_ident()
        return x * 2

    def fail():
        raise ValueError("nope")

    runner.submit(work, 21, on_done=lambda r: seen.update(result=r, done_on=threading.get_ident()))
    runner.submit(fail, on_error=lambda e: seen.update(error=e, error_on=threading.get_ident()))
    qtbot.waitUntil(lambda: "result" in seen and "error" in seen)
    assert seen["result"] == 42
    assert seen["worker"] != gui
    assert seen["done_on"] == gui and seen["error_on"] == gui
    assert isinstance(seen["error"], ValueError)
    assert not runner.busy


def test_callbacks_of_a_deleted_owner_are_skipped(qtbot):
    runner = TaskRunner()
    owner = QWidget()
    gate = threading.Event()
    called = []
    runner.submit(gate.wait, 5, on_done=called.append, owner=owner)
    owner.deleteLater()
    qtbot.waitUntil(lambda: not __import__("shiboken6").isValid(owner))
    gate.set()
    assert runner.wait_for_done()
    assert called == []


def test_unhandled_errors_are_reported(qtbot):
    runner = TaskRunner()
    with qtbot.waitSignal(runner.unhandled_error) as blocker:
        runner.submit(lambda: 1 / 0)
    assert isinstance(blocker.args[0], ZeroDivisionError)
