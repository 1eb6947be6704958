"""The operation path: typed changes (a misspelt area cannot be emitted or listened to), a
template added in its dialog reaching the Turnus page, the serial write queue beside parallel
reads, cancel of a waiting job, and a failed write that broadcasts nothing."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QTime

from bpa_desktop.ui.operations.changes import Changes
from bpa_desktop.ui.operations.jobs import READ, WRITE, JobManager
from bpa_desktop.ui.operations.operation import WriteOp
from tests.ui.rota_helpers import open_rota


def test_changes_are_typed():
    with pytest.raises(TypeError):
        Changes.of("template")  # the Rota page once listened for a topic nobody emitted
    both = Changes.of("calendar") | Changes(timesheets=True)
    assert both.areas == ("calendar", "timesheets") and both & Changes.of("timesheets", "sync")
    assert not Changes() and not (Changes.of("vedtak") & Changes.of("sync"))


def test_a_template_added_in_the_dialog_reaches_the_page_at_once(qtbot, workspace, arrangement, window):
    page = open_rota(qtbot, window)
    assert "ingen vaktkoder" in page.message.text()
    changes = []
    window.ctx.changed.connect(lambda c, _initiator: changes.append(c))
    page.templates_button.click()
    qtbot.waitUntil(lambda: page.dialog is not None and page.dialog.isVisible())
    dialog = page.dialog
    form = dialog.form
    form.code.setText("D")
    form.name.setText("Dag")
    form.start.setTime(QTime(8, 0))
    form.end.setTime(QTime(15, 30))
    dialog.save_button.click()
    # the dialog is still open; the page already knows the code and says so
    qtbot.waitUntil(lambda: "D" in page.model.templates, timeout=10000)
    assert dialog.isVisible() and Changes(templates=True) in changes
    assert page.message.text().startswith("Koder: D Dag")
    assert page.model.setData(page.model.index(0, 0), "d") and page.model.code_at(0, 0) == "D"
    dialog.reject()


def test_writes_run_one_at_a_time_in_order_and_reads_beside_them(qtbot):
    jobs = JobManager()
    order, running, most = [], [0], [0]
    lock = threading.Lock()

    def write(n, pause):
        def work(_progress):
            with lock:
                running[0] += 1
                most[0] = max(most[0], running[0])
            time.sleep(pause)
            order.append(n)
            with lock:
                running[0] -= 1
        return work

    for n, pause in ((1, 0.3), (2, 0.0), (3, 0.1)):
        jobs.run(f"write {n}", write(n, pause), lane=WRITE)
    read_done = []
    jobs.run("read", lambda _p: read_done.append(order[:]), lane=READ)
    assert jobs.wait_for_done(10000)
    assert order == [1, 2, 3] and most[0] == 1
    assert read_done == [[]]  # the read did not wait for the slow first write


def test_a_waiting_job_is_dropped_when_cancelled_and_a_failure_comes_back(qtbot):
    jobs = JobManager()
    gate = threading.Event()
    ran, outcomes = [], []
    jobs.run("long", lambda _p: gate.wait(5), lane=WRITE)
    waiting = jobs.run("waits", lambda _p: ran.append(1), lane=WRITE, cancellable=True,
                       on_cancelled=lambda: outcomes.append("cancelled"))
    failing = jobs.run("fails", lambda _p: 1 / 0, lane=READ, on_error=lambda e: outcomes.append(type(e).__name__))
    assert failing.lane == READ
    waiting.cancel()
    gate.set()
    assert jobs.wait_for_done(10000)
    assert ran == [] and sorted(outcomes) == ["ZeroDivisionError", "cancelled"]


def test_a_failed_write_says_so_and_broadcasts_nothing(qtbot, ctx):
    heard, failed = [], []
    ctx.changed.connect(lambda c, _initiator: heard.append(c))

    def refuse(ws):
        return ws.people.get_arrangement(9999)  # NotFoundError

    WriteOp(ctx, None, refuse, Changes(arrangements=True)).failure(failed.append).run()
    WriteOp(ctx, None, lambda ws: ws.people.list_arrangements(), Changes(arrangements=True)).run()
    assert ctx.wait_for_done()
    assert len(failed) == 1 and "9999" in str(failed[0])
    assert heard == [Changes(arrangements=True)]  # only the one that committed


def test_work_that_stops_when_told_hears_the_cancel_at_once(qtbot):
    jobs = JobManager()
    told = threading.Event()
    started = threading.Event()

    def solve(progress):  # as the planner: blocks until its own cancel() is called
        progress.on_cancel(told.set)
        started.set()
        told.wait(10)
        return "cancelled" if progress.cancelled else "done"

    results = []
    job = jobs.run("plan", solve, lane=WRITE, cancellable=True, on_done=results.append)
    assert started.wait(5)
    began = time.monotonic()
    job.cancel()
    assert jobs.wait_for_done(5000)
    assert results == ["cancelled"] and time.monotonic() - began < 1.0
